"""``POST /v1/integrity``: compare the digest of what a device holds with the hub's view of its scope."""

from fastapi import APIRouter

from app.sync.protocol import IntegrityRequest, IntegrityResponse
from server.auth import DeviceDep
from server.db import ReadSessionDep
from server.services import feed

router = APIRouter(tags=["integrity"])


@router.post("/integrity", response_model=IntegrityResponse)
def check(body: IntegrityRequest, device: DeviceDep, session: ReadSessionDep) -> IntegrityResponse:
    return feed.integrity(session, device, body.cursor, body.count, body.digest)
