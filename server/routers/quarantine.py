"""``GET /v1/quarantine``: the events the hub administrator quarantined for the whole fleet, in scope."""

from fastapi import APIRouter

from app.sync.protocol import QuarantineList
from server.auth import DeviceDep
from server.db import ReadSessionDep
from server.services import quarantine

router = APIRouter(tags=["quarantine"])


@router.get("/quarantine", response_model=QuarantineList)
def get_quarantine(device: DeviceDep, session: ReadSessionDep) -> QuarantineList:
    return quarantine.for_device(session, device)
