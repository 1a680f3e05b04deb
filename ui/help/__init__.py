"""帮助 Help in the window: the user guide (``guide``), the keyboard shortcuts (``shortcuts``), the first-run
tour (``tour``), 关于 (``about``), and the 帮助 menu that opens them (``menu``, F1)."""
