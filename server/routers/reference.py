"""``GET /v1/reference``: reference data in the device's scope."""

from fastapi import APIRouter

from app.sync.protocol import Reference
from server.auth import DeviceDep
from server.db import ReadSessionDep
from server.services import reference

router = APIRouter(tags=["reference"])


@router.get("/reference", response_model=Reference)
def get_reference(device: DeviceDep, session: ReadSessionDep) -> Reference:
    return reference.for_device(session, device)
