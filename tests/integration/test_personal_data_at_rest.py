"""Personal data at rest (issue 12): no clear phone or ID number in any file of the profile folder or
in the hub's database, search by a phone's last digits still works, and tampering is reported.

THE CHECK: complaints registered with known phones and ID numbers (factories and the demo generator),
acted on, amended, documents issued, synced to a hub; then the raw bytes of every file of the profile
folder (.sqlite, -wal, backups, drafts, documents) and of the hub's database (its SQLite file, or every
PostgreSQL table as text) are searched for each number, spaced as typed and as bare digits.
"""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest

from app.common.packing import is_packed, pack_event, unpacked
from app.security.fieldcrypt import TokenError, decrypt, open_json
from app.services import auth, documents, drafts, maintenance, office_settings, queries
from app.services.queries import ComplaintFilter
from tests.factories import PASSWORD, intake
from tests.sync_fixtures import COUNTY_A, act, device

pytest_plugins = ("tests.sync_fixtures",)

PEOPLE = [  # (phone as typed, ID number)
    ("139 8712 4466", "532322198803152312"),
    ("13577801234", "532301197504210029"),
    ("0878-3117257", "532328199011020031"),
]
ADDRESS = "云南省楚雄州双柏县妥甸镇幸福巷17号附2号"


def needles(people) -> set[bytes]:
    found = set()
    for phone, number in people:
        digits = re.sub(r"\D", "", phone)
        found |= {phone.encode(), digits.encode(), number.encode(), digits.encode("utf-16-le")}
        if digits.startswith("1"):
            found.add(f"{digits[:3]} {digits[3:7]} {digits[7:]}".encode())  # as the app displays a mobile
    return found


def packed_texts(path: Path) -> bytes:
    """Every packed value (``app.common.packing``: aggregates, event payloads) of an SQLite file,
    unpacked: zlib hides clear text from a byte search, so the scan looks inside them too."""
    if path.read_bytes()[:16] != b"SQLite format 3\x00":
        return b""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        found = []
        tables = [name for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                                  "AND sql NOT LIKE 'CREATE VIRTUAL%'")]
        for table in tables:
            for row in con.execute(f'SELECT * FROM "{table}"'):
                found += [unpacked(v).encode() for v in row if is_packed(v)]
        return b"\n".join(found)
    finally:
        con.close()


def clear_hits(folder: Path, wanted: set[bytes]) -> list[tuple[str, bytes]]:
    hits = []
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes() + packed_texts(path)
            hits += [(str(path), n) for n in wanted if n in data]
    return hits


def test_the_scan_looks_inside_packed_values(tmp_path):
    """A clear number packed into a stored value is found (the scan would be blind to zlib otherwise)."""
    db = tmp_path / "x.sqlite"
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE t (v)")
    con.execute("INSERT INTO t VALUES (?)", (pack_event('{"phone":"13987124466"}'),))
    con.commit()
    con.close()
    assert b"13987124466" not in db.read_bytes()
    assert clear_hits(tmp_path, {b"13987124466"}) == [(str(db), b"13987124466")]


def _complainant(phone: str, number: str, address: str = ADDRESS) -> dict:
    data = intake("532322")
    data["complainant"].update(phone=phone, contact_id_number=number, address=address)
    data["description"] = f"联系人手机{re.sub(r'[^0-9]', '', phone)}，身份证号{number}，协议约定的扶持资金至今未兑现。"
    return data


def _work_on_a_device(hub, tmp_path):
    from app.services import intake as registration

    hub.add_user("sb_admin", "532322", roles=("admin",), name="系统管理员")
    county = device(hub, tmp_path / "county", COUNTY_A)
    admin = auth.login(county.profile, "sb_admin", PASSWORD)
    office_settings.update(county.profile, admin, {"contact_person": "王颖", "contact_phone": "0878-7721234"})
    ids = [registration.register(county.profile, county.officer, _complainant(phone, number)).complaint_id
           for phone, number in PEOPLE[:2]]
    act(county, ids[0], "note", {"text": f"已电话联系投诉人（{PEOPLE[0][0]}）核实情况。"})
    act(county, ids[1], "amend", {"changes": {"complainant.phone": PEOPLE[2][0],
                                              "complainant.contact_id_number": PEOPLE[2][1]},
                                  "reason": "投诉人更换了联系人"})
    act(county, ids[0], "forward", {"department": "双柏县人民政府"})
    for complaint_id in ids:
        documents.issue(county.profile, county.officer, complaint_id, "receipt")
    documents.issue(county.profile, county.officer, ids[0], "forward_letter")
    drafts.save_draft(county.profile, "intake-new", _complainant(*PEOPLE[0]))
    report = county.sync()
    assert report.pushed and not report.rejected
    maintenance.backup(county.profile)
    return county, ids


def test_no_clear_phone_or_id_in_the_profile_or_the_sqlite_hub(hub, tmp_path):
    county, ids = _work_on_a_device(hub, tmp_path)
    # what the officer sees is intact: the case page, the draft, the search by a phone's last digits
    detail = queries.get_complaint(county.profile, county.officer, ids[1])
    assert detail.complaint.intake["complainant"]["phone"] == "0878-3117257"
    assert detail.complaint.intake["complainant"]["contact_id_number"] == PEOPLE[2][1]
    assert drafts.load_draft(county.profile, "intake-new")["complainant"]["contact_id_number"] == PEOPLE[0][1]
    county.profile.close()
    wanted = needles(PEOPLE) | {ADDRESS.encode()}
    assert clear_hits(county.home, wanted) == []
    hub_db = Path(hub.settings.data_dir)
    assert list(hub_db.glob("*.sqlite")), "the hub keeps its SQLite database in its data folder"
    assert clear_hits(hub_db, wanted) == []
    # the hub still hands out the clear payload: a second device pulls what the first registered
    other = device(hub, tmp_path / "other", COUNTY_A)
    found = queries.list_complaints(other.profile, other.officer, ComplaintFilter(search="4466"))
    assert [r.id for r in found.rows] == [ids[0]]
    other.profile.close()
    assert clear_hits(other.home, wanted) == []  # what a pull stores is sealed like what the device writes


@pytest.mark.postgres
def test_no_clear_phone_or_id_in_the_postgresql_hub(pg_hub, tmp_path):
    from sqlalchemy import inspect, text

    county, _ = _work_on_a_device(pg_hub, tmp_path)
    county.profile.close()
    dump = []
    with pg_hub.database.reader() as session:
        for table in inspect(session.connection()).get_table_names():
            rows = session.execute(text(f'SELECT * FROM "{table}"')).all()
            dump.append(json.dumps([[str(v) for v in row] for row in rows], ensure_ascii=False))
    data = "\n".join(dump).encode()
    assert [n for n in needles(PEOPLE) | {ADDRESS.encode()} if n in data] == []
    assert clear_hits(county.home, needles(PEOPLE)) == []


def test_a_demo_profile_holds_no_clear_phone_or_id(tmp_path):
    from app.contract.event_record import event_of
    from app.services.demo import fill_demo
    from app.services.profile import open_profile

    home = tmp_path / "demo"
    fill_demo(home, 40)
    profile = open_profile(home)
    people = []
    with profile.store.read() as session:
        for row in session.execute(__import__("sqlalchemy").text("SELECT * FROM events WHERE action = 'register'")):
            complainant = event_of(row).payload["intake"]["complainant"]
            people.append((complainant["phone"], complainant.get("contact_id_number") or complainant["phone"]))
    maintenance.rebuild_projections(profile)
    profile.close()
    assert len(people) == 40
    assert clear_hits(home, needles(people)) == []


def test_search_by_the_last_digits_of_a_phone(office):
    from app.services import intake as registration

    registered = [registration.register(office.profile, office.clerk, _complainant(phone, number)).complaint_id
                  for phone, number in PEOPLE]

    def search(term: str) -> list[str]:
        return [r.id for r in queries.list_complaints(office.profile, office.clerk, ComplaintFilter(search=term)).rows]

    assert search("4466") == [registered[0]]
    assert search("1234") == [registered[1]]  # 135 7780 1234
    assert search("3117257") == [registered[2]]
    assert search("0878-3117257") == [registered[2]]
    assert search("13987124466") == [registered[0]]
    assert search("9999") == []
    assert set(search("双柏县绿源")) == set(registered)  # the rest of search is unchanged
    # the description held a phone and an ID number: indexed masked, still found by what is shown
    assert registered[0] in search("139****4466")


def test_a_tampered_token_is_reported_by_audit_verify(office):
    from app.services import intake as registration

    registration.register(office.profile, office.clerk, _complainant(*PEOPLE[0]))
    assert maintenance.verify_audit(office.profile).ok
    path = office.profile.files.database
    con = sqlite3.connect(path)
    try:
        con.execute("DROP TRIGGER events_append_only_update")  # what an attacker with the file can do
        seq, stored = con.execute("SELECT seq, payload FROM events WHERE action = 'register'").fetchone()
        payload = unpacked(stored)  # stored packed (``app.common.packing``)
        token = re.search(r'"phone":"(enc1:[^"]+)"', payload).group(1)
        forged = token[:-6] + ("AAAAAA" if not token.endswith("AAAAAA") else "BBBBBB")
        con.execute("UPDATE events SET payload = ? WHERE seq = ?", (pack_event(payload.replace(token, forged)), seq))
        con.commit()
    finally:
        con.close()
    report = maintenance.verify_audit(office.profile)
    assert [p.kind for p in report.problems] == ["token_tampered"]
    assert report.problems[0].row == seq
    with pytest.raises(TokenError):
        decrypt(forged, "phone")


def test_a_profile_of_an_older_version_is_backed_up_then_sealed(office, tmp_path):
    from app.services import intake as registration
    from app.services.profile import open_profile
    from app.store.sealing import SEALED_FLAG

    registration.register(office.profile, office.clerk, _complainant(*PEOPLE[0]))
    home = office.profile.files.home
    office.profile.close()
    # make it look like a profile written before issue 12: every payload and aggregate in clear
    con = sqlite3.connect(home / "lvyue.sqlite")
    try:
        con.execute("DROP TRIGGER events_append_only_update")
        for table, key, column in (("events", "seq", "payload"), ("complaint_data", "num", "data")):
            for row_key, text_ in con.execute(f"SELECT {key}, {column} FROM {table}").fetchall():
                clear = json.dumps(open_json(text_), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
                con.execute(f"UPDATE {table} SET {column} = ? WHERE {key} = ?", (clear, row_key))
        con.execute("DELETE FROM meta WHERE key = ?", (SEALED_FLAG,))
        con.commit()
        con.execute("VACUUM")
    finally:
        con.close()
    assert PEOPLE[0][1].encode() in (home / "lvyue.sqlite").read_bytes()
    profile = open_profile(home, daily_backup=False)
    try:
        assert maintenance.verify_audit(profile).ok
        backups = list((home / "backups").glob("lvyue-pre-seal-*.sqlite"))
        assert len(backups) == 1 and PEOPLE[0][1].encode() in backups[0].read_bytes()  # the copy came first
        assert clear_hits(home, {PEOPLE[0][1].encode()}) == [(str(backups[0]), PEOPLE[0][1].encode())]
        assert queries.list_complaints(profile, None, ComplaintFilter(search="4466")).total == 1
    finally:
        profile.close()


def test_key_rotation_reseals_everything_and_keeps_old_backups_readable(office):
    from app.services import data_protection
    from app.services import intake as registration
    from app.services.profile import open_profile

    complaint_id = registration.register(office.profile, office.clerk, _complainant(*PEOPLE[0])).complaint_id
    before = maintenance.backup(office.profile)
    old_key = office.profile.store.cipher.key_id
    report = data_protection.rotate(office.profile.store, office.profile.files.backups)
    assert report.old_key == old_key and report.new_key != old_key and report.backup.exists()
    home = office.profile.files.home
    office.profile.close()
    data = (home / "lvyue.sqlite").read_bytes() + packed_texts(home / "lvyue.sqlite")
    assert f"enc1:{old_key}:".encode() not in data and f"enc1:{report.new_key}:".encode() in data
    profile = open_profile(home, daily_backup=False)
    try:
        assert maintenance.verify_audit(profile).ok
        assert queries.list_complaints(profile, None, ComplaintFilter(search="4466")).rows[0].id == complaint_id
    finally:
        profile.close()
    maintenance.restore(home, before)  # a backup made under the retired key still opens
    profile = open_profile(home, daily_backup=False)
    try:
        assert maintenance.verify_audit(profile).ok
        assert queries.get_complaint(profile, auth.login(profile, "clerk", PASSWORD), complaint_id) \
            .complaint.intake["complainant"]["contact_id_number"] == PEOPLE[0][1]
    finally:
        profile.close()


def test_no_keyring_means_the_profile_does_not_open(office, monkeypatch):
    from keyring.backends import fail

    from app.domain.errors import DomainError
    from app.messages import message
    from app.security import data_keys
    from app.services.profile import open_profile

    home = office.profile.files.home
    office.profile.close()
    monkeypatch.setattr(data_keys, "_backend", data_keys._keyring_backend)  # the OS keyring, as in production
    import keyring

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        with pytest.raises(DomainError) as raised:
            open_profile(home)
    finally:
        keyring.set_keyring(previous)
    assert raised.value.code == "data_keyring_unavailable"
    assert "拒绝打开" in message(raised.value.code)


def test_a_hub_of_an_older_version_is_copied_then_sealed_on_start(hub, tmp_path):
    from sqlalchemy import text

    from server.app import prepare
    from server.sealing import SEALED_FLAG

    county, ids = _work_on_a_device(hub, tmp_path)
    county.profile.close()
    database = Path(hub.settings.data_dir) / "hub.sqlite"
    with hub.database.writer() as session:  # as an older hub stored them: in clear
        for seq, payload in session.execute(text("SELECT server_seq, payload FROM events")).all():
            clear = json.dumps(open_json(payload), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
            session.execute(text("UPDATE events SET payload = :p WHERE server_seq = :s"), {"p": clear, "s": seq})
        session.execute(text("DELETE FROM hub_settings WHERE key = :k"), {"k": SEALED_FLAG})
        session.commit()
    with hub.database.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    assert PEOPLE[0][1].encode() in database.read_bytes()
    prepare(hub.settings)  # what every start runs
    copies = list((Path(hub.settings.data_dir) / "backups").glob("hub-pre-seal-*.sqlite"))
    assert len(copies) == 1 and PEOPLE[0][1].encode() in copies[0].read_bytes()
    live = [p for p in Path(hub.settings.data_dir).glob("hub.sqlite*")]
    assert [n for f in live for n in needles(PEOPLE) if n in f.read_bytes()] == []
    other = device(hub, tmp_path / "other", COUNTY_A)  # the pull still hands out the clear payload
    assert queries.get_complaint(other.profile, other.officer, ids[0]).complaint.intake["complainant"][
        "contact_id_number"] == PEOPLE[0][1]
    other.profile.close()


def test_keys_move_to_a_new_pc_with_a_passphrase(office, tmp_path):
    import shutil

    from app.domain.errors import DomainError
    from app.security import data_keys
    from app.services import data_protection
    from app.services import intake as registration
    from app.services.profile import open_profile

    complaint_id = registration.register(office.profile, office.clerk, _complainant(*PEOPLE[0])).complaint_id
    home = office.profile.files.home
    office.profile.close()
    exported = data_protection.export_keys(home / "lvyue.sqlite", tmp_path / "key.json", "一段足够长的口令2026")
    assert PEOPLE[0][1].encode() not in exported.read_bytes()
    new_pc = tmp_path / "new-pc"
    shutil.copytree(home, new_pc)
    ref = data_protection._key_ref(new_pc / "lvyue.sqlite")
    data_keys._backend().delete_password(data_keys.SERVICE, ref)  # the new PC's keyring does not hold it
    with pytest.raises(DomainError) as missing:
        open_profile(new_pc, daily_backup=False)
    assert missing.value.code == "data_key_missing"
    with pytest.raises(DomainError) as wrong:
        data_protection.import_keys(new_pc / "lvyue.sqlite", exported, "不是这个口令不是这个口令")
    assert wrong.value.code == "key_passphrase_wrong"
    data_protection.import_keys(new_pc / "lvyue.sqlite", exported, "一段足够长的口令2026")
    profile = open_profile(new_pc, daily_backup=False)
    try:
        detail = queries.get_complaint(profile, auth.login(profile, "clerk", PASSWORD), complaint_id)
        assert detail.complaint.intake["complainant"]["contact_id_number"] == PEOPLE[0][1]
    finally:
        profile.close()


def test_the_hub_rotates_its_key_from_the_admin_cli(hub, tmp_path, capsys):
    from server.__main__ import main as hub_main
    from server.data_key import load_keys

    county, ids = _work_on_a_device(hub, tmp_path)
    county.profile.close()
    old = load_keys(hub.settings).current
    assert hub_main(["admin", "key", "rotate", "--data", str(hub.settings.data_dir)]) == 0
    assert "已更换数据密钥" in capsys.readouterr().out
    new = load_keys(hub.settings)
    assert new.current != old and old in new.keys  # the old key retired, kept for the copies made before
    with hub.database.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    data = (Path(hub.settings.data_dir) / "hub.sqlite").read_bytes()
    assert f"enc1:{old}:".encode() not in data and f"enc1:{new.current}:".encode() in data
    assert list((Path(hub.settings.data_dir) / "backups").glob("hub-pre-rotate-*.sqlite"))
    other = device(hub, tmp_path / "other", COUNTY_A)
    assert queries.get_complaint(other.profile, other.officer, ids[0]).complaint.intake["complainant"][
        "contact_id_number"] == PEOPLE[0][1]
    other.profile.close()
