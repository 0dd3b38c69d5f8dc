"""The one place that turns errors into HTTP answers.

==================  ======  ==================
error               status  type
==================  ======  ==================
InputError          400     InputError
PermissionDenied    403     PermissionDenied
RateLimited         429     RateLimited
NotFound            404     NotFound
Conflict            409     Conflict
LinkageError        422     LinkageError
EstimationError     422     EstimationError
MissingDependency   501     MissingDependency
other DadkhahError  500     the class name
any other error     500     InternalError (logged; no details leak)
==================  ======  ==================

``/api/...`` gets the JSON body ``{"error": {"status", "type", "message", "problems"}}``; pages get
``error.html`` with the same facts.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import JSONResponse, Response

from dadkhah.api.web_sessions import RateLimited
from dadkhah.errors import (
    Conflict,
    DadkhahError,
    EstimationError,
    InputError,
    LinkageError,
    MissingDependency,
    NotFound,
    PermissionDenied,
)
from dadkhah.web.security import error_body
from dadkhah.web.templating import Pages

__all__ = ["install_error_handlers", "status_for"]

log = logging.getLogger(__name__)

_STATUS: tuple[tuple[type[DadkhahError], int], ...] = (
    (InputError, 400),
    (RateLimited, 429),
    (PermissionDenied, 403),
    (NotFound, 404),
    (Conflict, 409),
    (LinkageError, 422),
    (EstimationError, 422),
    (MissingDependency, 501),
)


def status_for(error: DadkhahError) -> int:
    for cls, status in _STATUS:
        if isinstance(error, cls):
            return status
    return 500


def _is_api(request: Request) -> bool:
    return request.url.path == "/api" or request.url.path.startswith("/api/")


def install_error_handlers(app: FastAPI, pages: Pages) -> None:
    def answer(
        request: Request, status: int, kind: str, message: str, problems: list[dict[str, Any]]
    ) -> Response:
        if _is_api(request):
            return JSONResponse(error_body(status, kind, message, problems), status_code=status)
        return pages.render(
            request,
            "error.html",
            {"status": status, "kind": kind, "message": message, "problems": problems},
            status_code=status,
        )

    async def on_dadkhah(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, DadkhahError)
        status = status_for(exc)
        if status >= 500:
            log.error("error serving %s: %s", request.url.path, exc, exc_info=exc)
        problems = [
            {
                "message": p.message,
                "file": p.file,
                "line": p.line,
                "field": p.field,
                "value": None if p.value is None else str(p.value),
            }
            for p in getattr(exc, "problems", ())
        ]
        message = str(exc.args[0]) if isinstance(exc, InputError) and exc.args else str(exc)
        return answer(request, status, type(exc).__name__, message, problems)

    async def on_http(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        kind = {404: "NotFound", 405: "MethodNotAllowed"}.get(exc.status_code, "HTTPError")
        return answer(request, exc.status_code, kind, str(exc.detail), [])

    async def on_validation(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        problems = [
            {
                "message": str(e.get("msg")),
                "file": None,
                "line": None,
                "field": ".".join(str(x) for x in e.get("loc", ())),
                "value": None,
            }
            for e in exc.errors()
        ]
        return answer(request, 400, "InputError", "invalid request parameters", problems)

    async def on_unexpected(request: Request, exc: Exception) -> Response:
        log.error("unexpected error serving %s", request.url.path, exc_info=exc)
        return answer(
            request, 500, "InternalError", "an unexpected error occurred; it has been logged", []
        )

    app.add_exception_handler(Exception, on_unexpected)
    app.add_exception_handler(DadkhahError, on_dadkhah)
    app.add_exception_handler(StarletteHTTPException, on_http)
    app.add_exception_handler(RequestValidationError, on_validation)
