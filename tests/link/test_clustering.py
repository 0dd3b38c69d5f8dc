"""Clustering: partitions the records, never chains, honours cannot-link rules and decisions."""

from __future__ import annotations

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from dadkhah.link.clustering import RecordTraits, cluster_pairs
from dadkhah.link.settings import LinkSettings

S = LinkSettings(auto_link=0.9, review=0.4, cluster_average=0.5)


def _pairs(rows: list[tuple[int, int, float]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["unique_id_l", "unique_id_r", "match_probability"])


def test_strong_pairs_merge_and_weak_ones_go_to_review() -> None:
    result = cluster_pairs([1, 2, 3], _pairs([(1, 2, 0.99), (2, 3, 0.5)]), {}, S)
    assert result.labels[1] == result.labels[2] != result.labels[3]
    assert list(
        result.review[["unique_id_l", "unique_id_r"]].itertuples(index=False, name=None)
    ) == [(2, 3)]


def test_no_chaining_through_one_strong_pair() -> None:
    # 1-2 and 3-4 are sure; 2-3 is sure too, but 1-3, 1-4, 2-4 were scored low: keep two persons
    pairs = _pairs(
        [(1, 2, 0.999), (3, 4, 0.999), (2, 3, 0.96), (1, 3, 0.02), (1, 4, 0.02), (2, 4, 0.02)]
    )
    result = cluster_pairs([1, 2, 3, 4], pairs, {}, S)
    assert result.labels[1] == result.labels[2]
    assert result.labels[3] == result.labels[4]
    assert result.labels[1] != result.labels[3]


def test_siblings_stay_apart() -> None:
    # same surname, father and city, other given name: a strong score cannot merge them
    traits = {
        1: RecordTraits(
            sex="M", father="hsn", given="hmd", surname="rzy", birth_from=1960, birth_to=1960
        ),
        2: RecordTraits(
            sex="M", father="hsn", given="mhmd", surname="rzy", birth_from=1962, birth_to=1962
        ),
    }
    result = cluster_pairs([1, 2], _pairs([(1, 2, 0.97)]), traits, S)
    assert result.labels[1] != result.labels[2]
    assert result.review.iloc[0]["reason"] == "given names differ"


def test_contradicting_sex_father_or_birth_never_merge() -> None:
    cases = [
        (RecordTraits(sex="M"), RecordTraits(sex="F"), "sex differs"),
        (RecordTraits(father="hsn"), RecordTraits(father="jfr"), "father's name differs"),
        (
            RecordTraits(birth_from=1950, birth_to=1950),
            RecordTraits(birth_from=1965, birth_to=1965),
            "birth years differ",
        ),
    ]
    for a, b, reason in cases:
        result = cluster_pairs([1, 2], _pairs([(1, 2, 0.999)]), {1: a, 2: b}, S)
        assert result.labels[1] != result.labels[2], reason
        assert result.review.iloc[0]["reason"] == reason


def test_decisions_bind() -> None:
    pairs = _pairs([(1, 2, 0.999), (3, 4, 0.05)])
    result = cluster_pairs([1, 2, 3, 4], pairs, {}, S, must_link=[(3, 4)], cannot_link=[(1, 2)])
    assert result.labels[1] != result.labels[2]
    assert result.labels[3] == result.labels[4]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 14), st.integers(0, 14), st.floats(0.0, 1.0)),
        max_size=60,
    ),
    st.lists(st.tuples(st.integers(0, 14), st.integers(0, 14)), max_size=4),
)
def test_clusters_partition_the_records_and_respect_cannot_links(
    raw: list[tuple[int, int, float]], cannot: list[tuple[int, int]]
) -> None:
    rows = [(min(a, b), max(a, b), p) for a, b, p in raw if a != b]
    cannot = [(a, b) for a, b in cannot if a != b]
    ids = list(range(15))
    result = cluster_pairs(ids, _pairs(rows), {}, S, cannot_link=cannot)
    assert set(result.labels) == set(ids)
    for a, b in cannot:
        assert result.labels[a] != result.labels[b]
    # a merged pair is only ever explained by pairs in the automatic band
    linked = {(a, b) for a, b, p in rows if p >= S.auto_link}
    for label in set(result.labels.values()):
        members = [i for i in ids if result.labels[i] == label]
        if len(members) > 1:
            assert any((a in members and b in members) for a, b in linked)


def _person(given: str, surname: str, **kw: object) -> RecordTraits:
    return RecordTraits(
        given=given.lower(),
        surname=surname.lower(),
        given_text=given,
        surname_text=surname,
        **kw,  # type: ignore[arg-type]
    )


def test_nicknames_initials_and_lone_name_parts_may_merge() -> None:
    cases = [
        (_person("Tom", "Hassall"), _person("Thomas", "Hassall")),
        (_person("S.", "Holden"), _person("Samuel", "Holden")),
        (_person("John", "Wolcot"), RecordTraits(given="wolcot", given_text="Wolcot")),
        (_person("Sir", "Loder"), _person("Edmund", "Loder")),
    ]
    for a, b in cases:
        result = cluster_pairs([1, 2], _pairs([(1, 2, 0.99)]), {1: a, 2: b}, S)
        assert result.labels[1] == result.labels[2], (a, b)


def test_evidence_decides_sex_and_birth_year_disagreements() -> None:
    # same names, one digit of the year and the sex mistyped: one person
    a = _person("Ethel", "Arnold", sex="F", birth_from=1860, birth_to=1860, birth_md=101)
    b = _person("Ethel", "Arnold", sex="M", birth_from=1830, birth_to=1830, birth_md=101)
    assert (
        len(set(cluster_pairs([1, 2], _pairs([(1, 2, 0.99)]), {1: a, 2: b}, S).labels.values()))
        == 1
    )
    # other given names: the same disagreements keep them apart
    c = _person("Edith", "Arnold", sex="M", birth_from=1830, birth_to=1830, birth_md=505)
    result = cluster_pairs([1, 3], _pairs([(1, 3, 0.99)]), {1: a, 3: c}, S)
    assert result.labels[1] != result.labels[3]


def test_one_bad_record_is_outvoted_but_the_father_never_is() -> None:
    def lone(**kw: object) -> RecordTraits:
        return RecordTraits(given="frederick", given_text="Frederick", **kw)  # type: ignore[arg-type]

    traits = {i: _person("Frederick", "Frohawk") for i in (1, 2, 3)}
    # 5 carries a wrong surname; 6 and 7 give only the given name and agree with everyone
    traits |= {5: _person("Frederick", "William"), 6: lone(), 7: lone()}
    rows = [(1, 2, 0.99), (1, 3, 0.99), (2, 3, 0.99), (5, 6, 0.99), (5, 7, 0.99), (6, 7, 0.99)]
    rows += [(1, 6, 0.97)]
    result = cluster_pairs(list(traits), _pairs(rows), traits, S)
    assert len(set(result.labels.values())) == 1  # 3 of 9 record pairs disagree: outvoted
    # the same clusters, but two records name different fathers: never one person
    traits[7] = lone(father="jms", father_text="Jamshid")
    traits[1] = _person("Frederick", "Frohawk", father="hsn", father_text="Hassan")
    result = cluster_pairs(list(traits), _pairs(rows), traits, S)
    assert result.labels[1] != result.labels[6]
    assert result.labels[5] == result.labels[6] == result.labels[7]
