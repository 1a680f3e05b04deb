"""PostgreSQL for the hub's backups (``server.hub_backup``): ``pg_dump -Fc`` of the hub's schema in the
snapshot its counts are read from, and its restore into the same schema, in one transaction.

The tools get a libpq connection string built from the SQLAlchemy URL; a password travels in
``PGPASSWORD``, never on the command line. ``pg_dump`` must be at least the server's major version.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from sqlalchemy import create_engine, inspect, make_url

from app.domain.errors import DomainError
from server.settings import HubSettings


def dump(settings: HubSettings, destination: Path, counted: tuple[str, ...]) -> tuple[str | None, dict[str, int], str]:
    """``pg_dump -Fc`` of the hub's schema in the very snapshot the counts are read from."""
    engine = create_engine(settings.database_url)
    try:
        with engine.connect().execution_options(isolation_level="REPEATABLE READ") as con:
            snapshot = con.exec_driver_sql("SELECT pg_export_snapshot()").scalar_one()
            schema = con.exec_driver_sql("SELECT current_schema()").scalar_one()
            revision = con.exec_driver_sql("SELECT version_num FROM alembic_version").scalar_one_or_none()
            counts = {table: con.exec_driver_sql(f"SELECT COUNT(*) FROM {table}").scalar_one() for table in counted}
            tool(settings, "pg_dump", "--format=custom", "--no-owner", "--no-privileges",
                 f"--schema={schema}", f"--snapshot={snapshot}", f"--file={destination}")
            con.rollback()
    finally:
        engine.dispose()
    os.chmod(destination, 0o600)
    return revision, counts, schema


def _pg_connection(url: str) -> tuple[str, dict[str, str]]:
    """libpq connection string for the tools and the environment carrying the password (never argv)."""
    from psycopg.conninfo import make_conninfo

    parsed = make_url(url)
    params: dict[str, str] = {}
    if parsed.host:
        params["host"] = parsed.host
    if parsed.port:
        params["port"] = str(parsed.port)
    if parsed.username:
        params["user"] = parsed.username
    if parsed.database:
        params["dbname"] = parsed.database
    for name, value in parsed.query.items():
        params[name] = value if isinstance(value, str) else value[-1]
    env = dict(os.environ)
    if parsed.password:
        env["PGPASSWORD"] = parsed.password
    return make_conninfo(**params), env


def tool(settings: HubSettings, name: str, *arguments: str) -> None:
    program = _program(name)
    conninfo, env = _pg_connection(settings.database_url)
    result = subprocess.run([program, *arguments, f"--dbname={conninfo}"], env=env, capture_output=True,
                            text=True, encoding="utf-8", errors="replace", check=False)
    if result.returncode != 0:
        raise _failed(name, result.stderr or result.stdout)


def _program(name: str) -> str:
    program = shutil.which(name)
    if program is None:
        raise DomainError("hub_backup_tool_missing", tool=name)
    return program


def _failed(name: str, output: str) -> DomainError:
    lines = [line for line in output.strip().splitlines() if line.strip()]
    return DomainError("hub_backup_tool_failed", tool=name, detail=" ".join(lines[-3:])[:400])


def restore(settings: HubSettings, dump: Path, schema: str | None) -> None:
    """Replace the hub's tables with the dump's in ONE transaction (``pg_restore`` to SQL, piped into
    ``psql --single-transaction`` after the DROPs): a restore that fails leaves the database as it was."""
    pg_restore, psql = _program("pg_restore"), _program("psql")
    listing = subprocess.run([pg_restore, "--list", str(dump)], capture_output=True, text=True, check=False)
    if listing.returncode != 0:  # e.g. an archive from a newer pg_dump than this pg_restore reads
        raise _failed("pg_restore", listing.stderr)
    engine = create_engine(settings.database_url)
    try:
        with engine.connect() as con:
            current = con.exec_driver_sql("SELECT current_schema()").scalar_one_or_none()
        if schema and current != schema:
            raise DomainError("hub_backup_schema", schema=schema, target=str(current))
        quote = engine.dialect.identifier_preparer.quote
        tables = inspect(engine).get_table_names()  # the hub's tables in its schema (emptiness was checked)
    finally:
        engine.dispose()
    # the schema itself exists already (it is where the hub connects): restore what is inside it
    wanted = [line for line in listing.stdout.splitlines() if not _schema_entry(line)]
    with tempfile.TemporaryDirectory(prefix="lvyue-restore-") as work:  # the backup may be read-only
        toc, drops = Path(work) / "toc.list", Path(work) / "drop.sql"
        toc.write_text("\n".join(wanted) + "\n", encoding="utf-8")
        drops.write_text("".join(f"DROP TABLE IF EXISTS {quote(current)}.{quote(t)} CASCADE;\n" for t in tables),
                         encoding="utf-8")
        conninfo, env = _pg_connection(settings.database_url)
        errors = Path(work) / "pg_restore.err"
        with open(errors, "wb") as err:
            producer = subprocess.Popen([pg_restore, "--no-owner", "--no-privileges", f"--use-list={toc}",
                                         "--file=-", str(dump)], stdout=subprocess.PIPE, stderr=err)
            consumer = subprocess.run([psql, "--no-psqlrc", "--quiet", "--single-transaction",
                                       "--set=ON_ERROR_STOP=1", f"--file={drops}", "--file=-", f"--dbname={conninfo}"],
                                      stdin=producer.stdout, env=env, capture_output=True, text=True,
                                      encoding="utf-8", errors="replace", check=False)
            producer.stdout.close()
            produced = producer.wait()
        if produced != 0:
            raise _failed("pg_restore", errors.read_text(encoding="utf-8", errors="replace"))
        if consumer.returncode != 0:
            raise _failed("psql", consumer.stderr or consumer.stdout)


def _schema_entry(line: str) -> bool:
    """A TOC line of the schema object itself or its comment/ACL (``; 2615 ... SCHEMA - name owner``)."""
    if line.startswith(";"):
        return False
    parts = line.split()
    return len(parts) > 3 and (parts[3] == "SCHEMA" or parts[3:6] in (["COMMENT", "-", "SCHEMA"],
                                                                       ["ACL", "-", "SCHEMA"]))
