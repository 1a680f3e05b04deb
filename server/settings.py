"""Hub settings 中心配置 (pydantic-settings): environment ``LVYUE_HUB_*`` or command-line options."""

from __future__ import annotations

from pathlib import Path

from pydantic import field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict
from sqlalchemy import URL


class HubSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="LVYUE_HUB_")

    db: str | None = None  # SQLAlchemy URL; default: SQLite in data_dir
    data_dir: Path = Path("hub-data")
    blob_dir: Path | None = None  # default: data_dir/blobs (must be shared by all workers)
    data_key_file: Path | None = None  # the personal-data key, OUTSIDE data_dir; default <data_dir>.datakey
    host: str = "127.0.0.1"
    port: int = 8765
    workers: int = 1
    max_blob_bytes: int = 50 * 1024 * 1024
    min_client_version: str = "0.1.0"
    pool_size: int = 5  # PostgreSQL connections per worker: up to 3 x this
    write_concurrency: int = 4  # writing requests per worker running at once (the rest queue)

    # request bodies (bytes; on the wire AND after gzip inflation), checked before anything is parsed
    max_push_bytes: int = 16 * 1024 * 1024  # POST /v1/events
    max_small_body_bytes: int = 64 * 1024  # enrol, numbers, integrity and every other route
    # (PUT /v1/blobs/{sha256}: one chunk of at most max_blob_bytes)

    # rate limits: token buckets in memory, per worker (N workers let N times as much through)
    rate_limits: bool = True
    push_per_minute: float = 60  # pushes of one device
    push_burst: int = 120
    pull_per_minute: float = 600  # pull pages of one device
    pull_burst: int = 3000
    device_per_minute: float = 600  # other requests of one device (attachments, reference, numbers, integrity)
    device_burst: int = 3000
    address_per_minute: float = 12000  # every request from one network address (many devices behind one NAT)
    address_burst: int = 20000
    enrol_per_minute: float = 10  # enrolment attempts from one address
    enrol_burst: int = 300
    auth_failures: int = 20  # failed tokens or enrolment codes from one address within auth_failure_window
    auth_failure_window: int = 900  # seconds
    lockout_seconds: int = 900  # then every authenticated request or enrolment from that address gets 429
    token_cache_seconds: float = 30  # a valid token is looked up again after this (the routes always check)

    # security log (JSON lines, rotated by size); default data_dir/logs/security.log
    security_log: Path | None = None
    security_log_bytes: int = 10 * 1024 * 1024
    security_log_backups: int = 10  # rotated files kept at least; older ones go only after the retention period
    security_log_retention_days: int = 180  # 等保 2.0: at least six months; smaller values are refused

    @field_validator("security_log_retention_days")
    @classmethod
    def _retention(cls, days: int) -> int:
        from app.domain import retention
        from app.domain.errors import DomainError
        from app.messages import describe

        try:
            return retention.check_days(days)
        except DomainError as error:
            raise ValueError(describe(error)) from None

    @property
    def database_url(self) -> str:
        if self.db:
            return self.db
        database = str((self.data_dir / 'hub.sqlite').resolve())  # quoted: '#' and '%' stay part of the path
        return URL.create("sqlite+pysqlite", database=database).render_as_string(hide_password=False)

    @property
    def blobs_path(self) -> Path:
        return (self.blob_dir or self.data_dir / "blobs").resolve()

    @property
    def security_log_path(self) -> Path:
        return (self.security_log or self.data_dir / "logs" / "security.log").resolve()

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")
