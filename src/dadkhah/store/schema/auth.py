"""Tables of the ``auth`` component (see dadkhah.store.migrations)."""

from __future__ import annotations

from dadkhah.store.migrations import Migration

MIGRATIONS: list[Migration] = []
