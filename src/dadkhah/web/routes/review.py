"""The review queue: decide whether records name the same person (reviewers and above)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from starlette.responses import Response

from dadkhah.api import web_review
from dadkhah.api.auth import User
from dadkhah.web.deps import case_of, pages_of
from dadkhah.web.security import current_user

router = APIRouter()


@router.get("/review", include_in_schema=False)
def review_page(request: Request, user: User = Depends(current_user)) -> Response:
    case = case_of(request)
    progress = web_review.progress(case, user=user)
    item = web_review.next_item(case, user=user)
    return pages_of(request).render(request, "review/queue.html", {"progress": progress, "item": item})


@router.get("/api/review", tags=["review"])
def review_api(request: Request, user: User = Depends(current_user)) -> dict[str, Any]:
    """The next item to review and the queue's progress (reviewers and above)."""
    case = case_of(request)
    return {"progress": web_review.progress(case, user=user),
            "item": web_review.next_item(case, user=user)}
