"""Login, sessions, CSRF tokens and the login rate limit of the web workbench.

A session is a random 256-bit token held in a cookie; the database stores only its SHA-256, the
user, a per-session CSRF token and the expiry. Forms posted by a logged-in user carry the session's
CSRF token. The login form, shown before any session exists, carries a token derived (HMAC) from a
random nonce that the server also sets in a cookie: a form posted from another site has neither.

Rate limit: after ``max_failures`` failed logins for one user name, or ``5 * max_failures`` from one
address, within ``window`` seconds, further attempts are refused without checking the password.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from dadkhah.api.auth import User, check_password, get_user_by_id
from dadkhah.errors import NotFound, PermissionDenied
from dadkhah.store import Case
from dadkhah.store.audit import record as audit_record

__all__ = [
    "LoginLimit",
    "RateLimited",
    "Session",
    "csrf_matches",
    "login",
    "login_csrf_token",
    "logout",
    "new_nonce",
    "session_user",
]


class RateLimited(PermissionDenied):
    """Too many failed logins: the caller must wait."""


@dataclass(frozen=True, slots=True)
class LoginLimit:
    max_failures: int = 5
    window_seconds: int = 900


@dataclass(frozen=True, slots=True)
class Session:
    token: str  # the cookie value; never stored
    user: User
    csrf_token: str
    expires_at: str


def _now() -> datetime:
    return datetime.now(UTC)


def _iso(t: datetime) -> str:
    return t.isoformat(timespec="seconds")


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("ascii", "replace")).hexdigest()


def new_nonce() -> str:
    return secrets.token_urlsafe(32)


def login_csrf_token(secret: bytes, nonce: str) -> str:
    """The hidden-field token that goes with a login nonce cookie."""
    return hmac.new(secret, b"login:" + nonce.encode("utf-8"), hashlib.sha256).hexdigest()


def csrf_matches(expected: str | None, given: str | None) -> bool:
    """Constant-time comparison; an absent token never matches."""
    if not expected or not given:
        return False
    return hmac.compare_digest(expected.encode("utf-8"), given.encode("utf-8"))


def _failures(case: Case, column: str, value: str, since: str) -> int:
    return int(
        case.db.scalar(
            f"SELECT COUNT(*) AS n FROM login_attempt WHERE {column} = ? AND at >= ? AND success = 0",
            (value, since),
        )
        or 0
    )


def _failed(case: Case, username: str, ip: str | None, at: str, reason: str) -> None:
    """Record a refused login for the rate limit and in the audit log (no password is kept)."""
    with case.db.transaction():
        case.db.execute(
            "INSERT INTO login_attempt (username, ip, at, success, reason) VALUES (?, ?, ?, 0, ?)",
            (username, ip, at, reason),
        )
        audit_record(
            case.db,
            actor="anonymous",
            action="session.login_failed",
            target=f"user:{username}",
            details={"ip": ip, "reason": reason},
        )


def login(
    case: Case,
    username: str,
    password: str,
    *,
    totp: str | None = None,
    ip: str | None = None,
    limit: LoginLimit = LoginLimit(),
    lifetime: timedelta = timedelta(hours=12),
) -> Session:
    """Check the credentials and open a session. Raises PermissionDenied (RateLimited) on failure."""
    now = _now()
    since = _iso(now - timedelta(seconds=limit.window_seconds))
    username = username.strip()[:64]
    if _failures(case, "username", username, since) >= limit.max_failures or (
        ip and _failures(case, "ip", ip, since) >= 5 * limit.max_failures
    ):
        _failed(case, username, ip, _iso(now), "rate-limited")
        raise RateLimited("too many failed logins; wait a few minutes and try again")
    user = check_password(case, username, password, totp)
    if user is None:
        _failed(case, username, ip, _iso(now), "bad credentials")
        raise PermissionDenied("wrong user name, password or code")
    token = secrets.token_urlsafe(32)
    csrf = secrets.token_urlsafe(32)
    expires = _iso(now + lifetime)
    with case.db.transaction():
        case.db.execute(
            "INSERT INTO login_attempt (username, ip, at, success, reason) VALUES (?, ?, ?, 1, NULL)",
            (username, ip, _iso(now)),
        )
        case.db.execute(
            "INSERT INTO web_session (token_sha256, user_id, csrf_token, created_at, expires_at,"
            " last_seen, ip, revoked) VALUES (?, ?, ?, ?, ?, ?, ?, 0)",
            (_digest(token), user.id, csrf, _iso(now), expires, _iso(now), ip),
        )
        audit_record(
            case.db,
            actor=user.username,
            action="session.login",
            target=f"user:{user.username}",
            details={"ip": ip},
        )
    return Session(token, user, csrf, expires)


def session_user(case: Case, token: str | None) -> Session | None:
    """The live session for a cookie value, or None (unknown, expired, revoked, user disabled)."""
    if not token or len(token) > 200:
        return None
    row = case.db.query_one(
        "SELECT user_id, csrf_token, expires_at, revoked FROM web_session WHERE token_sha256 = ?",
        (_digest(token),),
    )
    if row is None or row["revoked"] or row["expires_at"] <= _iso(_now()):
        return None
    try:
        user = get_user_by_id(case, int(row["user_id"]))
    except NotFound:
        return None
    if not user.active:
        return None
    return Session(token, user, str(row["csrf_token"]), str(row["expires_at"]))


def logout(case: Case, session: Session) -> None:
    with case.db.transaction():
        case.db.execute(
            "UPDATE web_session SET revoked = 1 WHERE token_sha256 = ?", (_digest(session.token),)
        )
        audit_record(
            case.db,
            actor=session.user.username,
            action="session.logout",
            target=f"user:{session.user.username}",
        )
