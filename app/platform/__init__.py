"""What the operating system needs from us, in plain Python (no Qt): the Windows Task Scheduler entry."""
