"""Errors the hub answers with: an HTTP status, a stable code and the Chinese message of ``app.messages``.

Every refusal has one shape, ``ErrorBody`` = ``{"error": code, "message": 中文, "params": {...}}``:
the hub's own ``HubError``, FastAPI's validation errors (422), Starlette's 404/405 and any other
``HTTPException``, and unexpected exceptions (500). A 429 also carries ``Retry-After`` (seconds).
The code is left in the request's state (``ERROR_CODE``) for the security log (``server.gate``).
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.messages import message
from app.sync.protocol import ErrorBody

ERROR_CODE = "lvyue_error_code"  # key in ``scope["state"]``

# Starlette's own HTTP errors (no route, wrong method…) as stable codes
HTTP_CODES = {400: "request_invalid", 404: "route_not_found", 405: "method_not_allowed",
              413: "body_too_large", 415: "request_invalid"}


class HubError(Exception):
    def __init__(self, status: int, code: str, **params: Any) -> None:
        super().__init__(code)
        self.status = status
        self.code = code
        self.params = params


def error_response(status: int, code: str, params: dict[str, Any] | None = None) -> JSONResponse:
    params = {k: v for k, v in (params or {}).items()}
    body = ErrorBody(error=code, message=message(code, params), params=params)
    headers = {"Retry-After": str(int(params["retry_after"]))} if status == 429 and "retry_after" in params else None
    return JSONResponse(body.model_dump(), status_code=status, headers=headers)


def _answer(request: Request, status: int, code: str, params: dict[str, Any] | None = None) -> JSONResponse:
    request.scope.setdefault("state", {})[ERROR_CODE] = code
    return error_response(status, code, params)


def install_handlers(app: FastAPI) -> None:
    @app.exception_handler(HubError)
    async def _hub_error(request: Request, error: HubError) -> JSONResponse:
        return _answer(request, error.status, error.code, error.params)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, error: RequestValidationError) -> JSONResponse:
        first = error.errors()[0] if error.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()))
        return _answer(request, 422, "request_invalid", {"where": where, "detail": first.get("msg", "")})

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, error: StarletteHTTPException) -> JSONResponse:
        code = HTTP_CODES.get(error.status_code, "http_error")
        params: dict[str, Any] = {"method": request.method, "path": request.url.path}
        if code == "request_invalid":
            params = {"where": "body", "detail": str(error.detail)[:200]}
        elif code == "http_error":
            params = {"status": error.status_code, "detail": str(error.detail)[:200]}
        response = _answer(request, error.status_code, code, params)
        if error.headers:
            response.headers.update(error.headers)
        return response

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, _error: Exception) -> JSONResponse:
        return _answer(request, 500, "hub_internal_error")
