"""The interactive API reference (Swagger UI) at /docs, served from this server only.

The Swagger UI files (5.24, which reads OpenAPI 3.1 as FastAPI writes it) come from the pinned
``swagger-ui-py`` package (requirements.txt; only its static folder is used), never from a CDN; only the files the page needs are served, under /docs/assets. The page has no inline
script (the dashboard's Content-Security-Policy applies): its start-up code is /docs/init.js, which
turns the online validator badge off so nothing is fetched from elsewhere. Without the package,
``install`` returns False and /docs stays the static reference page.
"""
from __future__ import annotations

from fastapi import FastAPI
from fastapi.responses import FileResponse, HTMLResponse, Response

from dateline.web.errors import NotFound

ASSETS = {"swagger-ui-bundle.js": "text/javascript", "swagger-ui.css": "text/css",
          "favicon-32x32.png": "image/png", "favicon-16x16.png": "image/png"}

PAGE = """<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>dateline API {version}</title>
  <link rel="stylesheet" href="/docs/assets/swagger-ui.css">
  <link rel="icon" type="image/png" href="/docs/assets/favicon-32x32.png">
</head>
<body>
<noscript>This page needs JavaScript; the <a href="/docs/reference">plain reference</a> does not.</noscript>
<div id="swagger-ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/init.js"></script>
</body>
</html>
"""

INIT = """window.ui = SwaggerUIBundle({
  url: "/openapi.json",
  dom_id: "#swagger-ui",
  deepLinking: true,
  validatorUrl: null,
  presets: [SwaggerUIBundle.presets.apis],
  layout: "BaseLayout"
});
"""


def assets_dir():
    """The swagger-ui dist folder of the installed swagger-ui-py, or None."""
    from importlib.resources import files

    try:
        folder = files("swagger_ui") / "static"
    except ModuleNotFoundError:
        return None
    return folder if (folder / "swagger-ui-bundle.js").is_file() else None


def install(app: FastAPI, version: str) -> bool:
    folder = assets_dir()
    if folder is None:
        return False

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def swagger_page() -> HTMLResponse:
        return HTMLResponse(PAGE.format(version=version))

    @app.get("/docs/init.js", include_in_schema=False)
    def swagger_init() -> Response:
        return Response(INIT, media_type="text/javascript")

    @app.get("/docs/assets/{name}", include_in_schema=False)
    def swagger_asset(name: str) -> FileResponse:
        if name not in ASSETS:
            raise NotFound(f"no such file '{name}'")
        return FileResponse(str(folder / name), media_type=ASSETS[name])

    return True
