"""Multiple systems estimation: how many people were killed, including those no list recorded.

The estimators read a :class:`CaptureHistories` table and return an immutable, self-describing
:class:`Estimate`. Each is an object whose constructor stores settings and a seed and does no work;
``fit(histories)`` does the work. :func:`get_estimator` builds one by its method name:

- ``"lcmcr"``: Bayesian non-parametric latent-class model (Manrique-Vallier 2016);
- ``"loglinear"``: log-linear models of the incomplete contingency table (as R's Rcapture);
- ``"dga"``: Bayesian model averaging over decomposable graphical models (Madigan & York 1997).
"""

from __future__ import annotations

import importlib
from typing import Any

from dadkhah.errors import EstimationError, one_of
from dadkhah.estimate.histories import CaptureHistories
from dadkhah.estimate.result import JSON_KEYS, Candidate, Estimate, Estimator

__all__ = [
    "JSON_KEYS",
    "METHODS",
    "Candidate",
    "CaptureHistories",
    "Estimate",
    "Estimator",
    "get_estimator",
]

#: Method name -> (module, class) of its estimator; modules are imported when first asked for.
_REGISTRY: dict[str, tuple[str, str]] = {
    "lcmcr": ("dadkhah.estimate.lcmcr", "LatentClassEstimator"),
    "loglinear": ("dadkhah.estimate.loglinear", "LogLinear"),
    "dga": ("dadkhah.estimate.dga", "Dga"),
}

METHODS: tuple[str, ...] = tuple(_REGISTRY)


def estimator_class(method: str) -> type[Any]:
    """The estimator class registered under ``method``."""
    if method not in _REGISTRY:
        raise EstimationError(f"unknown estimation method: {one_of(method, METHODS)}")
    module_name, class_name = _REGISTRY[method]
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as e:
        if e.name != module_name:
            raise
        raise EstimationError(f"method {method!r} is not available in this build") from e
    cls: type[Any] = getattr(module, class_name)
    return cls


def get_estimator(method: str, **settings: Any) -> Estimator:
    """Build the estimator for ``method`` with ``settings`` (and ``seed``); it does no work yet."""
    cls = estimator_class(method)
    try:
        est: Estimator = cls(**settings)
    except TypeError as e:
        raise EstimationError(f"invalid settings for method {method!r}: {e}") from e
    return est
