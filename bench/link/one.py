"""One benchmark measurement, in its own process so peak memory is its own.

python bench/link/one.py DATASET METHOD   ->  one JSON line on stdout
"""

from __future__ import annotations

import json
import logging
import resource
import sys
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import datasets
import methods

from dadkhah.link.evaluation import score_links


def main() -> None:
    warnings.simplefilter("ignore")
    logging.disable(logging.WARNING)
    name, method = sys.argv[1], sys.argv[2]
    records = datasets.load(name)
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    labels = methods.dadkhah(records) if method == "dadkhah" else methods.plain_splink(records)
    seconds = time.perf_counter() - t0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    labels = labels.astype(str).where(
        labels.notna(), "single:" + records["unique_id"].astype(str).to_numpy()
    )
    scores = score_links(labels.tolist(), records["truth"].astype(str).tolist())
    print(
        json.dumps(
            {
                "dataset": name,
                "method": method,
                "records": len(records),
                "seconds": round(seconds, 2),
                "peak_rss_mib": round(rss / 1024, 1),
                "rss_before_mib": round(rss_before / 1024, 1),
                **{k: v for k, v in scores.to_dict().items() if v is not None},
            }
        )
    )


if __name__ == "__main__":
    main()
