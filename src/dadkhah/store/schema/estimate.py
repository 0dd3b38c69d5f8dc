"""Tables of the ``estimate`` component: stored estimates (see dadkhah.store.migrations).

``estimate_run`` keeps every estimate made on a case, self-describing and never changed: the
method and model, the point estimate and interval with its kind and probability, the capture
table it was computed from (as JSON) and its hash, settings, seed, version and time, and the full
JSON result. Posterior draws, when there are any, are an evidence-store blob (``draws_sha256``,
a NumPy ``.npy`` file).
"""

from __future__ import annotations

from dadkhah.store.migrations import Migration

_V1 = """
CREATE TABLE estimate_run (
  id {id},
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  method TEXT NOT NULL,
  model TEXT,
  stratified_by TEXT,
  estimate {float} NOT NULL,
  lower_bound {float},
  upper_bound {float},
  interval_prob {float},
  interval_kind TEXT,
  observed {bigint} NOT NULL,
  lists TEXT NOT NULL,
  input_sha256 TEXT NOT NULL,
  histories TEXT NOT NULL,
  settings TEXT NOT NULL,
  seed {bigint},
  version TEXT NOT NULL,
  seconds {float},
  draws_sha256 TEXT,
  result TEXT NOT NULL
);
CREATE INDEX estimate_run_method ON estimate_run(method)
"""

MIGRATIONS: list[Migration] = [
    Migration("estimate", 1, "stored estimate runs", _V1),
]
