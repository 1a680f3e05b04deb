"""SQLAlchemy 2.x storage: engine, tables, migrations, unit of work and repositories."""
