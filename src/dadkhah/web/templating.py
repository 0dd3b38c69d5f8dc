"""Rendering pages: one Jinja environment (autoescaping on), one context for every page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Request
from jinja2 import ChainableUndefined, Environment, FileSystemLoader, select_autoescape
from starlette.responses import HTMLResponse

from dadkhah import __version__
from dadkhah.web.i18n import FIELD_LABELS, LANGUAGES, direction, localise_digits, translator
from dadkhah.web.security import LANG_COOKIE

__all__ = ["Pages", "language_of"]

_TEMPLATES = Path(__file__).parent / "templates"


def language_of(request: Request, default: str) -> str:
    """The user's language; before login, the language cookie; else the default."""
    session = getattr(request.state, "session", None)
    if session is not None and session.user.language in LANGUAGES:
        return str(session.user.language)
    lang = request.cookies.get(LANG_COOKIE)
    return lang if lang in LANGUAGES else default


class Pages:
    """The template environment of one app."""

    def __init__(self, default_language: str, case_name: str):
        self.default_language = default_language
        self.case_name = case_name
        self.env = Environment(
            loader=FileSystemLoader(_TEMPLATES),
            autoescape=select_autoescape(["html", "xml"], default_for_string=True),
            undefined=ChainableUndefined,  # optional keys of api dicts render as empty
            trim_blocks=True,
            lstrip_blocks=True,
        )

    def render(
        self,
        request: Request,
        template: str,
        context: dict[str, Any] | None = None,
        *,
        status_code: int = 200,
    ) -> HTMLResponse:
        lang = language_of(request, self.default_language)
        gettext = translator(lang)
        session = getattr(request.state, "session", None)
        ctx: dict[str, Any] = {
            "request": request,
            "path": request.url.path,
            "user": session.user if session else None,
            "csrf_token": session.csrf_token if session else "",
            "lang": lang,
            "dir": direction(lang),
            "languages": LANGUAGES,
            "_": gettext,
            "num": lambda v: localise_digits(v, lang),
            "label": lambda f: gettext(FIELD_LABELS.get(str(f), str(f))),
            "case_name": self.case_name,
            "version": __version__,
        }
        ctx.update(context or {})
        html = self.env.get_template(template).render(ctx)
        return HTMLResponse(html, status_code=status_code)
