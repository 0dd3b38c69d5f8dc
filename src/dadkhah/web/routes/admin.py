"""Admin pages: the audit log and the users of the case."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from starlette.responses import RedirectResponse, Response

from dadkhah.api import auth as auth_api
from dadkhah.api import web_case
from dadkhah.api.auth import require
from dadkhah.web.deps import case_of, pages_of
from dadkhah.web.security import CurrentUser

router = APIRouter()


@router.get("/audit", include_in_schema=False)
def audit_page(request: Request, user: CurrentUser, offset: int = 0) -> Response:
    case = case_of(request)
    data = web_case.audit_entries(case, user=user, offset=offset)
    data["status"] = web_case.audit_status(case, user=user)
    return pages_of(request).render(request, "audit/index.html", data)


@router.get("/api/audit", tags=["audit"])
def audit_api(
    request: Request, user: CurrentUser, offset: int = 0, limit: int = 100
) -> dict[str, Any]:
    """A page of the audit log, newest first (admins)."""
    return web_case.audit_entries(case_of(request), user=user, offset=offset, limit=limit)


@router.get("/users", include_in_schema=False)
def users_page(request: Request, user: CurrentUser) -> Response:
    require(user, "users_manage")
    users = auth_api.list_users(case_of(request))
    return pages_of(request).render(
        request, "users/index.html", {"users": users, "roles": auth_api.ROLES}
    )


@router.get("/api/users", tags=["users"])
def users_api(request: Request, user: CurrentUser) -> list[dict[str, Any]]:
    """The users of the case (admins)."""
    require(user, "users_manage")
    return [u.to_dict() for u in auth_api.list_users(case_of(request))]


@router.post("/users", include_in_schema=False)
def users_add(
    request: Request,
    user: CurrentUser,
    username: Annotated[str, Form()],
    role: Annotated[str, Form()],
    password: Annotated[str, Form()],
) -> Response:
    require(user, "users_manage")
    auth_api.add_user(case_of(request), username, role=role, password=password, actor=user.username)
    return RedirectResponse("/users", status_code=303)


@router.post("/users/{username}/role", include_in_schema=False)
def users_set_role(
    request: Request, user: CurrentUser, username: str, role: Annotated[str, Form()]
) -> Response:
    require(user, "users_manage")
    auth_api.set_role(case_of(request), username, role, actor=user.username)
    return RedirectResponse("/users", status_code=303)


@router.post("/users/{username}/disable", include_in_schema=False)
def users_disable(request: Request, user: CurrentUser, username: str) -> Response:
    require(user, "users_manage")
    auth_api.disable_user(case_of(request), username, actor=user.username)
    return RedirectResponse("/users", status_code=303)
