"""The HTTP app: JSON API under /api, its OpenAPI description, and the offline dashboard at /.

    uvicorn --factory dateline.web.app:create_app      # or: dateline serve
"""
from __future__ import annotations

from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from dateline import __version__
from dateline.web import api, errors, ingest, swagger
from dateline.web.context import AppContext

HERE = Path(__file__).resolve().parent
# Everything the page loads comes from this server: no inline script, no CDN, no remote font.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")

DESCRIPTION = """Political events between countries, extracted from news articles with their evidence.

All responses are JSON. Errors are `{"error": "<message>"}` with the matching status code; invalid
parameters answer 422 and name the parameter. Dates accept `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
Write endpoints are disabled unless the server has a token (`--token` or `DATELINE_API_TOKEN`);
then they need `Authorization: Bearer <token>`."""


def create_app(store_url: str | None = None, token: str | None = None) -> FastAPI:
    """An app over the store at ``store_url`` (None: the default store). ``token`` (or the
    DATELINE_API_TOKEN environment variable) turns the write endpoints on."""
    context = AppContext(store_url, token)

    @asynccontextmanager
    async def lifespan(_: FastAPI):
        yield
        context.close()

    app = FastAPI(title="dateline", version=__version__, description=DESCRIPTION, lifespan=lifespan,
                  docs_url=None, redoc_url=None)   # the stock pages load scripts from a CDN; ours are local
    app.state.ctx = context
    errors.install(app)
    app.include_router(api.router)
    app.include_router(ingest.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    templates = Jinja2Templates(directory=HERE / "templates")

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        if response.headers.get("content-type", "").startswith("text/html"):
            response.headers["Content-Security-Policy"] = CSP
            response.headers["Referrer-Policy"] = "no-referrer"
        return response

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def dashboard(request: Request):
        from dateline.store.selection import default_min_confidence

        return templates.TemplateResponse(request, "dashboard.html", {"version": __version__,
                                                                      "min_confidence": default_min_confidence()})

    def api_reference(request: Request):
        return templates.TemplateResponse(request, "api.html", {"spec": app.openapi(), "version": __version__})

    # /docs: Swagger UI from the pinned swagger-ui-py package, or the plain page when it is missing
    app.get("/docs/reference", response_class=HTMLResponse, include_in_schema=False)(api_reference)
    if not swagger.install(app, __version__):
        app.get("/docs", response_class=HTMLResponse, include_in_schema=False)(api_reference)

    return app
