"""The review queue: decide whether two records name the same person (reviewers and above).

Every action is a plain form POST answered by a redirect to the queue; htmx (hx-boost) swaps the
page in place, and the keys s / n / k / u press the buttons.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from pydantic import BaseModel
from starlette.responses import RedirectResponse, Response

from dadkhah.api import web_review
from dadkhah.web.deps import case_of, pages_of
from dadkhah.web.security import CurrentUser

router = APIRouter()


class Decision(BaseModel):
    verdict: str
    note: str | None = None


@router.get("/review", include_in_schema=False)
def review_page(request: Request, user: CurrentUser, done: str = "") -> Response:
    case = case_of(request)
    progress = web_review.progress(case, user=user)
    item = web_review.next_item(case, user=user)
    return pages_of(request).render(
        request, "review/queue.html", {"progress": progress, "item": item, "done": done}
    )


@router.post("/review/{review_id}", include_in_schema=False)
def review_decide(
    request: Request,
    user: CurrentUser,
    review_id: int,
    verdict: Annotated[str, Form()],
    note: Annotated[str, Form()] = "",
) -> Response:
    web_review.decide(case_of(request), review_id, verdict, user=user, note=note or None)
    return RedirectResponse(f"/review?done={verdict}", status_code=303)


@router.post("/review-undo", include_in_schema=False)
def review_undo(request: Request, user: CurrentUser) -> Response:
    web_review.undo(case_of(request), user=user)
    return RedirectResponse("/review?done=undo", status_code=303)


@router.get("/api/review", tags=["review"])
def review_api(request: Request, user: CurrentUser) -> dict[str, Any]:
    """The next item to review and the queue's progress (reviewers and above)."""
    case = case_of(request)
    return {
        "progress": web_review.progress(case, user=user),
        "item": web_review.next_item(case, user=user),
    }


@router.post("/api/review/{review_id}", tags=["review"])
def review_decide_api(
    request: Request, user: CurrentUser, review_id: int, decision: Decision
) -> dict[str, Any]:
    """Record ``same``, ``not_same`` or ``skip`` (send the session's CSRF token as X-CSRF-Token)."""
    return web_review.decide(
        case_of(request), review_id, decision.verdict, user=user, note=decision.note
    )


@router.post("/api/review-undo", tags=["review"])
def review_undo_api(request: Request, user: CurrentUser) -> dict[str, Any]:
    """Revoke your latest decision and reopen its item."""
    return web_review.undo(case_of(request), user=user)
