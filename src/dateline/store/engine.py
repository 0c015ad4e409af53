"""Database URLs, engines and migrations for the two backends (SQLite embedded, PostgreSQL)."""
from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError
from sqlalchemy.pool import NullPool

from dateline.store.errors import StoreError, masked

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
SQLITE_BUSY_TIMEOUT_S = 10.0
MIGRATION_LOCK = 0x64617465   # PostgreSQL advisory lock key held while the schema is migrated ("date")


def normalise_url(url: str) -> str:
    """sqlite:///path, postgresql://... or a plain file path (-> SQLite). postgresql:// uses psycopg 3."""
    url = url.strip()
    if "://" not in url:
        return f"sqlite:///{Path(url).expanduser().resolve()}"
    scheme = url.split("://", 1)[0].lower()
    if scheme in ("postgresql", "postgres"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    if scheme in ("sqlite", "postgresql+psycopg"):
        return url
    raise StoreError(f"unsupported database URL '{masked(url)}': use sqlite:///path/to/file.db, "
                     f"postgresql://user:password@host/dbname or a plain file path")


def sqlite_path(url: str) -> Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def _sqlite_pragmas(dbapi_conn: sqlite3.Connection, _record: object) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")      # readers never block the writer; crash-safe commits
    cur.execute("PRAGMA synchronous=NORMAL")    # durable at checkpoints, atomic always (WAL)
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={int(SQLITE_BUSY_TIMEOUT_S * 1000)}")
    cur.close()


WRITE = {"dateline_write": True}   # execution option that marks a write transaction


def _sqlite_begin(conn) -> None:
    # Writers take the write lock when their transaction starts, so two writers wait for each other
    # (busy_timeout) instead of failing half way with "database is locked"; readers never lock.
    if conn.get_execution_options().get("dateline_write"):
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        conn.exec_driver_sql("BEGIN")


def make_engine(url: str) -> Engine:
    try:
        full = normalise_url(url)
        parsed = make_url(full)
    except (ArgumentError, ValueError) as exc:
        raise StoreError(f"not a database URL: '{masked(url)}' ({exc})") from exc
    backend = parsed.get_backend_name()
    try:
        if backend == "sqlite":
            path = sqlite_path(full)
            if path is not None:
                path.parent.mkdir(parents=True, exist_ok=True)
            engine = create_engine(full, poolclass=NullPool if path is None else None,
                                   connect_args={"timeout": SQLITE_BUSY_TIMEOUT_S, "isolation_level": None})
            event.listen(engine, "connect", _sqlite_pragmas)
            event.listen(engine, "begin", _sqlite_begin)
        elif backend == "postgresql":
            engine = create_engine(full, pool_pre_ping=True, connect_args={"connect_timeout": 10})
        else:
            raise StoreError(f"unsupported database backend '{backend}' in {masked(url)}: "
                             f"use SQLite or PostgreSQL")
    except (NoSuchModuleError, ArgumentError) as exc:
        raise StoreError(f"not a usable database URL: '{masked(url)}' ({exc})") from exc
    except OSError as exc:
        raise StoreError(f"cannot create the folder for {masked(url)}: {exc}") from exc
    return engine


def alembic_config(connection):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    cfg = alembic_config(None)
    return ScriptDirectory.from_config(cfg).get_current_head()


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def migrate(engine: Engine, url: str) -> str:
    """Brings the schema to the newest revision; refuses databases that are not dateline stores.

    Safe when several processes open a new store at the same moment: the upgrade runs in a write
    transaction (SQLite: BEGIN IMMEDIATE; PostgreSQL: a transaction-scoped advisory lock), and the
    revision is read again once the lock is held, so only the first process creates the schema."""
    from alembic import command
    from alembic.runtime.migration import MigrationContext

    head = head_revision()
    if current_revision(engine) == head:
        return head
    with engine.connect() as conn:
        conn.execution_options(**WRITE)
        with conn.begin():
            if conn.dialect.name == "postgresql":
                conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")
            current = MigrationContext.configure(conn).get_current_revision()
            if current == head:
                return head
            if current is None:
                existing = set(inspect(conn).get_table_names())
                if existing:
                    raise StoreError(f"{masked(url)} holds other tables ({', '.join(sorted(existing)[:5])}) "
                                     f"and is not a dateline store; use another database")
            command.upgrade(alembic_config(conn), "head")
    return head
