"""Names from an installed spaCy pipeline, when there is one (never downloaded by Dadkhah).

spaCy is optional: without it, or without an installed pipeline, this adds nothing. With one, its
PERSON, ORG and GPE/LOC/FAC entities join the mentions with the lowest precedence, so they only
fill gaps the rules leave.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any

from dadkhah.model.accounts import Mention

__all__ = ["spacy_names"]

log = logging.getLogger(__name__)

_LABELS = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": None,
}


@lru_cache(maxsize=1)
def _pipeline() -> Any:
    try:
        import spacy
    except ImportError:
        return None
    models = sorted(spacy.util.get_installed_models())
    if not models:
        return None
    log.info("using the installed spaCy pipeline %s for mentions", models[0])
    return spacy.load(models[0])


def spacy_names(text: str) -> list[Mention]:
    nlp = _pipeline()
    if nlp is None:
        return []
    out = []
    for ent in nlp(text).ents:
        mtype = _LABELS.get(ent.label_)
        if mtype is not None:
            out.append(
                Mention(
                    mtype,
                    text[ent.start_char : ent.end_char],
                    ent.start_char,
                    ent.end_char,
                    f"spaCy {ent.label_}",
                )
            )
    return out
