"""``POST /v1/enrol``: a one-time code and a device name give a device id, a token and a scope."""

from fastapi import APIRouter

from app.sync.protocol import EnrolRequest, EnrolResponse
from server.db import SessionDep
from server.services import enrolment

router = APIRouter(tags=["enrolment"])


@router.post("/enrol", response_model=EnrolResponse)
def enrol(body: EnrolRequest, session: SessionDep) -> EnrolResponse:
    return enrolment.enrol(session, body)
