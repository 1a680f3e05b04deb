"""Shared pieces of the sync tests: a live hub on loopback (SQLite or PostgreSQL), keyrings for
tests, a fault-injecting middleware, and enrolled county / prefecture profiles.

The test modules load the fixtures with ``pytest_plugins`` and import the helpers; the marker
PYTEST_DONT_REWRITE keeps pytest from warning that it cannot rewrite a module imported first.
"""

from __future__ import annotations

import asyncio
import os
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import keyring
from keyring.backend import KeyringBackend

from tests.factories import PASSWORD, intake

PG_ENV = "LVYUE_TEST_PG_DSN"
KEYRING_FILE_ENV = "LVYUE_TEST_KEYRING_FILE"
DATA_KEY_FILE_ENV = "LVYUE_TEST_DATA_KEY_FILE"  # the profiles' data keys (service lvyue-data-key), per test
DATA_KEY_SERVICE = "lvyue-data-key"


class MemoryKeyring(KeyringBackend):
    """In-memory credentials for in-process tests (``keyring.set_keyring(MemoryKeyring())``)."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.values: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.values.get((service, username))

    def set_password(self, service, username, password):
        self.values[(service, username)] = password

    def delete_password(self, service, username):
        self.values.pop((service, username), None)


# TESTS ONLY: lets a ``main.py sync`` subprocess read the token the test enrolled with
# (``PYTHON_KEYRING_BACKEND=tests.sync_fixtures.FileKeyring``). The benches' class, the same files and format
# (bench/file_keyring.py imports no pytest); the product never stores tokens or keys in files.
from bench.file_keyring import FileKeyring  # noqa: E402


# ---- faults --------------------------------------------------------------------------------------
@dataclass
class Fault:
    kind: str  # "500" | "html" | "truncate" | "lost" (the hub does the work, the answer is lost)
    method: str
    path: str  # prefix of the URL path, e.g. "/v1/events"
    times: int = 1
    after: int = 0  # let this many matching requests through first


class FaultInjector:
    """ASGI middleware: answers the next matching requests with a fault, as a broken proxy would."""

    HTML = b"<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1>" \
           b"</center><hr><center>nginx</center></body></html>"

    def __init__(self, app) -> None:
        self.app = app
        self.faults: list[Fault] = []
        self.hits: list[str] = []

    def add(self, kind: str, method: str, path: str, times: int = 1, after: int = 0) -> None:
        self.faults.append(Fault(kind, method, path, times, after))

    def _take(self, scope) -> Fault | None:
        for fault in self.faults:
            if fault.times > 0 and scope["method"] == fault.method and scope["path"].startswith(fault.path):
                if fault.after > 0:
                    fault.after -= 1
                    continue
                fault.times -= 1
                self.hits.append(f"{fault.kind} {fault.method} {scope['path']}")
                return fault
        return None

    async def __call__(self, scope, receive, send) -> None:
        fault = self._take(scope) if scope["type"] == "http" else None
        if fault is None:
            await self.app(scope, receive, send)
            return
        if fault.kind in ("500", "html"):
            status, body, ctype = (500, b'{"detail":"boom"}', b"application/json") if fault.kind == "500" else \
                (502, self.HTML, b"text/html")
            await send({"type": "http.response.start", "status": status,
                        "headers": [(b"content-type", ctype), (b"content-length", str(len(body)).encode())]})
            await send({"type": "http.response.body", "body": body})
            return
        captured: list[dict] = []

        async def capture(message) -> None:
            captured.append(message)

        await self.app(scope, receive, capture)  # the hub really does the work (and commits)
        if fault.kind == "lost":
            await send({"type": "http.response.start", "status": 502,
                        "headers": [(b"content-type", b"text/html"), (b"content-length", str(len(self.HTML)).encode())]})
            await send({"type": "http.response.body", "body": self.HTML})
            return
        start = next(m for m in captured if m["type"] == "http.response.start")
        body = b"".join(m.get("body", b"") for m in captured if m["type"] == "http.response.body")
        headers = [(k, v) for k, v in start["headers"] if k.lower() != b"content-length"]
        headers.append((b"content-length", str(len(body)).encode()))
        await send({"type": "http.response.start", "status": start["status"], "headers": headers})
        await send({"type": "http.response.body", "body": body[: len(body) // 2], "more_body": True})
        raise ConnectionResetError("cut off")  # the connection drops half-way through the answer


# ---- the hub ---------------------------------------------------------------------------------------
class LiveHub:
    """The hub's ASGI app served by uvicorn in a thread on a free loopback port."""

    def __init__(self, data_dir: Path, db_url: str | None = None, **settings) -> None:
        from server.app import create_app, prepare
        from server.db import HubDatabase
        from server.settings import HubSettings

        self.settings = HubSettings(data_dir=data_dir, db=db_url, **settings)
        prepare(self.settings)
        self.database = HubDatabase(self.settings)
        self.faults = FaultInjector(create_app(self.settings, self.database))
        self._sock = socket.socket()
        self._sock.bind(("127.0.0.1", 0))
        self.port = self._sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.tls: dict[str, str] = {}  # uvicorn's ssl_certfile / ssl_keyfile: see ``serve_tls``
        self._server = None
        self._thread = None

    def start(self) -> LiveHub:
        import uvicorn

        config = uvicorn.Config(self.faults, log_level="critical", lifespan="off", timeout_keep_alive=5, **self.tls)
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=lambda: asyncio.run(self._server.serve(sockets=[self._sock])),
                                         daemon=True)
        self._thread.start()
        deadline = time.monotonic() + 20
        while not self._server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("hub did not start")
            time.sleep(0.02)
        return self

    def serve_tls(self, certfile: Path, keyfile: Path) -> LiveHub:
        """Before ``start``: answer over TLS as ``https://localhost:<port>``."""
        self.tls = {"ssl_certfile": str(certfile), "ssl_keyfile": str(keyfile)}
        self.url = f"https://localhost:{self.port}"
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.should_exit = True
            self._thread.join(timeout=20)
        self.database.dispose()

    # administrator shortcuts (the same services as ``python -m server admin``)
    def admin(self, func, *args, **kwargs):
        with self.database.writer() as session:
            result = func(session, *args, **kwargs)
            session.commit()
            return result

    def add_user(self, username: str, region: str, roles=("clerk", "handler", "leader"), name: str | None = None):
        from server.services import admin

        return self.admin(admin.add_user, username=username, display_name=name or f"{username}同志",
                          roles=list(roles), region_code=region, password=PASSWORD)

    def code(self, region: str, office: str) -> str:
        from server.services import enrolment

        return self.admin(enrolment.create_code, region, office)

    def count(self, table: str) -> int:
        from sqlalchemy import text

        with self.database.reader() as session:
            return session.execute(text(f"SELECT COUNT(*) FROM {table}")).scalar_one()


def pg_schema_url(dsn: str) -> tuple[str, str]:
    """A fresh schema in the test database; returns (URL using it, schema name)."""
    import psycopg

    schema = f"lvyue_t_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(dsn.replace("postgresql+psycopg://", "postgresql://"), autocommit=True) as con:
        con.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in dsn else "?"
    return f"{dsn}{sep}options=-csearch_path%3D{schema}", schema


def drop_pg_schema(dsn: str, schema: str) -> None:
    import psycopg

    with psycopg.connect(dsn.replace("postgresql+psycopg://", "postgresql://"), autocommit=True) as con:
        con.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")


# ---- devices ---------------------------------------------------------------------------------------
@dataclass
class Device:
    profile: object
    clock: object
    officer: object = None  # logged-in Actor
    extra: dict = field(default_factory=dict)

    def sync(self, **options):
        from app.services import sync

        return sync.sync_now(self.profile, **options)

    def status(self):
        from app.services import sync

        return sync.status(self.profile)

    @property
    def home(self) -> Path:
        return self.profile.files.home


COUNTY_A = ("532322", "双柏县发展和改革局", "sb_officer")
COUNTY_B = ("532323", "牟定县发展和改革局", "md_officer")
PREFECTURE = ("532300", "楚雄州发展和改革委员会", "zhou_leader")


def device(hub: LiveHub, home: Path, who: tuple[str, str, str], clock=None) -> Device:
    region, office, username = who
    return enrol_device(hub, home, region, office, clock, username)


def enrol_device(hub: LiveHub, home: Path, region: str, office: str, clock=None, username: str | None = None,
                 name: str | None = None) -> Device:
    """Enrol a new profile, sync once (users arrive), and log the officer in."""
    from app.domain.clock import utc_now
    from app.services import auth, sync
    from app.services.profile import open_profile

    clock = clock or utc_now
    sync.enroll(home, hub.url, hub.code(region, office), name or home.name)
    profile = open_profile(home, clock=clock)
    sync.sync_now(profile)
    device = Device(profile, clock)
    if username:
        device.officer = auth.login(profile, username, PASSWORD)
    return device


def register(device: Device, region: str | None = None, **overrides) -> str:
    from app.services import intake as registration

    data = intake(region or device.profile.office.region_code, **overrides)
    return registration.register(device.profile, device.officer, data).complaint_id


def act(device: Device, complaint_id: str, action: str, data: dict | None = None):
    from app.services.act import act as do

    return do(device.profile, device.officer, complaint_id, action, data or {})


FORWARD = {"department": "双柏县人民政府"}
CONCLUDE_UNFOUNDED = {"finding": "unsubstantiated", "explanation": "经核实，协议约定的验收条件尚未满足。"}
REJECT = {"reason": "不属于政府违约失信投诉受理范围。"}
NOTE = {"text": "已电话联系投诉人核实情况。"}


def projection(profile) -> dict[str, dict]:
    """Every complaint row (and its aggregate, as it reads: sealed values differ by their nonces)
    keyed by id, without the local row number."""
    from sqlalchemy import text

    from app.domain.events import canonical_json
    from app.security.fieldcrypt import open_json

    with profile.store.read() as session:
        rows = session.execute(text(
            "SELECT c.*, d.data AS aggregate FROM complaints c JOIN complaint_data d ON d.num = c.num")).mappings()
        return {r["id"]: {k: canonical_json(open_json(v)) if k == "aggregate" else v for k, v in r.items() if k != "num"}
                for r in rows}


def hub_streams(hub) -> set[str]:
    """The complaints (streams) the hub holds events of."""
    from sqlalchemy import func, select

    from server.tables import events as hub_events

    with hub.database.reader() as session:
        return set(session.execute(select(func.distinct(hub_events.c.stream))).scalars())


def event_ids(profile) -> set[str]:
    from sqlalchemy import text

    with profile.store.read() as session:
        return set(session.execute(text("SELECT id FROM events")).scalars())


def use_memory_keyring() -> MemoryKeyring:
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    return backend


# ---- pytest fixtures (imported by the sync test modules) -----------------------------------------
import pytest  # noqa: E402


@pytest.fixture
def memory_keyring():
    previous = keyring.get_keyring()
    backend = use_memory_keyring()
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def hub(tmp_path, memory_keyring):
    live = LiveHub(tmp_path / "hub-data").start()
    live.add_user("sb_officer", "532322", name="杨喆")
    live.add_user("md_officer", "532323", name="李娟")
    live.add_user("zhou_leader", "532300", roles=("clerk", "handler", "leader"), name="周审核")
    yield live
    live.stop()


@pytest.fixture
def pg_dsn():
    dsn = os.environ.get(PG_ENV)
    if not dsn:
        pytest.skip(f"PostgreSQL hub tests need {PG_ENV} (e.g. postgresql+psycopg://postgres@127.0.0.1:5432/test)")
    return dsn


@pytest.fixture
def pg_hub(tmp_path, memory_keyring, pg_dsn):
    url, schema = pg_schema_url(pg_dsn)
    live = LiveHub(tmp_path / "hub-data", url).start()
    live.add_user("sb_officer", "532322", name="杨喆")
    live.add_user("md_officer", "532323", name="李娟")
    live.add_user("zhou_leader", "532300", name="周审核")
    yield live
    live.stop()
    drop_pg_schema(pg_dsn, schema)


# ---- processes (e2e) -------------------------------------------------------------------------------
ROOT = Path(__file__).resolve().parents[1]


def process_env(keyring_file: Path, **extra: str) -> dict[str, str]:
    """What a child ``main.py`` / ``python -m server`` needs: the test keyring file, no bootstrap."""
    env = dict(os.environ, LVYUE_NO_BOOTSTRAP="1", PYTHONPATH=str(ROOT), PYTHONIOENCODING="utf-8",
               PYTHON_KEYRING_BACKEND="tests.sync_fixtures.FileKeyring", **{KEYRING_FILE_ENV: str(keyring_file)})
    env.update(extra)
    return env


@contextmanager
def file_keyring_env(tmp_path: Path, monkeypatch, *, proxies: bool = True, **extra: str) -> Iterator[dict[str, str]]:
    """One keyring file for this process and its children: this process uses ``FileKeyring`` on it until
    the block ends; yields the children's environment (``process_env``). ``proxies=False`` drops the
    machine's ``*_proxy`` variables (a loopback hub must not go through them)."""
    keyring_file = tmp_path / "keyring.json"
    monkeypatch.setenv(KEYRING_FILE_ENV, str(keyring_file))
    previous = keyring.get_keyring()
    keyring.set_keyring(FileKeyring())
    try:
        env = process_env(keyring_file, **extra)
        yield env if proxies else {k: v for k, v in env.items() if not k.lower().endswith("_proxy")}
    finally:
        keyring.set_keyring(previous)


def start_hub_process(data_dir: Path, env: dict[str, str], port: int | None = None):
    """``python -m server`` on a free (or the given) port; returns (Popen, url) once ``/v1/meta`` answers."""
    import subprocess
    import sys

    import httpx

    if port is None:
        probe = socket.socket()
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
        probe.close()
    data_dir.mkdir(parents=True, exist_ok=True)
    log = open(data_dir / "hub.log", "ab")  # a file, not a pipe: a full pipe would stall the hub
    proc = subprocess.Popen([sys.executable, "-m", "server", "--data", str(data_dir), "--port", str(port)],
                            cwd=ROOT, env=env, stdout=log, stderr=log)
    log.close()
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/v1/meta", timeout=1).status_code == 200:
                return proc, url
        except httpx.TransportError:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError((data_dir / "hub.log").read_text(encoding="utf-8", errors="replace"))
