"""Write-once, content-addressed evidence files: ``evidence/ab/abcdef...`` named by SHA-256.

Bytes are hashed first, then copied to a temporary file in the store and renamed into place, so a
half-written file never carries a valid name. Existing files are never overwritten.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path
from typing import BinaryIO

__all__ = ["BlobStore", "sha256_file"]

_CHUNK = 1 << 20


def sha256_file(path: Path) -> tuple[str, int]:
    """SHA-256 (hex) and size of a file, read in chunks."""
    h = hashlib.sha256()
    size = 0
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(_CHUNK), b""):
            h.update(chunk)
            size += len(chunk)
    return h.hexdigest(), size


class BlobStore:
    """The evidence folder of a case."""

    def __init__(self, root: Path):
        self.root = root

    def path_for(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256

    def has(self, sha256: str) -> bool:
        return self.path_for(sha256).is_file()

    def put_bytes(self, data: bytes) -> tuple[str, int]:
        digest = hashlib.sha256(data).hexdigest()
        if not self.has(digest):
            self._write(digest, lambda f: f.write(data))
        return digest, len(data)

    def put_file(self, path: Path, sha256: str | None = None) -> tuple[str, int]:
        """Hash the file (unless ``sha256`` is given), then copy it in; return (sha256, size).

        The copy is hashed as it is written; OSError when it does not match (the file changed).
        """
        if sha256 is None:
            digest, size = sha256_file(path)
        else:
            digest, size = sha256, path.stat().st_size
        if not self.has(digest):

            def copy(f: BinaryIO) -> None:
                h = hashlib.sha256()
                with path.open("rb") as src:
                    for chunk in iter(lambda: src.read(_CHUNK), b""):
                        h.update(chunk)
                        f.write(chunk)
                if h.hexdigest() != digest:
                    raise OSError(f"{path} changed while it was being copied into the case")

            self._write(digest, copy)
        return digest, size

    def read_bytes(self, sha256: str) -> bytes:
        return self.path_for(sha256).read_bytes()

    def verify(self, sha256: str) -> str | None:
        """None when the file is present and intact, else what is wrong."""
        p = self.path_for(sha256)
        if not p.is_file():
            return f"evidence file {p} is missing"
        actual, _ = sha256_file(p)
        if actual != sha256:
            return f"evidence file {p} has SHA-256 {actual}, expected {sha256}"
        return None

    def _write(self, digest: str, writer: object) -> None:
        target = self.path_for(digest)
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
        try:
            with os.fdopen(fd, "wb") as f:
                writer(f)  # type: ignore[operator]
                f.flush()
                os.fsync(f.fileno())
            os.chmod(tmp, 0o444)
            if target.exists():  # another writer won the race with identical bytes
                os.unlink(tmp)
            else:
                os.replace(tmp, target)
        except BaseException:
            if os.path.exists(tmp):
                os.unlink(tmp)
            raise
