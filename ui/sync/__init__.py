"""The window's side of sync 同步: the 同步 page's parts, the status-bar indicator, the daily time and
enrolment (first-run wizard and settings). Every call goes through ``app.services.sync``."""
