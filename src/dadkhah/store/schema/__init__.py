"""Table definitions of every component, as ordered migrations.

Components are applied in this order; a component may reference tables of the components
before it (``link`` references ``core``'s list records, for example).
"""

from __future__ import annotations

from dadkhah.store.migrations import Migration
from dadkhah.store.schema import accounts, auth, core, estimate, link

COMPONENTS = ("core", "link", "accounts", "auth", "estimate")


def all_migrations() -> list[Migration]:
    out: list[Migration] = []
    for module in (core, link, accounts, auth, estimate):
        ms = sorted(module.MIGRATIONS, key=lambda m: m.version)
        versions = [m.version for m in ms]
        if versions != list(range(1, len(ms) + 1)):
            raise RuntimeError(f"migrations of {module.__name__} are not numbered 1..n: {versions}")
        out.extend(ms)
    return out
