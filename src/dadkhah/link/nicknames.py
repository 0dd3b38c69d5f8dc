"""Common English given-name nicknames, for telling a nickname from a different name.

A record naming "Tom Hassall" and another naming "Thomas Hassall" should not be kept apart by
the rule that given names must agree. Each group below lists a full name and the short forms
that stand for it; two names share a group when either could be written for the other.

Where the ``nicknames`` package is installed (Carlton Northern's curated table of about 2,700
English name-and-nickname pairs, Apache-2.0, read from the package, offline), a name and a
nickname it lists for it also count: Dora/Dorothy, Betsy/Elizabeth, Bennie/Benjamin.
"""

from __future__ import annotations

import logging
from functools import lru_cache

__all__ = ["nickname_of"]

log = logging.getLogger(__name__)

_GROUPS = """
abraham abe abram
albert al bert bertie
alexander alex alec sandy alexandra sandra
alfred alf alfie fred freddie
andrew andy drew
anthony tony antony
archibald archie archy
arthur art artie
barbara babs barb
benjamin ben benny benji
catherine katherine kathleen kate katie kitty cathy kath kathy
charles charlie chas chuck
christopher chris kit
daniel dan danny
david dave davy
dorothy dolly dot dottie
edward ed eddie ned ted teddy
edmund ed ned
elizabeth eliza beth betty bess bessie liz lizzie lisa elsie
ellen nell nellie helen eleanor elinor
frances fanny frankie
francis frank
frederick fred freddie freddy fritz
george geordie
gilbert gil bert
harold harry hal
henry harry hal hank
herbert herb bert
isaac ike
jacob jake
james jim jimmy jamie jem
jane jenny jennie jean janet
john jack johnny jon ian
joseph joe joey
katharine kate kitty
lawrence laurence larry laurie
leonard len lenny leo
margaret maggie meg peggy marge madge maisie daisy greta
mary molly polly mae mamie
matthew matt
michael mike mick mickey
nathaniel nat nathan
nicholas nick nicky
patrick pat paddy
peter pete
philip phil pip
rebecca becky
reginald reg reggie
richard dick rick richie dickie
robert bob bobby rob robbie bert
samuel sam sammy
sarah sally sadie
stephen steve steven
susan sue susie susanna
theodore ted teddy theo
thomas tom tommy
timothy tim
victoria vicky
walter walt wat
william will bill billy willie willy
agnes nessie nancy
ann anne anna annie nancy nan
caroline carrie carol
alice alicia ally
"""


@lru_cache(maxsize=1)
def _index() -> dict[str, frozenset[int]]:
    out: dict[str, set[int]] = {}
    for i, line in enumerate(x for x in _GROUPS.splitlines() if x.strip()):
        for name in line.split():
            out.setdefault(name, set()).add(i)
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def _listed() -> frozenset[tuple[str, str]]:
    """(name, nickname) pairs of the ``nicknames`` package, both ways round; empty without it."""
    try:
        import nicknames
    except ImportError:
        log.info("the nicknames package is not installed; using the built-in nickname groups")
        return frozenset()
    out: set[tuple[str, str]] = set()
    for triplet in nicknames.name_triplets():
        a, b = triplet[0].lower(), triplet[2].lower()
        out.add((a, b))
        out.add((b, a))
    return frozenset(out)


def nickname_of(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` (lower-case Latin given names) can be one name and its nickname."""
    index = _index()
    ga, gb = index.get(a), index.get(b)
    return bool(ga and gb and ga & gb) or (a, b) in _listed()
