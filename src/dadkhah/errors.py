"""The one exception tree of Dadkhah.

Every error the library raises on purpose is a :class:`DadkhahError`. Subclasses say what the
user can do about it::

    DadkhahError
    ├── InputError          bad input; carries every Problem found (file, line, field, value)
    ├── NotFound            the case, list, record, person... named does not exist
    ├── Conflict            the request contradicts what is stored (duplicate name, re-import)
    ├── IntegrityError      stored data fail verification (audit chain, evidence hash)
    ├── PermissionDenied    the actor's role does not allow the action
    ├── LinkageError        record linkage cannot run or its settings are invalid
    ├── EstimationError     a population estimate cannot be computed from this input
    ├── ConfigError         a setting or configuration file is invalid
    └── MissingDependency   an optional part (Spark, PDF rendering, browser) is not installed

Warnings (never errors) derive from :class:`DadkhahWarning`:
``ConvergenceWarning``, ``SparseOverlapWarning``.

The CLI maps these to exit codes in one place (2 for InputError); the web app maps them to HTTP
statuses in one handler.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

__all__ = [
    "ConfigError",
    "Conflict",
    "ConvergenceWarning",
    "DadkhahError",
    "DadkhahWarning",
    "EstimationError",
    "InputError",
    "IntegrityError",
    "LinkageError",
    "MissingDependency",
    "NotFound",
    "PermissionDenied",
    "Problem",
    "SparseOverlapWarning",
]


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with an input: where it is, which field, what is wrong, the bad value."""

    message: str
    file: str | None = None
    line: int | None = None
    field: str | None = None
    value: object | None = None

    def __str__(self) -> str:
        where = ""
        if self.file is not None:
            where = self.file
            if self.line is not None:
                where += f":{self.line}"
            where += ": "
        elif self.line is not None:
            where = f"line {self.line}: "
        field = f"{self.field}: " if self.field else ""
        value = f" ({self.value!r})" if self.value is not None else ""
        return f"{where}{field}{self.message}{value}"


class DadkhahError(Exception):
    """Base class of every error Dadkhah raises on purpose."""


class InputError(DadkhahError):
    """The input is invalid. ``problems`` lists every problem found (up to a cap)."""

    MAX_SHOWN = 50

    def __init__(self, message: str, problems: Iterable[Problem] = (), *, total: int | None = None):
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.total = total if total is not None else len(self.problems)
        super().__init__(message)

    def __str__(self) -> str:
        head = str(self.args[0]) if self.args else "invalid input"
        if not self.problems:
            return head
        lines = [head]
        lines.extend(str(p) for p in self.problems[: self.MAX_SHOWN])
        hidden = self.total - min(len(self.problems), self.MAX_SHOWN)
        if hidden > 0:
            lines.append(f"... and {hidden} more problem(s)")
        return "\n".join(lines)


class NotFound(DadkhahError):
    """What was asked for does not exist."""


class Conflict(DadkhahError):
    """The request contradicts what is already stored."""


class IntegrityError(DadkhahError):
    """Stored data fail verification: a broken audit chain or an evidence file that changed."""


class PermissionDenied(DadkhahError):
    """The actor's role does not allow this action."""


class LinkageError(DadkhahError):
    """Record linkage cannot run, or its settings are invalid."""


class EstimationError(DadkhahError):
    """A population estimate cannot be computed from this input."""


class ConfigError(DadkhahError):
    """A setting or configuration file is invalid."""


class MissingDependency(DadkhahError):
    """An optional component is not installed; the message says how to install it."""

    def __init__(self, component: str, install_hint: str):
        self.component = component
        self.install_hint = install_hint
        super().__init__(f"{component} is not installed. {install_hint}")


def one_of(value: object, options: Sequence[str]) -> str:
    """Text for messages: 'x' is not one of a, b, c."""
    return f"{value!r} is not one of: {', '.join(options)}"


class DadkhahWarning(UserWarning):
    """Base class of Dadkhah's warnings."""


class ConvergenceWarning(DadkhahWarning):
    """A sampler or optimiser may not have converged (R-hat, effective sample size, iterations)."""


class SparseOverlapWarning(DadkhahWarning):
    """Lists overlap so little that an estimate rests on very few people."""
