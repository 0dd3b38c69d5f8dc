"""The victims: who they were, drawn as numpy arrays (one element per person).

Two steps with separate random streams, so the fast capture-only path reproduces exactly the
captures of the full simulation:

* :func:`draw_core` draws what capture depends on and what families share: families, city,
  prison, affiliation, sex, prominence, birth and death dates, sayyid descent;
* :func:`draw_names` draws given names, surnames and fathers' names, with siblings sharing
  surname and father's name, and namesakes (same full name, different people).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

from dadkhah.simulate.settings import SimulationSettings
from dadkhah.simulate.vocabulary import AFFILIATIONS, Vocabulary

__all__ = ["AFFILIATION_CODES", "Names", "Population", "draw_core", "draw_names", "stream"]

AFFILIATION_CODES: tuple[str, ...] = tuple(AFFILIATIONS)
GROUP_OF_CODE: tuple[str, ...] = tuple(AFFILIATIONS[c][0] for c in AFFILIATION_CODES)

_D = dt.date.toordinal
_PMOI_START = _D(dt.date(1988, 7, 28))
_LEFT_START = _D(dt.date(1988, 8, 27))
_TAIL = (_D(dt.date(1988, 7, 19)), _D(dt.date(1989, 2, 15)))


def stream(seed: int, *key: int) -> np.random.Generator:
    """An independent random stream for one part of the simulation."""
    return np.random.default_rng(np.random.SeedSequence(seed, spawn_key=key))


@dataclass(frozen=True)
class Population:
    """What every victim was, apart from names. Dates are proleptic Gregorian ordinals."""

    family: np.ndarray  # family id (a singleton is a family of one)
    has_sibling: np.ndarray  # bool
    female: np.ndarray  # bool
    city: np.ndarray  # index into Vocabulary.cities (residence, arrest)
    birth_city: np.ndarray
    prison: np.ndarray  # index into Vocabulary.prisons
    affiliation: np.ndarray  # index into AFFILIATION_CODES
    prominence: np.ndarray  # latent: how known the person is
    birth: np.ndarray
    death: np.ndarray
    sayyid: np.ndarray  # bool

    @property
    def n(self) -> int:
        return int(self.family.shape[0])


@dataclass(frozen=True)
class Names:
    """Indices into the vocabulary: given names into ``male + female``, surnames, fathers (male)."""

    given: np.ndarray
    surname: np.ndarray
    father: np.ndarray
    namesake_of: np.ndarray  # -1, or the person whose full name this person was given


def _family_sizes(rng: np.random.Generator, n: int, share: float) -> np.ndarray:
    target = round(n * share)
    sizes = rng.choice(np.array([2, 3, 4]), size=max(target // 2, 1), p=[0.7, 0.22, 0.08])
    sizes = sizes[np.cumsum(sizes) <= target]
    return np.concatenate([sizes, np.ones(n - int(sizes.sum()), dtype=sizes.dtype)]).astype(
        np.int64
    )


def _pick(rng: np.random.Generator, weights: np.ndarray, size: int) -> np.ndarray:
    p = weights / weights.sum()
    return rng.choice(len(p), size=size, p=p)


def draw_core(settings: SimulationSettings, vocab: Vocabulary) -> Population:
    """Everything but names, from the ``core`` stream of the seed."""
    rng = stream(settings.seed, 0)
    n = settings.n_persons
    sizes = _family_sizes(rng, n, settings.family_share)
    n_fam = len(sizes)
    family = np.repeat(np.arange(n_fam), sizes)
    has_sibling = sizes[family] > 1

    # Place: families share their city; most people were born where they lived.
    city_w = np.array([settings.city_weights.get(c.latin, 1.0) for c in vocab.cities], dtype=float)
    fam_city = _pick(rng, city_w, n_fam)
    fam_birth_city = np.where(rng.random(n_fam) < 0.85, fam_city, _pick(rng, city_w, n_fam))
    city, birth_city = fam_city[family], fam_birth_city[family]

    # Affiliation: Kurdish parties far more common in Kurdish provinces; siblings often share one.
    shares = np.array(
        [settings.affiliation_shares.get(c, 0.0) for c in AFFILIATION_CODES], dtype=float
    )
    if shares.sum() <= 0:
        shares = np.ones(len(AFFILIATION_CODES))
    kurdish_city = np.array([c.province in settings.kurdish_provinces for c in vocab.cities])
    kurdish_code = np.array([g == "kurdish" for g in GROUP_OF_CODE])
    boosted = shares * np.where(kurdish_code, settings.kurdish_boost, 1.0)
    fam_aff = np.where(
        kurdish_city[fam_city], _pick(rng, boosted, n_fam), _pick(rng, shares, n_fam)
    )
    own_aff = np.where(kurdish_city[city], _pick(rng, boosted, n), _pick(rng, shares, n))
    affiliation = np.where(rng.random(n) < 0.7, fam_aff[family], own_aff)
    group = np.array(GROUP_OF_CODE)[affiliation]

    female_p = np.array([settings.female_share.get(g, 0.08) for g in GROUP_OF_CODE])[affiliation]
    female = rng.random(n) < female_p

    prominence = (
        rng.normal(0.0, 1.0, n)
        + 0.5 * rng.normal(0.0, 1.0, n_fam)[family]
        + settings.family_prominence * has_sibling
    )

    # Prison: one of the prisons of the city (Tehran's: Evin, Gohardasht, Ghezel Hesar).
    options = vocab.city_prisons
    slot = rng.random(n)
    prison = np.empty(n, dtype=np.int64)
    for c in np.unique(city):
        here = city == c
        choices = np.array(options[c])
        w = (
            np.array([0.5, 0.42, 0.08])[: len(choices)]
            if len(choices) == 3
            else np.ones(len(choices))
        )
        edges = np.cumsum(w / w.sum())
        prison[here] = choices[np.minimum(np.searchsorted(edges, slot[here]), len(choices) - 1)]

    # Death: Mojahedin mostly from 28 July, leftists from late August; a tail over the months after.
    pmoi_like = np.where(
        group == "pmoi", True, np.where(group == "left", False, rng.random(n) < 0.55)
    )
    start = np.where(pmoi_like, _PMOI_START, _LEFT_START)
    spread = np.where(pmoi_like, 5.0, 7.0)
    death = start + np.floor(rng.gamma(2.0, 1.0, n) * spread).astype(np.int64)
    tail = rng.random(n) < 0.05
    death = np.where(tail, rng.integers(_TAIL[0], _TAIL[1] + 1, n), death)

    # Birth: mostly in their twenties; siblings close in age but not the same.
    fam_age = 16.0 + rng.gamma(3.0, 3.5, n_fam)
    age = np.where(
        has_sibling, fam_age[family] + rng.normal(0.0, 3.5, n), 16.0 + rng.gamma(3.0, 3.5, n)
    )
    age = np.clip(age, 16.0, 70.0)
    birth = death - np.floor(age * 365.25).astype(np.int64) - rng.integers(0, 365, n)

    sayyid = (rng.random(n_fam) < settings.sayyid_share)[family]
    return Population(
        family=family,
        has_sibling=has_sibling,
        female=female,
        city=city,
        birth_city=birth_city,
        prison=prison,
        affiliation=affiliation,
        prominence=prominence,
        birth=birth.astype(np.int64),
        death=death.astype(np.int64),
        sayyid=sayyid,
    )


def _zipf(n: int, offset: float, power: float) -> np.ndarray:
    return 1.0 / (np.arange(n) + offset) ** power


# Iran's civil registry counts 960,505 people named Mohammadi, 661,824 Hosseini and 614,399
# Ahmadi: about 1.13%, 0.78% and 0.72% of some 85 million. A Zipf law through the first and the
# third of these, share(r) = 1.13% * 3.5 / (r + 2.5) for rank r = 1, 2, 3 ..., gives the 293
# dictionary surnames (the most common first) about 18% of people.
_TOP_SURNAME_SHARE = 0.0113
_SURNAME_OFFSET = 3.5  # 2.5 for ranks counted from 1; the weights below count from 0
_PLAIN_COMPOSED_SHARE = 0.4  # of the rest: Hassanzadeh, Tabrizi; prefixed ones take the remainder


def surname_weights(vocab: Vocabulary) -> np.ndarray:
    """The probability of each vocabulary surname for a family (sums to 1).

    The dictionary's surnames follow the registry's head; the composed surnames share what is
    left, two fifths to plain ones and three fifths to prefixed ones (Mirhosseini,
    Aghajafari), evenly within each group: the long tail of a real surname distribution, in
    which most surnames are rare.
    """
    n_dict, n_plain = vocab.n_dictionary_surnames, vocab.n_composed_surnames
    n_prefixed = len(vocab.surnames) - n_dict - n_plain
    head = _TOP_SURNAME_SHARE * _SURNAME_OFFSET * _zipf(n_dict, _SURNAME_OFFSET, 1.0)
    rest = 1.0 - head.sum()
    plain_share = _PLAIN_COMPOSED_SHARE if n_prefixed else 1.0
    plain = np.full(n_plain, plain_share * rest / max(n_plain, 1))
    prefixed = np.full(n_prefixed, (1.0 - plain_share) * rest / max(n_prefixed, 1))
    return np.concatenate([head, plain, prefixed])


def draw_names(settings: SimulationSettings, vocab: Vocabulary, pop: Population) -> Names:
    """Names from the ``names`` stream: siblings share surname and father, never a given name."""
    rng = stream(settings.seed, 1)
    n, n_male = pop.n, len(vocab.male)
    n_fam = int(pop.family.max()) + 1
    male_w = _zipf(n_male, 2.0, 1.0)
    female_w = _zipf(len(vocab.female), 2.0, 1.0)
    surname_w = surname_weights(vocab)

    surname = _pick(rng, surname_w, n_fam)[pop.family]
    father = _pick(rng, male_w, n_fam)[pop.family]
    given = np.where(pop.female, n_male + _pick(rng, female_w, n), _pick(rng, male_w, n))

    # Siblings get different given names (and a son is rarely named after his living father).
    for _ in range(50):
        key = pop.family * (n_male + len(vocab.female)) + given
        order = np.argsort(key, kind="stable")
        repeated = np.zeros(n, dtype=bool)
        repeated[order[1:]] = key[order[1:]] == key[order[:-1]]
        repeated |= given == father
        if not repeated.any():
            break
        k = int(repeated.sum())
        redraw = np.where(
            pop.female[repeated], n_male + _pick(rng, female_w, k), _pick(rng, male_w, k)
        )
        given[repeated] = redraw

    # Namesakes: some people carry exactly the full name of another victim of the same sex.
    namesake_of = np.full(n, -1, dtype=np.int64)
    singles = np.flatnonzero(~pop.has_sibling)
    k = min(round(n * settings.namesake_share), len(singles) // 2)
    if k > 0:
        chosen = rng.choice(singles, size=2 * k, replace=False)
        takers, donors = chosen[:k], chosen[k:]
        same_sex = pop.female[takers] == pop.female[donors]
        takers, donors = takers[same_sex], donors[same_sex]
        given[takers] = given[donors]
        surname[takers] = surname[donors]
        clash = (father[takers] == father[donors]) | (father[takers] == given[takers])
        while clash.any():
            father[takers[clash]] = _pick(rng, male_w, int(clash.sum()))
            clash = (father[takers] == father[donors]) | (father[takers] == given[takers])
        namesake_of[takers] = donors
    return Names(given=given, surname=surname, father=father, namesake_of=namesake_of)
