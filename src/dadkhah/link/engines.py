"""The SQL engines Splink runs on: DuckDB in process, or Spark (local or a cluster).

Spark is optional and imported only when asked for, with an actionable message when missing.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from dadkhah.errors import LinkageError, MissingDependency

__all__ = ["make_db_api", "sequential"]

log = logging.getLogger(__name__)


# what DuckDB may hold in memory unless DADKHAH_MEMORY_LIMIT says otherwise: enough for a
# million records (bench/results/link.md), and it leaves room on an 8 GB laptop; beyond it
# DuckDB spills to a private temporary folder
DEFAULT_MEMORY_LIMIT = "3GB"


def _duckdb() -> Any:
    import duckdb
    from splink import DuckDBAPI

    con = duckdb.connect(":memory:")
    threads = os.environ.get("DADKHAH_THREADS")
    if threads:
        con.execute(f"SET threads TO {int(threads)}")
    memory = os.environ.get("DADKHAH_MEMORY_LIMIT") or DEFAULT_MEMORY_LIMIT
    con.execute("SET memory_limit = ?", [memory])
    # spilled pages hold victims' records: keep them in a folder only this user can read,
    # removed when the connection goes
    spill = tempfile.mkdtemp(prefix="dadkhah-duckdb-")
    con.execute("SET temp_directory = ?", [spill])
    weakref.finalize(con, shutil.rmtree, spill, ignore_errors=True)
    return DuckDBAPI(connection=con)


def _spark() -> Any:
    try:
        from pyspark.sql import SparkSession
        from splink import SparkAPI
    except ImportError as e:
        raise MissingDependency(
            "Spark linkage engine", "pip install 'dadkhah[spark]' (and a Java 17 runtime)"
        ) from e
    master = os.environ.get("DADKHAH_SPARK_MASTER", "local[2]")
    spark = (
        SparkSession.builder.master(master)
        .appName("dadkhah-link")
        .config("spark.sql.shuffle.partitions", os.environ.get("DADKHAH_SPARK_PARTITIONS", "8"))
        .config("spark.default.parallelism", os.environ.get("DADKHAH_SPARK_PARTITIONS", "8"))
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    spark.sparkContext.setCheckpointDir(
        os.environ.get("DADKHAH_SPARK_CHECKPOINTS", "/tmp/dadkhah-spark")
    )
    return SparkAPI(spark_session=spark)  # type: ignore[no-untyped-call]


def make_db_api(engine: str) -> Any:
    """A Splink database API for ``engine`` (``duckdb`` or ``spark``)."""
    if engine == "duckdb":
        return _duckdb()
    if engine == "spark":
        return _spark()
    raise LinkageError(f"unknown linkage engine {engine!r}; valid: duckdb, spark")


@contextmanager
def sequential(db_api: Any) -> Iterator[None]:
    """Run the statements inside the block on one DuckDB thread, then restore the setting.

    Training sums floating-point numbers over many rows (EM's expected counts); on several
    threads the partial sums are added in whatever order the threads finish, so the trained
    model differed in its last digits from run to run, and a pair on the edge of a band or a
    tie in the clustering could go either way. One thread adds them in one order. Spark has no
    such switch; there the model is rounded instead (see :mod:`dadkhah.link.scoring`).
    """
    con = getattr(db_api, "duckdb_con", None)
    if con is None:
        yield
        return
    threads = con.execute("SELECT current_setting('threads')").fetchone()[0]
    con.execute("SET threads TO 1")
    try:
        yield
    finally:
        con.execute(f"SET threads TO {int(threads)}")
