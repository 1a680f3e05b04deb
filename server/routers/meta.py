"""``GET /v1/meta``: versions, the hub's clock (devices warn about skew) and the reference version."""

from fastapi import APIRouter, Request

from app.domain.clock import iso_utc, utc_now
from app.sync.protocol import PROTOCOL_VERSION, Meta
from server import HUB_VERSION
from server.db import ReadSessionDep
from server.services import quarantine
from server.services.reference import reference_version

router = APIRouter(tags=["meta"])


@router.get("/meta", response_model=Meta)
def meta(request: Request, session: ReadSessionDep) -> Meta:
    return Meta(hub_version=HUB_VERSION, protocol_version=PROTOCOL_VERSION,
                min_client_version=request.app.state.db.settings.min_client_version,
                hub_time=iso_utc(utc_now()), reference_version=reference_version(session),
                quarantine_version=quarantine.version(session))
