"""Passwords, lockout, roles, the audit chain check and keyring access."""
