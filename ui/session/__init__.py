"""The session 会话 of the logged-in user in the window: the idle lock, the lock screen, logout and switch
of user (``controller``), and the 账户 menu."""
