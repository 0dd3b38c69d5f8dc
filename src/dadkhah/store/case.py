"""A case: one folder holding ``config.toml``, ``evidence/`` and (by default) ``case.sqlite``.

With ``--database postgresql://...`` the tables live on a PostgreSQL server, in a schema of their
own named in ``config.toml``; evidence files stay in the case folder.
"""

from __future__ import annotations

import secrets
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dadkhah.errors import ConfigError, Conflict, NotFound
from dadkhah.store.blobs import BlobStore
from dadkhah.store.db import Database, connect
from dadkhah.store.migrations import migrate

__all__ = ["Case", "CaseConfig", "init_case", "open_case"]

CONFIG_NAME = "config.toml"
SQLITE_NAME = "case.sqlite"


@dataclass(frozen=True, slots=True)
class CaseConfig:
    name: str
    database: str  # "sqlite" or a postgresql:// URL
    schema: str | None = None
    settings: tuple[tuple[str, Any], ...] = ()

    def to_toml(self) -> str:
        lines = ["# Dadkhah case configuration", f"name = {_toml_str(self.name)}"]
        lines.append(f"database = {_toml_str(self.database)}")
        if self.schema:
            lines.append(f"schema = {_toml_str(self.schema)}")
        return "\n".join(lines) + "\n"


def _toml_str(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


class Case:
    """An open case: its folder, database connection and evidence store."""

    def __init__(self, path: Path, config: CaseConfig, db: Database):
        self.path = path
        self.config = config
        self.db = db
        self.blobs = BlobStore(path / "evidence")

    @property
    def name(self) -> str:
        return self.config.name

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Case:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _db_url(path: Path, config: CaseConfig) -> str:
    if config.database == "sqlite":
        return f"sqlite:///{(path / SQLITE_NAME).resolve()}"
    return config.database


def init_case(path: Path, *, database: str | None = None, name: str | None = None) -> Case:
    """Create a new case folder and its database. Refuses a folder that already holds a case."""
    path = Path(path)
    if (path / CONFIG_NAME).exists():
        raise Conflict(f"{path} already holds a case ({path / CONFIG_NAME} exists)")
    if path.exists() and not path.is_dir():
        raise Conflict(f"{path} exists and is not a folder")
    database = database or "sqlite"
    if database != "sqlite" and not database.startswith(("postgresql://", "postgres://")):
        raise ConfigError(f"--database must be a postgresql:// URL, not {database!r}")
    schema = None
    if database != "sqlite":
        schema = "case_" + secrets.token_hex(6)
    config = CaseConfig(name=name or path.resolve().name, database=database, schema=schema)
    path.mkdir(parents=True, exist_ok=True)
    (path / "evidence").mkdir(exist_ok=True)
    db = connect(_db_url(path, config), schema=schema)
    migrate(db)
    (path / CONFIG_NAME).write_text(config.to_toml(), encoding="utf-8")
    return Case(path, config, db)


def read_config(path: Path) -> CaseConfig:
    cfg_path = path / CONFIG_NAME
    if not cfg_path.is_file():
        raise NotFound(
            f"{path} is not a Dadkhah case (no {CONFIG_NAME}); create one with 'dadkhah init {path}'"
        )
    try:
        data = tomllib.loads(cfg_path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{cfg_path}: {e}") from e
    database = data.get("database", "sqlite")
    if not isinstance(database, str):
        raise ConfigError(f"{cfg_path}: database: expected a string, got {database!r}")
    return CaseConfig(
        name=str(data.get("name", path.resolve().name)),
        database=database,
        schema=data.get("schema"),
        settings=tuple(
            sorted((k, v) for k, v in data.items() if k not in {"name", "database", "schema"})
        ),
    )


def open_case(path: Path | str, *, upgrade: bool = True) -> Case:
    """Open an existing case, applying pending schema migrations."""
    path = Path(path)
    config = read_config(path)
    db = connect(_db_url(path, config), schema=config.schema)
    if upgrade:
        migrate(db)
    return Case(path, config, db)
