"""Hub settings 中心配置 (pydantic-settings): environment ``LVYUE_HUB_*`` or command-line options."""

from __future__ import annotations

from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict


class HubSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="LVYUE_HUB_")

    db: str | None = None  # SQLAlchemy URL; default: SQLite in data_dir
    data_dir: Path = Path("hub-data")
    blob_dir: Path | None = None  # default: data_dir/blobs (must be shared by all workers)
    host: str = "127.0.0.1"
    port: int = 8765
    workers: int = 1
    max_blob_bytes: int = 50 * 1024 * 1024
    min_client_version: str = "0.1.0"
    pool_size: int = 5  # PostgreSQL connections per worker: up to 3 x this
    write_concurrency: int = 4  # writing requests per worker running at once (the rest queue)

    @property
    def database_url(self) -> str:
        if self.db:
            return self.db
        return f"sqlite+pysqlite:///{(self.data_dir / 'hub.sqlite').resolve()}"

    @property
    def blobs_path(self) -> Path:
        return (self.blob_dir or self.data_dir / "blobs").resolve()

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")
