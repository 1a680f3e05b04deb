"""Small app/sync rules found by mutation testing (issue 17, app/sync check with seed 79): which number blocks
a device asks for (this year's, and next year's only in December; the document series of the prefixes the
hub set for its region when the office's own settings are not at hand), the regions the hub added beside the
shipped ones, how an attachment with no known owner is named, and a hub's 400 answer to a download."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import httpx
import pytest

from app.domain.numbering import case_series, document_series
from app.domain.regions import RegionRegistry
from app.sync.blobs import missing_names
from app.sync.numbering import Want, wanted
from app.sync.reference import _put, merged_regions
from app.sync.transport import HubClient, SyncError


@pytest.mark.parametrize(("today", "years"), [(date(2026, 11, 30), [2026]), (date(2026, 12, 1), [2026, 2027]),
                                              (date(2027, 1, 1), [2027])])
def test_next_years_numbers_are_asked_for_in_december_only(office, today, years):
    assert wanted(office.profile.store, "532322", today, []) == [Want(case_series("532322"), y) for y in years]


def test_without_the_offices_settings_the_hubs_prefixes_for_its_region_are_used(office):
    with office.profile.store.unit_of_work() as uow:
        _put(uow.session, "document_prefixes", [{"prefix": "双发改信用", "region_code": "532322"},
                                                {"prefix": "牟发改信用", "region_code": "532323"}])
        uow.commit()
    assert wanted(office.profile.store, "532322", date(2026, 6, 1)) == [
        Want(case_series("532322"), 2026), Want(document_series("双发改信用"), 2026)]
    assert wanted(office.profile.store, "532322", date(2026, 6, 1), ["双发改督"]) == [
        Want(case_series("532322"), 2026), Want(document_series("双发改督"), 2026)]  # the settings win


def test_the_regions_the_hub_added_stand_beside_the_shipped_ones():
    base = RegionRegistry.load_default()
    added = [{"code": "532399", "name": "楚雄州高新技术产业开发区", "level": "county", "parent": "532300"}]
    merged = merged_regions(base, json.dumps(added))
    assert merged.get("532399").name == "楚雄州高新技术产业开发区"
    assert merged.get("532322").name == base.get("532322").name
    assert merged_regions(base, "not json") is base  # bad data never breaks the app


def test_an_attachment_nobody_recorded_is_named_by_the_start_of_its_hash(office):
    sha = "ab" * 32
    assert missing_names(office.profile.store, [sha]) == ["（未知案件）“abababababab”"]


def test_a_400_answer_to_a_download_is_the_hubs_refusal_and_nothing_is_written(tmp_path):
    def hub(request: httpx.Request) -> httpx.Response:
        return httpx.Response(400, json={"error": "attachment_hash_invalid", "message": "摘要无效", "params": {}})

    target = tmp_path / "blob.part"
    with HubClient("http://hub.invalid", "t", transport=httpx.MockTransport(hub), retries=False) as client, \
            pytest.raises(SyncError) as refused:
        client.blob_download("ab" * 32, target)
    assert (refused.value.status, refused.value.code) == (400, "attachment_hash_invalid")
    assert not Path(target).exists()


def test_a_number_block_is_never_asked_for_twice_by_a_retry():
    """Reserving numbers is not idempotent: a retry after an answer lost on the way would reserve a second
    block and leave the first unused. Reads are retried; the reservation fails to the sync, which asks
    again next time."""
    requests: list[str] = []

    def hub(request: httpx.Request) -> httpx.Response:
        requests.append(request.url.path)
        return httpx.Response(503, json={"error": "hub_unavailable", "message": "维护中", "params": {}})

    with HubClient("http://hub.invalid", "t", transport=httpx.MockTransport(hub)) as client:
        client.delays = (0, 0)  # the retries' waits, shortened
        with pytest.raises(SyncError) as refused:
            client.numbers("532322-2026", 2026, 100)
        assert refused.value.status == 503 and requests == ["/v1/numbers"]
        requests.clear()
        with pytest.raises(SyncError):
            client.meta()
    assert requests == ["/v1/meta"] * 3


def test_a_hub_no_environment_proxy_covers_is_reached_directly_and_the_status_says_why():
    from app.sync.proxies import _environment_route

    route = _environment_route("https://hub.cx.gov.cn", {"HTTP_PROXY": "http://10.1.1.1:8080"})  # http only
    assert route.proxy is None and route.describe() == "直连（环境变量）"
