"""Personal evidence: how strongly the fields relatives do not share say two records are one person.

Relatives share a family name, a father, a home town, and in a mass atrocity often the prison
and the day of arrest or execution; they do not share a full birth date, an e-mail address, a
postcode of their own or an occupation as a rule. When those personal fields agree strongly,
a name written differently (a nickname, a married name, a title or an alias) is more likely a
rewriting than another person, and the cannot-link rules weigh it so.

The weights are the trained Splink model's own: for each personal comparison, the log2 Bayes
factor of agreement (``m/u`` of its "equal" or "same day" level) and of disagreement (its
``else`` level). A missing value says nothing.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Protocol

__all__ = ["PERSONAL_FIELDS", "PersonalWeights", "personal_weights"]

# comparison name -> label of its agreement level in dadkhah.link.comparisons
PERSONAL_FIELDS: dict[str, str] = {
    "birth": "birth: same day",
    "postcode": "postcode: equal",
    "occupation": "occupation: equal",
    "email": "email: equal",
}
# a postcode one character apart (a typo) counts with the weight of that level
POSTCODE_TYPO = "postcode: one character apart"


class _Personal(Protocol):
    @property
    def birth_day(self) -> int | None: ...
    @property
    def postcode(self) -> str | None: ...
    @property
    def occupation(self) -> str | None: ...
    @property
    def email(self) -> str | None: ...


@dataclass(frozen=True, slots=True)
class PersonalWeights:
    """Log2 Bayes factors of agreement and disagreement on each personal field."""

    agree: dict[str, float]
    disagree: dict[str, float]
    postcode_typo: float = 0.0

    def evidence(self, a: _Personal, b: _Personal) -> float:
        """Bits of evidence that ``a`` and ``b`` are one person, from their personal fields."""
        total = 0.0
        for name in self.agree:
            field = "birth_day" if name == "birth" else name
            x, y = getattr(a, field), getattr(b, field)
            if x is None or y is None:
                continue
            if x == y:
                total += self.agree[name]
            elif name == "postcode" and self.postcode_typo > 0 and _one_edit(str(x), str(y)):
                total += self.postcode_typo
            else:
                total += self.disagree.get(name, 0.0)
        return total


def _one_edit(a: str, b: str) -> bool:
    """One substitution, insertion or deletion apart."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(p != q for p, q in zip(a, b, strict=True)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def _bits(level: dict[str, Any]) -> float | None:
    m, u = level.get("m_probability"), level.get("u_probability")
    if not m or not u:
        return None
    return math.log2(float(m) / float(u))


def personal_weights(model: dict[str, Any]) -> PersonalWeights:
    """The personal-field weights of a trained model (fields it does not compare are left out)."""
    agree: dict[str, float] = {}
    disagree: dict[str, float] = {}
    typo = 0.0
    for comparison in model.get("comparisons", []):
        name = comparison.get("output_column_name")
        if name not in PERSONAL_FIELDS:
            continue
        for level in comparison.get("comparison_levels", []):
            bits = _bits(level)
            if bits is None:
                continue
            if level.get("label_for_charts") == PERSONAL_FIELDS[name]:
                agree[name] = bits
            elif level.get("label_for_charts") == POSTCODE_TYPO:
                typo = max(bits, 0.0)
            elif level.get("sql_condition") == "ELSE" and name != "birth":
                # another birth day is no evidence against here: the birth-year rule judges it
                disagree[name] = min(bits, 0.0)
    return PersonalWeights({k: v for k, v in agree.items() if v > 0}, disagree, typo)
