"""Errors the hub answers with: an HTTP status, a stable code and the Chinese message of ``app.messages``."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from app.messages import message
from app.sync.protocol import ErrorBody


class HubError(Exception):
    def __init__(self, status: int, code: str, **params: Any) -> None:
        super().__init__(code)
        self.status = status
        self.code = code
        self.params = params


def error_response(status: int, code: str, params: dict[str, Any] | None = None) -> JSONResponse:
    params = {k: v for k, v in (params or {}).items()}
    body = ErrorBody(error=code, message=message(code, params), params=params)
    return JSONResponse(body.model_dump(), status_code=status)


def install_handlers(app: FastAPI) -> None:
    @app.exception_handler(HubError)
    async def _hub_error(_request: Request, error: HubError) -> JSONResponse:
        return error_response(error.status, error.code, error.params)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, error: RequestValidationError) -> JSONResponse:
        first = error.errors()[0] if error.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()))
        return error_response(422, "request_invalid", {"where": where, "detail": first.get("msg", "")})

    @app.exception_handler(Exception)
    async def _unexpected(_request: Request, _error: Exception) -> JSONResponse:
        return error_response(500, "hub_internal_error")
