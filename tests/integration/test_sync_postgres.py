"""The same journeys against a PostgreSQL hub (``LVYUE_TEST_PG_DSN``; each test in its own schema)."""

from __future__ import annotations

import pytest

from tests.integration import test_sync_devices as devices
from tests.integration import test_sync_integrity as integrity
from tests.integration import test_sync_scope as scope

pytest_plugins = ("tests.sync_fixtures",)  # hub, pg_hub, memory_keyring fixtures

pytestmark = pytest.mark.postgres


def test_two_counties_converge_on_postgres(pg_hub, tmp_path):
    devices.test_two_counties_work_offline_then_everyone_converges(pg_hub, tmp_path)


def test_conflicts_are_kept_and_resolved_on_postgres(pg_hub, tmp_path):
    devices.test_concurrent_transitions_are_kept_flagged_and_resolved_everywhere(pg_hub, tmp_path)


def test_scope_is_enforced_on_postgres(pg_hub, tmp_path):
    scope.test_a_county_cannot_read_or_write_another_county(pg_hub, tmp_path)
    scope.test_blobs_and_numbers_of_another_county_are_out_of_reach(pg_hub, tmp_path / "blobs")


def test_a_moved_complaint_and_a_repair_on_postgres(pg_hub, tmp_path):
    scope.test_a_complaint_moved_to_another_county_takes_its_history_along(pg_hub, tmp_path / "move")
    integrity.test_a_damaged_scope_is_found_backed_up_and_repaired(pg_hub, tmp_path / "repair")
