"""Passwords, lockout, roles, field sealing, data keys and the audit chain check.

Shared with the hub (``app.common`` lists the shared set): ``passwords``, ``fieldcrypt``, ``key_set``,
``separation``. The client's alone: ``data_keys`` (the OS keyring) and ``audit`` (reads the client's
store); the layer contract ``hub-alone`` keeps them out of ``server``.
"""
