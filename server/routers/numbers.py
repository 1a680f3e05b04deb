"""``POST /v1/numbers``: reserve a block of case or document numbers for a series and year."""

from fastapi import APIRouter

from app.sync.protocol import NumberBlock, NumberBlockRequest
from server.auth import DeviceDep
from server.db import SessionDep
from server.services import numbering

router = APIRouter(tags=["numbers"])


@router.post("/numbers", response_model=NumberBlock)
def reserve(body: NumberBlockRequest, device: DeviceDep, session: SessionDep) -> NumberBlock:
    return numbering.reserve(session, device, body.series, body.year, body.count)
