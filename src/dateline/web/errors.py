"""Every API error is JSON ``{"error": "<one clear line>"}`` with the status code that fits."""
from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

log = logging.getLogger("dateline.web")


class ApiError(Exception):
    """An error with its HTTP status; raised by endpoints, rendered by the handlers below."""

    status = 400

    def __init__(self, message: str, status: int | None = None, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        if status is not None:
            self.status = status
        self.headers = headers


class InvalidParameter(ApiError):
    """A query or body parameter that parsed but makes no sense (bad date, end before start...)."""

    status = 422

    def __init__(self, param: str, message: str) -> None:
        super().__init__(f"invalid parameter '{param}': {message}")
        self.param = param
        self.detail = message


class NotFound(ApiError):
    status = 404


def _where(loc: tuple | list) -> str:
    # ("query", "limit") -> "limit"; ("body", "text") -> "text"
    parts = [str(p) for p in loc if p not in ("query", "path", "body", "header")]
    return ".".join(parts) or "request"


def install(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(_: Request, exc: ApiError) -> JSONResponse:
        body: dict = {"error": exc.message}
        if isinstance(exc, InvalidParameter):
            body["details"] = [{"param": exc.param, "message": exc.detail}]
        return JSONResponse(body, status_code=exc.status, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def validation_error(_: Request, exc: RequestValidationError) -> JSONResponse:
        details = [{"param": _where(e.get("loc", ())), "message": e.get("msg", "invalid")} for e in exc.errors()]
        text = "; ".join(f"{d['param']}: {d['message']}" for d in details)
        return JSONResponse({"error": f"invalid parameters: {text}", "details": details}, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        message = exc.detail if isinstance(exc.detail, str) else "request failed"
        if exc.status_code == 404 and message == "Not Found":
            message = "no such endpoint; see /docs for the API"
        elif exc.status_code == 405:
            message = "method not allowed on this endpoint"
        return JSONResponse({"error": message}, status_code=exc.status_code, headers=getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def unexpected(_: Request, exc: Exception) -> JSONResponse:
        from dateline.store.errors import StoreError

        if isinstance(exc, StoreError):
            return JSONResponse({"error": str(exc)}, status_code=503)
        log.exception("unexpected error")
        return JSONResponse({"error": f"internal error: {exc.__class__.__name__}: {exc}"}, status_code=500)
