"""Qt item models over service read models (paged from SQL, never filtered in Python)."""
