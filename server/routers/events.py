"""``POST /v1/events`` (push, oldest first) and ``GET /v1/events`` (pull by cursor, paged)."""

from typing import Annotated

from fastapi import APIRouter, Query

from app.sync.protocol import MAX_PULL_PAGE, MAX_SEQ, PullResponse, PushRequest, PushResponse
from server.auth import DeviceDep
from server.db import ReadSessionDep, SessionDep
from server.services import feed, ingest

router = APIRouter(tags=["events"])


@router.post("/events", response_model=PushResponse)
def push(body: PushRequest, device: DeviceDep, session: SessionDep) -> PushResponse:
    return ingest.push(session, device, body.events)


@router.get("/events", response_model=PullResponse)
def pull(device: DeviceDep, session: ReadSessionDep, cursor: Annotated[int, Query(ge=0, le=MAX_SEQ)] = 0,
         limit: Annotated[int, Query(ge=1, le=MAX_PULL_PAGE)] = 500,
         include_own: bool = False) -> PullResponse:
    return feed.pull(session, device, cursor, limit, include_own=include_own)
