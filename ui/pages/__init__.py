"""The main window's pages: workbench, complaints, documents, statistics, sync, settings."""
