"""Estimates: run one (investigators), read the stored runs, their plots, strata and inputs."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from starlette.concurrency import run_in_threadpool
from starlette.responses import RedirectResponse, Response

from dadkhah.api import web_estimate
from dadkhah.web.deps import case_of, pages_of
from dadkhah.web.security import CurrentUser

router = APIRouter()

_SVG_HEADERS = {"Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'"}


@router.get("/estimates", include_in_schema=False)
def estimates_page(request: Request, user: CurrentUser) -> Response:
    case = case_of(request)
    return pages_of(request).render(
        request,
        "estimates/index.html",
        {
            "runs": web_estimate.runs(case, user=user),
            "comparison": web_estimate.comparison(case, user=user),
            "methods": web_estimate.METHODS,
        },
    )


@router.get("/api/estimates", tags=["estimates"])
def estimates_api(request: Request, user: CurrentUser) -> list[dict[str, Any]]:
    """Stored estimate runs, newest first."""
    return web_estimate.runs(case_of(request), user=user)


@router.post("/estimates", include_in_schema=False)
async def estimates_run(
    request: Request,
    user: CurrentUser,
    method: Annotated[str, Form()],
    by: Annotated[str, Form()] = "",
    seed: Annotated[str, Form()] = "",
    model: Annotated[str, Form()] = "",
    draws: Annotated[str, Form()] = "",
    burn_in: Annotated[str, Form()] = "",
    K: Annotated[str, Form()] = "",
    delta: Annotated[str, Form()] = "",
) -> Response:
    given = {
        "seed": seed,
        "model": model,
        "draws": draws,
        "burn_in": burn_in,
        "K": K,
        "delta": delta,
    }
    run_id = await run_in_threadpool(
        lambda: web_estimate.run(case_of(request), user=user, method=method, by=by, **given)
    )
    return RedirectResponse(f"/estimates/{run_id}", status_code=303)


@router.get("/estimates/comparison.svg", include_in_schema=False)
def comparison_svg(request: Request, user: CurrentUser) -> Response:
    svg = web_estimate.comparison_svg(case_of(request), user=user)
    return Response(svg, media_type="image/svg+xml", headers=_SVG_HEADERS)


@router.get("/estimates/{run_id}", include_in_schema=False)
def estimate_page(request: Request, user: CurrentUser, run_id: int) -> Response:
    data = web_estimate.run_detail(case_of(request), run_id, user=user)
    return pages_of(request).render(request, "estimates/detail.html", data)


@router.get("/api/estimates/{run_id}", tags=["estimates"])
def estimate_api(request: Request, user: CurrentUser, run_id: int) -> dict[str, Any]:
    """One stored run: ``run``, ``result`` (as ``dadkhah estimate --json``), ``strata``, ``inputs``."""
    return web_estimate.run_detail(case_of(request), run_id, user=user)


@router.get("/estimates/{run_id}/{kind}.svg", include_in_schema=False)
def estimate_plot(request: Request, user: CurrentUser, run_id: int, kind: str) -> Response:
    svg = web_estimate.plot_svg(case_of(request), run_id, kind, user=user)
    return Response(svg, media_type="image/svg+xml", headers=_SVG_HEADERS)
