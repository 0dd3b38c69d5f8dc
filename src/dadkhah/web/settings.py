"""Settings of the web workbench: a frozen value built once and passed to :func:`create_app`."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from dadkhah.errors import ConfigError, one_of

__all__ = ["WebSettings"]

CookieSecure = Literal["auto", "always", "never"]


@dataclass(frozen=True, slots=True)
class WebSettings:
    """How the workbench serves one case.

    ``cookie_secure``: ``auto`` marks cookies Secure when the request came over HTTPS (behind a TLS
    proxy run uvicorn with proxy headers), ``always`` marks them Secure whatever the scheme,
    ``never`` is for plain-HTTP use on localhost only.
    """

    case_path: Path
    secret_key: bytes = field(default_factory=lambda: secrets.token_bytes(32), repr=False)
    cookie_secure: CookieSecure = "auto"
    cookie_samesite: Literal["lax", "strict"] = "lax"
    session_hours: float = 12.0
    login_max_failures: int = 5
    login_window_seconds: int = 900
    default_language: str = "en"
    page_size: int = 100

    def __post_init__(self) -> None:
        if self.cookie_secure not in ("auto", "always", "never"):
            raise ConfigError(
                f"cookie_secure: {one_of(self.cookie_secure, ('auto', 'always', 'never'))}"
            )
        if self.cookie_samesite not in ("lax", "strict"):
            raise ConfigError(f"cookie_samesite: {one_of(self.cookie_samesite, ('lax', 'strict'))}")
        if self.default_language not in ("en", "fa"):
            raise ConfigError(f"default_language: {one_of(self.default_language, ('en', 'fa'))}")
        if self.session_hours <= 0 or self.login_max_failures < 1 or self.login_window_seconds < 1:
            raise ConfigError(
                "session_hours, login_max_failures and login_window_seconds must be positive"
            )
        if len(self.secret_key) < 16:
            raise ConfigError("secret_key must hold at least 16 bytes")
