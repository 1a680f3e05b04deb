"""Use cases called by the window, the CLI and sync. Only services commit."""
