"""The review queue: decide whether records name the same person (reviewers and above)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import Response

from dadkhah.api import web_review
from dadkhah.web.deps import case_of, pages_of
from dadkhah.web.security import CurrentUser

router = APIRouter()


@router.get("/review", include_in_schema=False)
def review_page(request: Request, user: CurrentUser) -> Response:
    case = case_of(request)
    progress = web_review.progress(case, user=user)
    item = web_review.next_item(case, user=user)
    return pages_of(request).render(request, "review/queue.html", {"progress": progress, "item": item})


@router.get("/api/review", tags=["review"])
def review_api(request: Request, user: CurrentUser) -> dict[str, Any]:
    """The next item to review and the queue's progress (reviewers and above)."""
    case = case_of(request)
    return {"progress": web_review.progress(case, user=user),
            "item": web_review.next_item(case, user=user)}
