"""Store errors: one clear line for every database fault a user can meet."""
from __future__ import annotations

import re

_PASSWORD_IN_URL = re.compile(r"(://[^:/@]+:)[^@]*@")


def masked(url: str) -> str:
    """The URL with its password replaced by '***', safe to print."""
    return _PASSWORD_IN_URL.sub(r"\1***@", url)


class StoreError(RuntimeError):
    """A database problem explained in one line; nothing already stored was lost."""


def explain(exc: BaseException, url: str) -> StoreError:
    """Turns a driver/SQLAlchemy exception into a StoreError whose message says what to do."""
    where = masked(url)
    text = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0] if str(exc).strip() else repr(exc)
    low = text.lower()
    if "file is not a database" in low or "malformed" in low or "not a database" in low:
        msg = f"{where} is not a readable SQLite database (corrupt or another kind of file); nothing was changed"
    elif "database is locked" in low or "database table is locked" in low:
        msg = (f"{where} is locked by another process (another ingest still running?); "
               f"wait for it to finish and try again")
    elif "disk is full" in low or "no space left" in low or "disk full" in low:
        msg = f"the disk holding {where} is full; free some space and run again (stored articles are kept)"
    elif "readonly" in low or "read-only" in low or "permission denied" in low:
        msg = f"{where} cannot be written (read-only file or no permission): {text}"
    elif "unable to open database file" in low:
        msg = f"cannot open SQLite file for {where}: the folder is missing or not writable"
    elif "password authentication failed" in low or "authentication failed" in low:
        msg = f"PostgreSQL refused the login for {where}: wrong user name or password"
    elif "does not exist" in low and "database" in low:
        msg = f"PostgreSQL database in {where} does not exist; create it first (createdb)"
    elif ("connection refused" in low or "could not connect" in low or "connection failed" in low
          or "could not translate host" in low or "timeout" in low or "no route" in low):
        msg = f"cannot reach the database server at {where}: {text}"
    else:
        msg = f"database error on {where}: {text}"
    err = StoreError(msg)
    err.__cause__ = exc if isinstance(exc, Exception) else None
    return err
