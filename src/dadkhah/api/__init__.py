"""The use cases: the only entry point the CLI and the web app call.

Each module wires a transaction, the store and a domain package together for one family of use
cases; this package re-exports their public functions.
"""

from __future__ import annotations

__all__: list[str] = []
