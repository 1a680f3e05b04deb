"""Sync settings and bookkeeping kept in the profile's ``meta`` table (one key each)."""

from __future__ import annotations

from dataclasses import dataclass

from app.store.meta import MetaStore

HUB_URL = "sync.hub_url"
HUB_ID = "sync.hub_id"
DEVICE_NAME = "sync.device_name"
SCOPE_REGION = "sync.scope_region"
SCOPE_NAME = "sync.scope_name"
CURSOR = "sync.cursor"
REFERENCE_VERSION = "sync.reference_version"
LAST_ATTEMPT = "sync.last_attempt_at"
LAST_SUCCESS = "sync.last_success_at"
LAST_ERROR_CODE = "sync.last_error_code"
LAST_ERROR_MESSAGE = "sync.last_error_message"
LAST_REPORT = "sync.last_report"
SKEW = "sync.clock_skew_seconds"
INTEGRITY_AT = "sync.integrity_checked_at"
DAILY_TIME = "sync.daily_time"  # "HH:MM" for the window's optional daily sync; "" = off
PROXY = "sync.proxy"  # "system" (default: environment, then Windows settings), "direct" or a proxy URL


@dataclass(frozen=True)
class Enrolment:
    hub_url: str
    hub_id: str
    device_id: str
    device_name: str
    scope_region: str
    scope_name: str


def enrolment(meta: MetaStore) -> Enrolment | None:
    values = meta.all()
    if not values.get(HUB_URL):
        return None
    return Enrolment(values[HUB_URL], values.get(HUB_ID, ""), values["device_id"], values.get(DEVICE_NAME, ""),
                     values.get(SCOPE_REGION, values.get("region_code", "")), values.get(SCOPE_NAME, ""))


def cursor(meta: MetaStore) -> int:
    return int(meta.get(CURSOR, "0") or 0)
