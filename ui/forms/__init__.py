"""Forms 表单: the registration form and the input widgets, checks and drafts it shares with the dialogs."""
