"""`dateline serve`: the HTTP API and the dashboard over one store."""
from __future__ import annotations

import click


@click.command()
@click.option("--db", "db", envvar="DATELINE_DB", default=None, metavar="URL|PATH",
              help="Store: SQLAlchemy URL or SQLite file (default: the embedded store; env DATELINE_DB).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Port.")
@click.option("--token", envvar="DATELINE_API_TOKEN", default=None,
              help="Turns on write endpoints (POST /api/articles), which then need 'Authorization: Bearer <token>'. "
                   "Env DATELINE_API_TOKEN.")
@click.option("--log-level", default="info", show_default=True,
              type=click.Choice(["critical", "error", "warning", "info", "debug"]))
def serve(db: str | None, host: str, port: int, token: str | None, log_level: str) -> None:
    """Serve the API (/api, /docs) and the dashboard (/) on http://HOST:PORT."""
    import uvicorn

    from dateline.store import open_store
    from dateline.store.errors import StoreError
    from dateline.web.app import create_app

    # Fail now, with the store's own message, rather than on the first request. The embedded
    # default store may start empty (articles can be posted); a store named by --db must exist,
    # so a typo never serves an empty dashboard.
    try:
        open_store(db, create=db is None).close()
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None
    app = create_app(db, token)
    where = f"http://{host}:{port}/"
    click.echo(f"dateline: dashboard {where}  ·  API {where}docs  ·  writes {'on' if token else 'off (no token)'}",
               err=True)
    uvicorn.run(app, host=host, port=port, log_level=log_level)
