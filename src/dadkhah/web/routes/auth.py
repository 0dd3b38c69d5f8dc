"""Login, logout, the language choice."""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated
from urllib.parse import urlsplit

from fastapi import APIRouter, Form, Request
from starlette.concurrency import run_in_threadpool
from starlette.responses import RedirectResponse, Response

from dadkhah.api import auth as auth_api
from dadkhah.api import web_sessions
from dadkhah.api.web_sessions import LoginLimit, RateLimited
from dadkhah.errors import PermissionDenied
from dadkhah.web.deps import case_of, pages_of, settings_of
from dadkhah.web.i18n import LANGUAGES, translator
from dadkhah.web.security import (
    LANG_COOKIE,
    LOGIN_COOKIE,
    SESSION_COOKIE,
    current_session,
    set_cookie,
)
from dadkhah.web.templating import language_of

router = APIRouter()


def _safe_next(target: str | None) -> str:
    """Only same-site paths: never redirect a user to another host after login."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return "/"
    return target


def _login_page(request: Request, next_: str, error: str | None, status: int) -> Response:
    settings = settings_of(request)
    # Keep the nonce of an earlier login page (other tabs, the browser's favicon request...):
    # a new one on every GET would invalidate the form the user is filling in.
    nonce = request.cookies.get(LOGIN_COOKIE) or ""
    if not 20 <= len(nonce) <= 100:
        nonce = web_sessions.new_nonce()
    response = pages_of(request).render(
        request,
        "login.html",
        {
            "login_csrf": web_sessions.login_csrf_token(settings.secret_key, nonce),
            "next": _safe_next(next_),
            "error": error,
        },
        status_code=status,
    )
    set_cookie(response, request, settings, LOGIN_COOKIE, nonce, max_age=3600)
    return response


@router.get("/login", include_in_schema=False)
def login_form(request: Request, next: str = "/") -> Response:
    if getattr(request.state, "session", None) is not None:
        return RedirectResponse(_safe_next(next), status_code=303)
    return _login_page(request, next, None, 200)


@router.post("/login", include_in_schema=False)
async def login_submit(
    request: Request,
    username: Annotated[str, Form()] = "",
    password: Annotated[str, Form()] = "",
    csrf_token: Annotated[str, Form()] = "",
    totp: Annotated[str, Form()] = "",
    next: Annotated[str, Form()] = "/",
) -> Response:
    settings = settings_of(request)
    _ = translator(language_of(request, settings.default_language))
    nonce = request.cookies.get(LOGIN_COOKIE, "")
    expected = web_sessions.login_csrf_token(settings.secret_key, nonce) if nonce else None
    if not web_sessions.csrf_matches(expected, csrf_token):
        return _login_page(
            request,
            next,
            _("The form expired or did not come from this site. Please log in again."),
            403,
        )
    ip = request.client.host if request.client else None
    try:
        session = await run_in_threadpool(
            web_sessions.login,
            case_of(request),
            username,
            password,
            totp=totp or None,
            ip=ip,
            limit=LoginLimit(settings.login_max_failures, settings.login_window_seconds),
            lifetime=timedelta(hours=settings.session_hours),
        )
    except RateLimited:
        return _login_page(
            request, next, _("Too many failed logins. Wait a few minutes and try again."), 429
        )
    except PermissionDenied:
        return _login_page(request, next, _("Wrong user name, password or code."), 401)
    response = RedirectResponse(_safe_next(next), status_code=303)
    set_cookie(
        response,
        request,
        settings,
        SESSION_COOKIE,
        session.token,
        max_age=int(settings.session_hours * 3600),
    )
    response.delete_cookie(LOGIN_COOKIE, path="/")
    return response


@router.post("/logout", include_in_schema=False)
def logout(request: Request) -> Response:
    session = current_session(request)
    web_sessions.logout(case_of(request), session)
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


@router.post("/language", include_in_schema=False)
def choose_language(
    request: Request, language: Annotated[str, Form()], next: Annotated[str, Form()] = "/"
) -> Response:
    """Store the user's language choice (a cookie before login)."""
    session = getattr(request.state, "session", None)
    response = RedirectResponse(_safe_next(next), status_code=303)
    if session is not None:
        auth_api.set_language(
            case_of(request), session.user.username, language, actor=session.user.username
        )
    elif language not in LANGUAGES:
        return response
    set_cookie(response, request, settings_of(request), LANG_COOKIE, language, max_age=365 * 86400)
    return response
