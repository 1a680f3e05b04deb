"""履约 Lvyue — the Qt-free core (domain, store, services, CLI).

Nothing under ``app`` may import PySide6; ``tests/unit/test_layers.py`` checks it.
"""

__version__ = "0.1.0"
