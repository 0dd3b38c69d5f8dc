"""The case store: database backends, migrations, evidence blobs and the audit chain."""

from dadkhah.store.audit import AuditEntry
from dadkhah.store.audit import record as audit
from dadkhah.store.blobs import BlobStore, sha256_file
from dadkhah.store.case import Case, init_case, open_case
from dadkhah.store.db import Database, connect

__all__ = [
    "AuditEntry",
    "BlobStore",
    "Case",
    "Database",
    "audit",
    "connect",
    "init_case",
    "open_case",
    "sha256_file",
]
