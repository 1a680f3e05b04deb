"""Dialogs: first-run wizard, login and user management (the shell); workflow actions in ``actions``."""
