"""Users, roles, passwords and permissions of a case.

Roles, from least to most trusted::

    viewer        reads the case; never sees fields marked confidential
    reviewer      + sees confidential fields, decides record links in the review queue
    investigator  + adds claims, runs estimates
    admin         + manages users, reads the audit log

Passwords are hashed with argon2id (argon2-cffi); the hash is all that is stored. Every change to a
user is written to the audit log in the same transaction. Permission checks go through
:func:`require`, which raises :class:`~dadkhah.errors.PermissionDenied`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

import pyotp
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from dadkhah.errors import Conflict, InputError, NotFound, PermissionDenied, Problem, one_of
from dadkhah.store import Case
from dadkhah.store.audit import record as audit_record

__all__ = [
    "LANGUAGES",
    "PERMISSIONS",
    "ROLES",
    "Role",
    "User",
    "add_user",
    "can",
    "check_password",
    "disable_user",
    "enable_totp",
    "get_user",
    "list_users",
    "require",
    "set_language",
    "set_password",
    "set_role",
]

log = logging.getLogger(__name__)

Role = Literal["viewer", "reviewer", "investigator", "admin"]
ROLES: tuple[Role, ...] = ("viewer", "reviewer", "investigator", "admin")
LANGUAGES: tuple[str, ...] = ("en", "fa")

#: What each role may do. A role has the permissions listed for it and for every role before it.
_GRANTS: dict[str, tuple[str, ...]] = {
    "viewer": ("read",),
    "reviewer": ("read_confidential", "review"),
    "investigator": ("claims_write", "estimate_run"),
    "admin": ("users_manage", "audit_read"),
}
PERMISSIONS: tuple[str, ...] = tuple(p for role in ROLES for p in _GRANTS[role])

MIN_PASSWORD_LENGTH = 8  # NIST SP 800-63B minimum; longer is better
_hasher = PasswordHasher()


@dataclass(frozen=True, slots=True)
class User:
    """A person who may log in to the case's workbench."""

    id: int
    username: str
    role: Role
    language: str
    active: bool
    totp_enabled: bool
    created_at: str

    def can(self, permission: str) -> bool:
        return can(self.role, permission)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "username": self.username,
            "role": self.role,
            "language": self.language,
            "active": self.active,
            "totp_enabled": self.totp_enabled,
            "created_at": self.created_at,
        }


def can(role: str, permission: str) -> bool:
    """Whether ``role`` holds ``permission``."""
    if permission not in PERMISSIONS:
        raise ValueError(f"unknown permission {permission!r}")
    if role not in ROLES:
        return False
    granted = ROLES[: ROLES.index(role) + 1]  # type: ignore[arg-type]
    return any(permission in _GRANTS[r] for r in granted)


def require(user: User | None, permission: str) -> User:
    """Return ``user`` when it holds ``permission``; raise PermissionDenied otherwise."""
    if user is None:
        raise PermissionDenied(f"log in to {permission.replace('_', ' ')}")
    if not user.active:
        raise PermissionDenied(f"user {user.username!r} is disabled")
    if not user.can(permission):
        raise PermissionDenied(
            f"the {user.role} role of {user.username!r} does not allow {permission.replace('_', ' ')}"
        )
    return user


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _user(row: Any) -> User:
    return User(
        id=int(row["id"]),
        username=str(row["username"]),
        role=row["role"],
        language=str(row["language"]),
        active=bool(row["active"]),
        totp_enabled=bool(row["totp_secret"]),
        created_at=str(row["created_at"]),
    )


def _check_username(name: str) -> str:
    name = name.strip()
    if not name or len(name) > 64 or any(c.isspace() or c in "<>&\"'/" for c in name):
        raise InputError(
            "invalid user name",
            [
                Problem(
                    "1-64 characters, no spaces, quotes, slashes or angle brackets",
                    field="username",
                    value=name,
                )
            ],
        )
    return name


def _check_role(role: str) -> Role:
    if role not in ROLES:
        raise InputError("invalid role", [Problem(one_of(role, ROLES), field="role", value=role)])
    return role  # type: ignore[return-value]


def _hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InputError(
            "password too short",
            [Problem(f"at least {MIN_PASSWORD_LENGTH} characters are needed", field="password")],
        )
    return _hasher.hash(password)


def get_user(case: Case, username: str) -> User:
    row = case.db.query_one("SELECT * FROM app_user WHERE username = ?", (username,))
    if row is None:
        raise NotFound(f"no user {username!r} in this case")
    return _user(row)


def get_user_by_id(case: Case, user_id: int) -> User:
    row = case.db.query_one("SELECT * FROM app_user WHERE id = ?", (user_id,))
    if row is None:
        raise NotFound(f"no user with id {user_id}")
    return _user(row)


def list_users(case: Case) -> list[User]:
    return [_user(r) for r in case.db.query("SELECT * FROM app_user ORDER BY username")]


def add_user(
    case: Case, username: str, *, role: str, password: str | None = None, actor: str = "cli"
) -> User:
    """Create a user. Without a password the user cannot log in until one is set."""
    username = _check_username(username)
    role_ = _check_role(role)
    pw_hash = _hash_password(password) if password is not None else None
    now = _now()
    with case.db.transaction():
        if case.db.query_one("SELECT id FROM app_user WHERE username = ?", (username,)):
            raise Conflict(f"user {username!r} already exists")
        uid = case.db.insert(
            "INSERT INTO app_user (username, role, password_hash, language, active, created_at,"
            " created_by, updated_at) VALUES (?, ?, ?, 'en', 1, ?, ?, ?)",
            (username, role_, pw_hash, now, actor, now),
        )
        audit_record(
            case.db,
            actor=actor,
            action="user.add",
            target=f"user:{username}",
            details={"role": role_, "password_set": pw_hash is not None},
        )
    return get_user_by_id(case, uid)


def _update(
    case: Case,
    username: str,
    actor: str,
    action: str,
    sql: str,
    params: tuple[Any, ...],
    details: dict[str, Any],
) -> User:
    with case.db.transaction():
        user = get_user(case, username)
        case.db.execute(sql + ", updated_at = ? WHERE id = ?", (*params, _now(), user.id))
        audit_record(
            case.db, actor=actor, action=action, target=f"user:{username}", details=details
        )
    return get_user(case, username)


def set_role(case: Case, username: str, role: str, *, actor: str = "cli") -> User:
    role_ = _check_role(role)
    return _update(
        case,
        username,
        actor,
        "user.set_role",
        "UPDATE app_user SET role = ?",
        (role_,),
        {"role": role_},
    )


def set_password(case: Case, username: str, password: str, *, actor: str = "cli") -> User:
    pw_hash = _hash_password(password)
    user = _update(
        case,
        username,
        actor,
        "user.set_password",
        "UPDATE app_user SET password_hash = ?",
        (pw_hash,),
        {},
    )
    case.db.execute("UPDATE web_session SET revoked = 1 WHERE user_id = ?", (user.id,))
    return user


def disable_user(case: Case, username: str, *, actor: str = "cli") -> User:
    """Disable a user and end every session they hold. Users are never deleted (the log names them)."""
    user = _update(
        case, username, actor, "user.disable", "UPDATE app_user SET active = ?", (0,), {}
    )
    case.db.execute("UPDATE web_session SET revoked = 1 WHERE user_id = ?", (user.id,))
    return user


def set_language(case: Case, username: str, language: str, *, actor: str) -> User:
    if language not in LANGUAGES:
        raise InputError(
            "unknown language",
            [Problem(one_of(language, LANGUAGES), field="language", value=language)],
        )
    return _update(
        case,
        username,
        actor,
        "user.set_language",
        "UPDATE app_user SET language = ?",
        (language,),
        {"language": language},
    )


def enable_totp(case: Case, username: str, *, actor: str = "cli") -> str:
    """Give a user a new TOTP secret; return its otpauth:// URI for an authenticator app."""
    secret = pyotp.random_base32()
    _update(
        case,
        username,
        actor,
        "user.enable_totp",
        "UPDATE app_user SET totp_secret = ?",
        (secret,),
        {},
    )
    return pyotp.TOTP(secret).provisioning_uri(name=username, issuer_name=f"Dadkhah {case.name}")


def check_password(
    case: Case, username: str, password: str, totp: str | None = None
) -> User | None:
    """The active user when password (and TOTP code, when enabled) are right; None otherwise."""
    row = case.db.query_one("SELECT * FROM app_user WHERE username = ?", (username,))
    if row is None or not row["password_hash"]:
        _hasher.hash("timing-equaliser")  # spend the same time whether or not the user exists
        return None
    try:
        _hasher.verify(row["password_hash"], password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return None
    if not row["active"]:
        return None
    if row["totp_secret"] and not (
        totp and pyotp.TOTP(row["totp_secret"]).verify(totp.strip(), valid_window=1)
    ):
        return None
    if _hasher.check_needs_rehash(row["password_hash"]):
        case.db.execute(
            "UPDATE app_user SET password_hash = ? WHERE id = ?",
            (_hasher.hash(password), row["id"]),
        )
    return _user(row)
