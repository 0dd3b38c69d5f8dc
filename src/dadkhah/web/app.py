"""Building the workbench application for one case."""

from __future__ import annotations

from pathlib import Path

from fastapi import Depends, FastAPI
from fastapi.staticfiles import StaticFiles

from dadkhah import __version__
from dadkhah.api.web_case import open_workbench_case
from dadkhah.web.errors import install_error_handlers
from dadkhah.web.routes import accounts, admin, auth, estimates, persons, review
from dadkhah.web.security import LoginGate, csrf_guard
from dadkhah.web.settings import WebSettings
from dadkhah.web.templating import Pages

__all__ = ["create_app"]

_STATIC = Path(__file__).parent / "static"


def create_app(settings: WebSettings) -> FastAPI:
    """The workbench for ``settings.case_path``: pages, the JSON API under /api/, static files."""
    case = open_workbench_case(settings.case_path)
    app = FastAPI(
        title=f"Dadkhah workbench: {case.name}",
        version=__version__,
        openapi_url="/api/openapi.json",
        docs_url=None,  # Swagger UI loads its assets from a CDN; the OpenAPI document is enough
        redoc_url=None,
        dependencies=[Depends(csrf_guard)],
    )
    app.state.case = case
    app.state.settings = settings
    app.state.pages = Pages(settings.default_language, case.name)
    app.mount("/static", StaticFiles(directory=_STATIC), name="static")
    for module in (auth, persons, review, estimates, accounts, admin):
        app.include_router(module.router)
    install_error_handlers(app, app.state.pages)
    app.add_middleware(LoginGate, case=case)

    @app.middleware("http")
    async def security_headers(request, call_next):  # type: ignore[no-untyped-def]
        response = await call_next(request)
        response.headers.setdefault(
            "Content-Security-Policy",
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self';"
            " frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
        )
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        if not request.url.path.startswith("/static/"):
            response.headers.setdefault("Cache-Control", "no-store")
        return response

    app.router.add_event_handler("shutdown", case.close)
    return app
