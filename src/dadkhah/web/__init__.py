"""The web workbench: FastAPI, server-rendered Jinja pages, htmx, all assets vendored.

``create_app(WebSettings(case_path=...))`` builds the app for one case; ``dadkhah serve CASE``
runs it with uvicorn. See docs/web.md.
"""

from dadkhah.web.app import create_app
from dadkhah.web.settings import WebSettings

__all__ = ["WebSettings", "create_app"]
