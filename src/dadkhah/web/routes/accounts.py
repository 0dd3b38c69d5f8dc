"""Claims, timelines, the chain of command on a date, sites on a map, and documents."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from starlette.responses import RedirectResponse, Response

from dadkhah.api import places as places_api
from dadkhah.api import web_accounts
from dadkhah.model.accounts import CLAIM_KINDS
from dadkhah.web.deps import case_of, pages_of
from dadkhah.web.security import CurrentUser

router = APIRouter()


@router.get("/claims", include_in_schema=False)
def claims_page(request: Request, user: CurrentUser, kind: str = "", status: str = "") -> Response:
    rows = web_accounts.claims(case_of(request), user=user, kind=kind, status=status)
    return pages_of(request).render(
        request,
        "accounts/claims.html",
        {"claims": rows, "kind": kind, "status": status, "kinds": CLAIM_KINDS},
    )


@router.get("/api/claims", tags=["accounts"])
def claims_api(
    request: Request, user: CurrentUser, kind: str = "", status: str = ""
) -> list[dict[str, Any]]:
    """Claims with their citations (confidential ones left out for viewers)."""
    return web_accounts.claims(case_of(request), user=user, kind=kind, status=status)


@router.post("/claims", include_in_schema=False)
def claims_add(
    request: Request,
    user: CurrentUser,
    kind: Annotated[str, Form()],
    source: Annotated[str, Form()],
    subject: Annotated[str, Form()] = "",
    object: Annotated[str, Form()] = "",
    value_text: Annotated[str, Form()] = "",
    quote: Annotated[str, Form()] = "",
    page: Annotated[str, Form()] = "",
    date: Annotated[str, Form()] = "",
    status: Annotated[str, Form()] = "work needed",
    confidentiality: Annotated[str, Form()] = "restricted",
) -> Response:
    web_accounts.add_claim(
        case_of(request),
        user=user,
        kind=kind,
        source=source,
        subject=subject,
        object=object,
        value_text=value_text,
        quote=quote,
        page=page,
        date=date or None,
        status=status,
        confidentiality=confidentiality,
    )
    return RedirectResponse("/claims", status_code=303)


@router.get("/timeline/{person}", include_in_schema=False)
def timeline_page(request: Request, user: CurrentUser, person: str) -> Response:
    data = web_accounts.timeline(case_of(request), person, user=user)
    return pages_of(request).render(request, "accounts/timeline.html", data)


@router.get("/api/timeline/{person}", tags=["accounts"])
def timeline_api(request: Request, user: CurrentUser, person: str) -> dict[str, Any]:
    """Dated claims about a person, and acts against them, in order."""
    return web_accounts.timeline(case_of(request), person, user=user)


@router.get("/chain", include_in_schema=False)
def chain_page(
    request: Request, user: CurrentUser, org: str = "", date: str = "1988-08-01"
) -> Response:
    case = case_of(request)
    data = web_accounts.chain(case, org, date, user=user) if org else None
    return pages_of(request).render(
        request,
        "accounts/chain.html",
        {
            "orgs": web_accounts.organizations(case, user=user),
            "org": org,
            "date": date,
            "chain": data,
        },
    )


@router.get("/api/chain", tags=["accounts"])
def chain_api(request: Request, user: CurrentUser, org: str, date: str) -> dict[str, Any]:
    """Who held which post in an organisation on a date, with its superiors and subordinates."""
    return web_accounts.chain(case_of(request), org, date, user=user)


@router.get("/sites", include_in_schema=False)
def sites_page(request: Request, user: CurrentUser) -> Response:
    geo = web_accounts.sites(case_of(request), user=user)
    return pages_of(request).render(request, "accounts/sites.html", {"sites": geo["features"]})


@router.get("/api/sites", tags=["accounts"])
def sites_api(request: Request, user: CurrentUser) -> dict[str, Any]:
    """The case's sites as a GeoJSON FeatureCollection."""
    return web_accounts.sites(case_of(request), user=user)


@router.get("/api/outline", tags=["accounts"])
def outline_api(request: Request, user: CurrentUser) -> dict[str, Any]:
    """A schematic outline of the provinces (GeoJSON), the backdrop of the sites map."""
    return places_api.province_outline()


@router.get("/documents", include_in_schema=False)
def documents_page(request: Request, user: CurrentUser) -> Response:
    return pages_of(request).render(
        request,
        "documents/index.html",
        {"documents": web_accounts.documents(case_of(request), user=user)},
    )


@router.get("/api/documents", tags=["documents"])
def documents_api(request: Request, user: CurrentUser) -> list[dict[str, Any]]:
    """Evidence items (original files) with SHA-256, size and media type."""
    return web_accounts.documents(case_of(request), user=user)


@router.get("/documents/{ref}", include_in_schema=False)
def document_page(request: Request, user: CurrentUser, ref: str) -> Response:
    return pages_of(request).render(
        request, "documents/detail.html", web_accounts.document(case_of(request), ref, user=user)
    )


@router.get("/api/documents/{ref}", tags=["documents"])
def document_api(request: Request, user: CurrentUser, ref: str) -> dict[str, Any]:
    """A document: SHA-256, source, custody history, text and the mentions found in it."""
    return web_accounts.document(case_of(request), ref, user=user)
