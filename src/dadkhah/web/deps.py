"""What a route needs from the app: the case, the settings, the page renderer."""

from __future__ import annotations

from fastapi import Request

from dadkhah.api.web_case import Case
from dadkhah.web.settings import WebSettings
from dadkhah.web.templating import Pages

__all__ = ["case_of", "pages_of", "settings_of"]


def case_of(request: Request) -> Case:
    return request.app.state.case  # type: ignore[no-any-return]


def settings_of(request: Request) -> WebSettings:
    return request.app.state.settings  # type: ignore[no-any-return]


def pages_of(request: Request) -> Pages:
    return request.app.state.pages  # type: ignore[no-any-return]
