"""Search, person pages and lists: HTML pages and the JSON API from the same api calls."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import Response

from dadkhah.api import web_accounts, web_persons, web_search
from dadkhah.api.auth import User, require
from dadkhah.web.deps import case_of, pages_of, settings_of
from dadkhah.web.security import CurrentUser

router = APIRouter()


def _search(request: Request, user: User, q: str, limit: int) -> dict[str, Any]:
    require(user, "read")
    q = q.strip()[:200]
    if not q:
        return {"query": q, "persons": [], "unlinked_records": [], "documents": []}
    hits, unlinked = web_search.search_persons(case_of(request), q, limit=max(1, min(limit, 200)))
    documents = web_accounts.visible_documents(
        case_of(request), web_search.search_documents(case_of(request), q), user=user
    )
    return {
        "query": q,
        "documents": documents,
        "persons": [h.to_dict() for h in hits],
        "unlinked_records": [
            {"list": r["list"], "record_id": r["record_id"], "name": r["name"]} for r in unlinked
        ],
    }


@router.get("/", include_in_schema=False)
def home(request: Request, user: CurrentUser) -> Response:
    lists = web_persons.list_lists(case_of(request))
    return pages_of(request).render(request, "home.html", {"lists": lists})


@router.get("/persons", include_in_schema=False)
def persons_page(request: Request, user: CurrentUser, q: str = "") -> Response:
    result = _search(request, user, q, 50)
    return pages_of(request).render(request, "persons/search.html", result)


@router.get("/api/persons", tags=["persons"])
def persons_api(
    request: Request, user: CurrentUser, q: str = "", limit: int = 50
) -> list[dict[str, Any]]:
    """Persons whose names match ``q`` in any script or spelling, best first.

    Each person has ``id``, ``display_name`` (Persian script), ``display_name_latin``, ``names`` and
    ``records`` (``[{"list", "record_id", "name"}]``).
    """
    return list(_search(request, user, q, limit)["persons"])


def _person(request: Request, user: User, person_id: str) -> dict[str, Any]:
    require(user, "read")
    case = case_of(request)
    person = web_persons.get_person(case, person_id, user=user)
    names = [
        n for n in (person["person"]["display_name"], person["person"]["display_name_latin"]) if n
    ]
    docs: dict[int, dict[str, Any]] = {}
    for name in names:
        for d in web_search.search_documents(case, name, limit=10):
            docs.setdefault(int(d["id"]), d)
    person["documents"] = web_accounts.visible_documents(case, list(docs.values()), user=user)
    return person


@router.get("/persons/{person_id}", include_in_schema=False)
def person_page(request: Request, user: CurrentUser, person_id: str) -> Response:
    person = _person(request, user, person_id)
    return pages_of(request).render(
        request, "persons/detail.html", person | {"fields": web_persons.RECORD_FIELDS}
    )


@router.get("/api/persons/{person_id}", tags=["persons"])
def person_api(request: Request, user: CurrentUser, person_id: str) -> dict[str, Any]:
    """One person: ``person``, ``records`` (every list), ``acts``, ``claims`` (with citations),
    ``kin`` and ``documents`` whose text names them."""
    return _person(request, user, person_id)


@router.get("/lists", include_in_schema=False)
def lists_page(request: Request, user: CurrentUser) -> Response:
    require(user, "read")
    return pages_of(request).render(
        request, "lists/index.html", {"lists": web_persons.list_lists(case_of(request))}
    )


@router.get("/api/lists", tags=["lists"])
def lists_api(request: Request, user: CurrentUser) -> list[dict[str, Any]]:
    """Active lists: ``name``, ``record_count``, ``linked`` (records linked to a person)."""
    require(user, "read")
    return web_persons.list_lists(case_of(request))


@router.get("/lists/{name}", include_in_schema=False)
def list_page(request: Request, user: CurrentUser, name: str, offset: int = 0) -> Response:
    require(user, "read")
    data = web_persons.get_list(
        case_of(request), name, user=user, offset=offset, limit=settings_of(request).page_size
    )
    return pages_of(request).render(
        request, "lists/detail.html", data | {"fields": web_persons.RECORD_FIELDS}
    )


@router.get("/api/lists/{name}", tags=["lists"])
def list_api(
    request: Request, user: CurrentUser, name: str, offset: int = 0, limit: int = 100
) -> dict[str, Any]:
    """One list and a page of its records."""
    require(user, "read")
    return web_persons.get_list(case_of(request), name, user=user, offset=offset, limit=limit)
