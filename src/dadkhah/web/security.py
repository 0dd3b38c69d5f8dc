"""Who is asking: the login gate, the CSRF guard and the session cookie.

* :class:`LoginGate` (ASGI middleware) resolves the session cookie on every request. Anonymous
  requests are refused unless they are for ``/login`` or ``/static/``: ``/api/...`` answers 401 with
  the pinned JSON error shape, any other page redirects (303) to ``/login?next=...``.
* :func:`csrf_guard` is a dependency of the whole app: every POST, PUT, PATCH or DELETE made with a
  session must carry the session's CSRF token, as the form field ``csrf_token`` or the header
  ``X-CSRF-Token``. The login form has its own token (see :mod:`dadkhah.api.web_sessions`).
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import quote

from fastapi import Depends, Request
from starlette.concurrency import run_in_threadpool
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Receive, Scope, Send

from dadkhah.api import web_sessions
from dadkhah.api.auth import User
from dadkhah.api.web_case import Case
from dadkhah.errors import PermissionDenied
from dadkhah.web.settings import WebSettings

__all__ = [
    "CSRF_FIELD",
    "LANG_COOKIE",
    "LOGIN_COOKIE",
    "SESSION_COOKIE",
    "CurrentUser",
    "LoginGate",
    "csrf_guard",
    "current_session",
    "current_user",
    "set_cookie",
]

SESSION_COOKIE = "dadkhah_session"
LOGIN_COOKIE = "dadkhah_login"
LANG_COOKIE = "dadkhah_lang"
CSRF_FIELD = "csrf_token"
PUBLIC_PREFIXES = ("/static/",)
PUBLIC_PATHS = ("/login", "/language")
UNSAFE_METHODS = ("POST", "PUT", "PATCH", "DELETE")


def error_body(
    status: int, kind: str, message: str, problems: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    """The one JSON shape of every error the JSON API returns."""
    return {
        "error": {"status": status, "type": kind, "message": message, "problems": problems or []}
    }


class LoginGate:
    """ASGI middleware: attach the session to the request, refuse anonymous requests."""

    def __init__(self, app: ASGIApp, case: Case):
        self.app = app
        self.case = case

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        token = request.cookies.get(SESSION_COOKIE)
        session = (
            await run_in_threadpool(web_sessions.session_user, self.case, token) if token else None
        )
        scope.setdefault("state", {})["session"] = session
        path: str = scope["path"]
        if session is None and not (path in PUBLIC_PATHS or path.startswith(PUBLIC_PREFIXES)):
            response: Response
            if path == "/api" or path.startswith("/api/"):
                response = JSONResponse(
                    error_body(401, "Unauthenticated", "log in first: this API needs a session"),
                    status_code=401,
                )
            else:
                target = path + (
                    ("?" + scope["query_string"].decode("latin-1"))
                    if scope.get("query_string")
                    else ""
                )
                response = RedirectResponse(
                    "/login?next=" + quote(target, safe=""), status_code=303
                )
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)


def current_session(request: Request) -> web_sessions.Session:
    session = getattr(request.state, "session", None)
    if session is None:  # the gate lets no anonymous request through to a route needing a user
        raise PermissionDenied("log in first")
    return session  # type: ignore[no-any-return]


def current_user(request: Request) -> User:
    return current_session(request).user


CurrentUser = Annotated[User, Depends(current_user)]


async def csrf_guard(request: Request) -> None:
    """App-wide dependency: unsafe requests made with a session must carry its CSRF token."""
    if request.method not in UNSAFE_METHODS:
        return
    session = getattr(request.state, "session", None)
    if session is None:
        return  # only /login is reachable without a session; it checks its own token
    given = request.headers.get("x-csrf-token")
    if given is None:
        content_type = request.headers.get("content-type", "")
        if content_type.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
            form = await request.form()
            value = form.get(CSRF_FIELD)
            given = value if isinstance(value, str) else None
    if not web_sessions.csrf_matches(session.csrf_token, given):
        raise PermissionDenied("missing or wrong CSRF token: reload the page and try again")


def set_cookie(
    response: Response,
    request: Request,
    settings: WebSettings,
    name: str,
    value: str,
    *,
    max_age: int | None = None,
    http_only: bool = True,
) -> None:
    """Set a cookie with the workbench's flags (HttpOnly, SameSite, Secure per the settings)."""
    secure = settings.cookie_secure == "always" or (
        settings.cookie_secure == "auto" and request.url.scheme == "https"
    )
    response.set_cookie(
        name,
        value,
        max_age=max_age,
        path="/",
        secure=secure,
        httponly=http_only,
        samesite=settings.cookie_samesite,
    )
