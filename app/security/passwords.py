"""Password verifiers (argon2id) and the password policy 密码规则.

Policy: at least 8 characters and at least 3 of 4 classes (lower case, upper case, digits, symbols).
Lockout: 5 failures in a row lock the account for 15 minutes.
"""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from app.domain.errors import DomainError

MIN_LENGTH = 8
MIN_CLASSES = 3
MAX_FAILURES = 5
LOCK_MINUTES = 15

_hasher = PasswordHasher()


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    try:
        return _hasher.check_needs_rehash(password_hash)
    except InvalidHashError:
        return True


def password_problem(password: str) -> str | None:
    """The first policy the password breaks (an error code), or None."""
    if len(password) < MIN_LENGTH:
        return "password_too_short"
    classes = sum((
        any(ch.islower() for ch in password),
        any(ch.isupper() for ch in password),
        any(ch.isdigit() for ch in password),
        any(not ch.isalnum() for ch in password),
    ))
    if classes < MIN_CLASSES:
        return "password_too_simple"
    return None


def check_password_policy(password: str) -> None:
    problem = password_problem(password)
    if problem:
        raise DomainError(problem, field="password", min_length=MIN_LENGTH)
