"""Backup and restore of a whole hub (``server.hub_backup``): a hub that counties synced with is backed
up, wiped and restored; the counties carry on as before, a device enrolled afterwards gets everything
(attachments included), and the hub's own audit and the devices' integrity digests agree. A damaged
backup, a missing key and a hub that already holds data are refused."""

from __future__ import annotations

import hashlib
import os
import shutil
import socket

import pytest
from sqlalchemy import text

from app.domain.errors import DomainError
from app.services.attachments import attach_file
from app.sync.blobs import blob_file
from server.hub_backup import create_backup, restore_backup, verify_backup
from server.services import hub_audit
from tests.sync_fixtures import (
    COUNTY_A,
    FORWARD,
    NOTE,
    PREFECTURE,
    LiveHub,
    act,
    device,
    drop_pg_schema,
    pg_schema_url,
    projection,
    register,
)

pytest_plugins = ("tests.sync_fixtures",)  # the hub, pg_hub and memory_keyring fixtures


def hub_events(hub: LiveHub) -> list[tuple]:
    with hub.database.reader() as session:
        return [tuple(row) for row in session.execute(text(
            "SELECT server_seq, id, stream, hash FROM events ORDER BY server_seq"))]


def audit_ok(hub: LiveHub) -> bool:
    with hub.database.reader() as session:
        return hub_audit.verify_hub(session).ok


def reopen(old: LiveHub) -> LiveHub:
    """A new hub process on the restored data, listening where the old one did (the devices keep its URL)."""
    live = LiveHub(old.settings.data_dir, old.settings.db)
    live._sock.close()
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", old.port))
    live._sock, live.port, live.url = sock, old.port, old.url
    return live.start()


def worked_hub(hub: LiveHub, tmp_path):
    """Two devices that registered, attached, forwarded and synced; returns them and the file's hash."""
    a = device(hub, tmp_path / "sb", COUNTY_A)
    p = device(hub, tmp_path / "zhou", PREFECTURE)
    made = [register(a) for _ in range(3)]
    scan = tmp_path / "协议扫描件.pdf"
    scan.write_bytes(os.urandom(300_000))
    attach_file(a.profile, a.officer, made[0], scan)
    act(a, made[0], "forward", FORWARD)
    a.sync()
    p.sync()
    act(p, made[1], "note", NOTE)
    p.sync()
    a.sync()
    return a, p, made, hashlib.sha256(scan.read_bytes()).hexdigest()


def backup_wipe_restore(hub: LiveHub, tmp_path, wipe_database) -> None:
    a, p, made, sha = worked_hub(hub, tmp_path)
    before = hub_events(hub)
    assert len(before) >= 7 and audit_ok(hub)
    key_copy = tmp_path / "safe" / "hub.datakey"
    outcome = create_backup(hub.settings, tmp_path / "backup", key_to=key_copy)
    assert outcome.manifest["counts"]["events"] == len(before)
    assert f"blobs/{sha[:2]}/{sha}" in outcome.manifest["files"]
    assert not any("datakey" in name for name in outcome.manifest["files"])  # the key is kept apart
    if os.name != "nt":  # the backup holds every case: the hub's account alone reads it
        assert (tmp_path / "backup").stat().st_mode & 0o777 == 0o700
        assert {p.stat().st_mode & 0o777 for p in (tmp_path / "backup").rglob("*") if p.is_file()} == {0o600}
        assert key_copy.stat().st_mode & 0o777 == 0o600

    hub.stop()  # the machine is lost: database, data folder and key file
    wipe_database()
    shutil.rmtree(hub.settings.data_dir)
    (hub.settings.data_dir.parent / f"{hub.settings.data_dir.name}.datakey").unlink()
    with pytest.raises(DomainError) as refused:
        restore_backup(hub.settings, tmp_path / "backup")
    assert refused.value.code == "hub_backup_key_missing"
    restore_backup(hub.settings, tmp_path / "backup", key_from=key_copy)

    restored = reopen(hub)
    try:
        assert hub_events(restored) == before and audit_ok(restored)
        assert blob_file(restored.settings.blobs_path, sha).exists()
        assert a.sync(verify=True).integrity == "ok" and p.sync(verify=True).integrity == "ok"
        act(a, made[2], "forward", FORWARD)  # the counties carry on
        fresh = register(a)
        assert a.sync().pushed == 2
        p.sync()
        assert projection(p.profile)[fresh] == projection(a.profile)[fresh]
        assert hub_events(restored)[: len(before)] == before and audit_ok(restored)
        newcomer = device(restored, tmp_path / "zhou2", PREFECTURE)  # everything, attachments included
        newcomer.sync()
        assert projection(newcomer.profile) == projection(p.profile)
        assert blob_file(newcomer.profile.files.blobs, sha).exists()
        assert newcomer.sync(verify=True).integrity == "ok"
    finally:
        restored.stop()


def test_a_sqlite_hub_is_backed_up_wiped_and_restored(hub, tmp_path):
    backup_wipe_restore(hub, tmp_path, lambda: None)  # the database lives in the data folder


@pytest.mark.postgres
def test_a_postgres_hub_is_backed_up_wiped_and_restored(tmp_path, memory_keyring, pg_dsn):
    if shutil.which("pg_dump") is None or shutil.which("pg_restore") is None:
        pytest.skip("pg_dump / pg_restore not installed")
    url, schema = pg_schema_url(pg_dsn)
    live = LiveHub(tmp_path / "hub-data", url).start()
    try:
        live.add_user("sb_officer", "532322", name="杨喆")
        live.add_user("zhou_leader", "532300", name="周审核")

        def wipe() -> None:  # an empty database where the hub's schema was
            drop_pg_schema(pg_dsn, schema)
            import psycopg

            with psycopg.connect(pg_dsn.replace("postgresql+psycopg://", "postgresql://"), autocommit=True) as con:
                con.execute(f"CREATE SCHEMA {schema}")

        backup_wipe_restore(live, tmp_path, wipe)
    finally:
        live.stop()
        drop_pg_schema(pg_dsn, schema)


def test_a_damaged_backup_is_refused_and_the_hub_left_alone(hub, tmp_path):
    a, _p, _made, sha = worked_hub(hub, tmp_path)
    create_backup(hub.settings, tmp_path / "backup")
    before = hub_events(hub)
    assert verify_backup(tmp_path / "backup")["data_key"]

    def refused(**options) -> str:
        with pytest.raises(DomainError) as error:
            restore_backup(hub.settings, tmp_path / "backup", force=True, **options)
        return error.value.code

    blob = tmp_path / "backup" / "blobs" / sha[:2] / sha
    original = blob.read_bytes()
    blob.write_bytes(original[:-1] + bytes([original[-1] ^ 1]))  # one bit of an attachment
    assert refused() == "hub_backup_invalid"
    blob.write_bytes(original)
    stray = tmp_path / "backup" / "blobs" / "00" / ("0" * 64)
    stray.parent.mkdir()
    stray.write_bytes(b"slipped in")
    assert refused() == "hub_backup_invalid"
    shutil.rmtree(stray.parent)
    database = tmp_path / "backup" / "hub.sqlite"
    database.write_bytes(database.read_bytes() + b"\0")
    assert refused() == "hub_backup_invalid"
    assert hub_events(hub) == before and a.sync(verify=True).integrity == "ok"  # nothing was touched


def test_a_hub_with_data_is_not_overwritten_without_force(hub, tmp_path):
    a, p, _made, _sha = worked_hub(hub, tmp_path)
    create_backup(hub.settings, tmp_path / "backup")
    with pytest.raises(DomainError) as error:
        restore_backup(hub.settings, tmp_path / "backup")
    assert error.value.code == "hub_restore_not_empty"
    with pytest.raises(DomainError) as error:
        create_backup(hub.settings, tmp_path / "backup")  # never into a folder that holds something
    assert error.value.code == "hub_backup_target_not_empty"
    before = hub_events(hub)
    later = register(a)
    a.sync()
    p.sync()
    hub.stop()
    restore_backup(hub.settings, tmp_path / "backup", force=True)  # back to the older state
    restored = reopen(hub)
    try:
        assert hub_events(restored) == before
        assert a.sync().pulled == 0  # the device is ahead of the restored hub: only its check tells
        assert a.sync(verify=True).integrity == "repaired"  # its own events the hub lost are kept, unsent
        assert later in projection(a.profile)
        assert a.sync().pushed >= 1  # and come back to the hub
        assert later in {row[2] for row in hub_events(restored)} and audit_ok(restored)
        assert a.sync(verify=True).integrity == "ok"
        p.sync(verify=True)  # the prefecture's cursor was past the restored hub until the county sent again
        assert projection(p.profile) == projection(a.profile) and p.sync(verify=True).integrity == "ok"
    finally:
        restored.stop()


def test_the_commands_back_up_and_refuse_in_chinese(hub, tmp_path, capsys):
    from server.__main__ import main

    worked_hub(hub, tmp_path)
    data = ["--data", str(hub.settings.data_dir)]
    umask = os.umask(0o022)
    os.umask(umask)
    try:
        assert main(["admin", "backup", "--to", str(tmp_path / "b"), "--key-to", str(tmp_path / "b" / "k"), *data]) == 1
        assert "不能放在备份目录内" in capsys.readouterr().err
        assert main(["admin", "backup", "--to", str(tmp_path / "b"), *data]) == 0
        out = capsys.readouterr().out
        assert "已备份到" in out and "备份中不含数据密钥" in out
        log = hub.settings.security_log_path.read_text(encoding="utf-8")
        assert '"event": "hub_backed_up"' in log
        (tmp_path / "b" / "manifest.json").write_text("{}", encoding="utf-8")
        assert main(["admin", "restore", "--from", str(tmp_path / "b"), "--force", *data]) == 1
        assert "未通过校验" in capsys.readouterr().err
    finally:
        os.umask(umask)
    assert not (tmp_path / "b.part").exists()


@pytest.mark.postgres
def test_a_postgres_restore_that_fails_half_way_leaves_the_database_as_it_was(pg_hub, tmp_path):
    if shutil.which("pg_restore") is None or shutil.which("psql") is None:
        pytest.skip("pg_restore / psql not installed")
    a, *_ = worked_hub(pg_hub, tmp_path)
    create_backup(pg_hub.settings, tmp_path / "backup")
    register(a)
    a.sync()  # the hub now differs from the backup
    before = hub_events(pg_hub)
    with pg_hub.database.writer() as session:  # a relation (not a table) takes the name of one of the dump's
        index = session.execute(text(  # indexes: the restore fails there, after the drops and the data
            "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'events' "
            "ORDER BY indexname DESC LIMIT 1")).scalar_one()
        session.execute(text(f'DROP INDEX "{index}"'))
        session.execute(text(f'CREATE MATERIALIZED VIEW "{index}" AS SELECT 1 AS one'))
        session.commit()
    with pytest.raises(DomainError) as error:
        restore_backup(pg_hub.settings, tmp_path / "backup", force=True)
    assert error.value.code == "hub_backup_tool_failed" and "already exists" in str(error.value.params)
    assert hub_events(pg_hub) == before and audit_ok(pg_hub)
