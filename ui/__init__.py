"""The PySide6 desktop client. Widgets call services through ``ui.tasks``; they never hold a DB session."""
