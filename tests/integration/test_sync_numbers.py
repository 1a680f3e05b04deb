"""Number blocks: reserved by the hub per series and year, never overlapping (even when many
devices ask at the same moment), so case numbers printed offline are final."""

from __future__ import annotations

import threading

import pytest

from app.domain.errors import DomainError
from app.sync import credentials
from app.sync.transport import HubClient
from tests.sync_fixtures import COUNTY_A, device, projection, register

pytest_plugins = ("tests.sync_fixtures",)  # the hub, pg_hub and memory_keyring fixtures


def hammer(hub, tokens: list[str], rounds: int) -> list[tuple[int, int]]:
    blocks: list[tuple[int, int]] = []
    errors: list[BaseException] = []
    gate = threading.Barrier(len(tokens))

    def worker(token: str) -> None:
        try:
            with HubClient(hub.url, token, retries=False) as client:
                gate.wait()
                for _ in range(rounds):
                    block = client.numbers("case:532322", 2026, 7)
                    blocks.append((block.start, block.end))
        except BaseException as error:  # surfaced below
            errors.append(error)

    threads = [threading.Thread(target=worker, args=(t,)) for t in tokens]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    return blocks


def no_overlap(blocks: list[tuple[int, int]]) -> None:
    numbers = [n for start, end in blocks for n in range(start, end + 1)]
    assert len(numbers) == len(set(numbers))
    assert sorted(numbers) == list(range(min(numbers), max(numbers) + 1))  # and no holes


def tokens_for(hub, count: int) -> list[str]:
    from app.sync.protocol import EnrolRequest

    tokens = []
    for i in range(count):
        with HubClient(hub.url) as client:
            answer = client.enrol(EnrolRequest(code=hub.code("532322", "双柏县发展和改革局"), device_name=f"pc-{i}"))
        tokens.append(answer.token)
    return tokens


def test_blocks_never_overlap_under_concurrency_sqlite(hub):
    blocks = hammer(hub, tokens_for(hub, 8), 10)
    assert len(blocks) == 80
    no_overlap(blocks)


@pytest.mark.postgres
def test_blocks_never_overlap_under_concurrency_postgres(pg_hub):
    blocks = hammer(pg_hub, tokens_for(pg_hub, 12), 15)
    assert len(blocks) == 180
    no_overlap(blocks)


def test_offline_numbers_come_from_the_block_and_run_out_safely(hub, tmp_path, monkeypatch):
    monkeypatch.setenv("LVYUE_SYNC_NUMBER_BLOCK", "3")
    a1 = device(hub, tmp_path / "sb-1", COUNTY_A)
    a2 = device(hub, tmp_path / "sb-2", COUNTY_A)
    made = [register(a1) for _ in range(3)] + [register(a2) for _ in range(3)]
    with pytest.raises(DomainError) as exhausted:
        register(a1)
    assert exhausted.value.code == "number_block_exhausted"
    a1.sync()
    made.append(register(a1))  # a new block after syncing
    a2.sync()
    a1.sync()
    case_numbers = [row["case_no"] for row in projection(a1.profile).values()]
    assert len(case_numbers) == len(set(case_numbers)) == len(made)


def test_a_standalone_office_keeps_its_numbers_when_it_joins(hub, tmp_path, office):
    from app.services import intake as registration
    from app.services import sync
    from app.services.profile import open_profile
    from tests.factories import intake

    first = registration.register(office.profile, office.officer, intake()).case_no
    office.profile.close()
    sync.enroll(office.profile.files.home, hub.url, hub.code("532322", "双柏县发展和改革局"), "old-pc")
    profile = open_profile(office.profile.files.home)
    try:
        sync.sync_now(profile)
        other = device(hub, tmp_path / "sb-new", COUNTY_A)
        register(other)
        other.sync()
        numbers = sorted(row["case_no"] for row in projection(other.profile).values())
        assert first.endswith("-0001") and numbers[0] == first  # the old office's complaint arrived
        assert len(numbers) == 2 and int(numbers[1][-4:]) > 1  # blocks start after the claimed numbers
        assert credentials.load_token(profile.device_id)
    finally:
        profile.close()
