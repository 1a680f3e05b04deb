"""Client side of the sync protocol (DESIGN §5): push, pull, blobs, reference data, numbering, integrity.

The protocol's message schemas live in ``app.sync.protocol``; the hub (``server/``) imports them.
The service layer calls ``app.services.sync``; nothing here imports Qt.
"""
