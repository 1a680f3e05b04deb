"""The prefecture hub 州级汇聚中心 (DESIGN §5): FastAPI over SQLite (default) or PostgreSQL.

``python -m server`` serves protocol v1; ``python -m server admin ...`` manages reference data,
enrolment codes and devices. Workers are stateless: several may run on one PostgreSQL database.
"""

from app import __version__

HUB_VERSION = __version__
