"""Decomposable (chordal) graphs on a few lists, with their cliques and separators.

Madigan & York's model averaging runs over every decomposable graphical model of the lists. A
graph on ``p`` vertices is held as a set of edges; a decomposable one factorises over its maximal
cliques and the separators of a junction tree. Vertex sets are bitmasks (bit ``j`` = list ``j``,
0-based). For ``p = 3, 4, 5`` there are 8, 61 and 822 such graphs, the lists R's dga ships.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from itertools import combinations

__all__ = ["DecomposableGraph", "decomposable_graphs", "graph_name"]


@dataclass(frozen=True)
class DecomposableGraph:
    """A decomposable graph: its edges, maximal cliques and junction-tree separators.

    ``separators`` holds only non-empty separators (a graph of ``k`` connected components has
    ``len(cliques) - len(separators) == k``).
    """

    n_vertices: int
    edges: frozenset[tuple[int, int]]
    cliques: tuple[int, ...]
    separators: tuple[int, ...]

    @property
    def name(self) -> str:
        return graph_name(self.cliques)

    @property
    def components(self) -> int:
        return len(self.cliques) - len(self.separators)

    @property
    def saturated(self) -> bool:
        return self.cliques == ((1 << self.n_vertices) - 1,)


def _digits(mask: int) -> str:
    return "".join(str(j + 1) for j in range(mask.bit_length()) if mask >> j & 1)


def graph_name(cliques: tuple[int, ...]) -> str:
    """Cliques in Rcapture's bracket notation, e.g. ``[123,134]`` (larger cliques first)."""
    ordered = sorted(cliques, key=lambda m: (-bin(m).count("1"), _digits(m)))
    return "[" + ",".join(_digits(c) for c in ordered) + "]"


def _is_complete(mask: int, adjacent: list[int]) -> bool:
    members = [j for j in range(len(adjacent)) if mask >> j & 1]
    return all(adjacent[a] >> b & 1 for a, b in combinations(members, 2))


def _is_chordal(adjacent: list[int]) -> bool:
    """Chordal iff simplicial vertices can be removed one by one until none is left."""
    remaining = (1 << len(adjacent)) - 1
    while remaining:
        for v in range(len(adjacent)):
            if remaining >> v & 1 and _is_complete(adjacent[v] & remaining, adjacent):
                remaining &= ~(1 << v)
                break
        else:
            return False
    return True


def _cliques(adjacent: list[int]) -> list[int]:
    p = len(adjacent)
    complete = [m for m in range(1, 1 << p) if _is_complete(m, adjacent)]
    return [m for m in complete if not any(o != m and o & m == m for o in complete)]


def _separators(cliques: list[int]) -> list[int]:
    """Separators of a junction tree: a maximum-weight spanning forest of the cliques."""
    pairs = sorted(
        (
            (bin(a & b).count("1"), i, k)
            for (i, a), (k, b) in combinations(enumerate(cliques), 2)
            if a & b
        ),
        key=lambda e: -e[0],
    )
    parent = list(range(len(cliques)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    seps: list[int] = []
    for _, i, k in pairs:
        ri, rk = root(i), root(k)
        if ri != rk:
            parent[ri] = rk
            seps.append(cliques[i] & cliques[k])
    return seps


@cache
def decomposable_graphs(n_vertices: int) -> tuple[DecomposableGraph, ...]:
    """Every decomposable graph on ``n_vertices`` labelled vertices (2 to 6)."""
    if not 2 <= n_vertices <= 6:
        raise ValueError(
            f"decomposable graphs are enumerated for 2 to 6 vertices, not {n_vertices}"
        )
    all_edges = list(combinations(range(n_vertices), 2))
    graphs: list[DecomposableGraph] = []
    for code in range(1 << len(all_edges)):
        edges = [e for i, e in enumerate(all_edges) if code >> i & 1]
        adjacent = [0] * n_vertices
        for a, b in edges:
            adjacent[a] |= 1 << b
            adjacent[b] |= 1 << a
        if not _is_chordal(adjacent):
            continue
        cliques = _cliques(adjacent)
        graphs.append(
            DecomposableGraph(
                n_vertices=n_vertices,
                edges=frozenset(edges),
                cliques=tuple(sorted(cliques)),
                separators=tuple(sorted(_separators(cliques))),
            )
        )
    return tuple(graphs)
