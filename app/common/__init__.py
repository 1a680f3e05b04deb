"""Shared infrastructure 公共基础: the small pieces the desktop client and the hub both run, in one place.

The client and the hub (``server/``) share a deliberately small set of modules, all Qt-free and free of
the desktop stack (no keyring, httpx, reportlab):

- ``app.domain``           the rules: events and their canonical JSON, workflow, regions, deadlines …
- ``app.contract``         the event record both databases store (columns, row form)
- ``app.security``         password hashing, field sealing, the key set, role separation
                           (not ``data_keys`` — the OS keyring, client only — nor ``audit``, which reads
                           the client's store)
- ``app.sync.protocol``    the wire schemas of the sync exchange; ``app.sync.digest`` the scope digest
- ``app.messages``         the Chinese texts of every message code
- ``app.common``           this package: SQLite set-up (``sqlite_setup``), private file permissions
                           (``permissions``), a consistent database copy (``sqlite_copy``) and the
                           Chinese argument parser (``cli_parser``)

Everything else under ``app`` (``cli``, ``services``, ``store``, ``documents``, ``reports``,
``imports``, the rest of ``sync``) is the client's alone; the layer contracts in ``pyproject.toml``
(``[tool.importlinter]``, run by ``tests/unit/test_layers.py``) keep the hub from importing it.
Modules here import the standard library, SQLAlchemy and each other only.
"""
