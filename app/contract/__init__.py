"""What the desktop client and the hub must agree on, in one place both import.

Nothing here knows Qt, the client's services or the hub's routes: the event record (its columns, its
row form), so that a column is spelt once for the profile's SQLite file and the hub's database.
"""
