"""Hub layer: HTTP errors of the hub and the handlers that render them as `ErrorBody`.

Every refusal the hub sends is ``{"error": {"code", "message"}}`` with a stable ``code`` from
`sync.protocol.ErrorCode` and a proper 4xx status, so the client never has to match text.
Messages name fields and rules, never values: request bodies may carry personal data.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sync.protocol import ErrorBody, ErrorCode, ErrorDetail

log = logging.getLogger(__name__)


class HubError(Exception):
    """A refusal with an HTTP status and an `ErrorCode`; raised by services and routes."""

    def __init__(self, status: int, code: ErrorCode, message: str,
                 *, received_bytes: int | None = None,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message
        self.received_bytes = received_bytes
        self.headers = headers


def unauthorized(code: ErrorCode, message: str) -> HubError:
    return HubError(401, code, message, headers={"WWW-Authenticate": "Bearer"})


def not_found(what: str) -> HubError:
    return HubError(404, ErrorCode.NOT_FOUND, f"{what} not found")


def error_response(status: int, code: str, message: str, *, received_bytes: int | None = None,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    body = ErrorBody(error=ErrorDetail(code=code, message=message, received_bytes=received_bytes))
    return JSONResponse(body.model_dump(mode="json", exclude_none=True), status_code=status,
                        headers=headers)


_HTTP_CODES: dict[int, ErrorCode] = {
    400: ErrorCode.INVALID_REQUEST, 401: ErrorCode.UNAUTHORIZED, 404: ErrorCode.NOT_FOUND,
    405: ErrorCode.METHOD_NOT_ALLOWED, 413: ErrorCode.PAYLOAD_TOO_LARGE,
    415: ErrorCode.UNSUPPORTED_ENCODING,
}


def _validation_message(errors: list[dict[str, Any]]) -> str:
    """Where the request is wrong and which rule, without echoing the input."""
    parts = []
    for err in errors[:5]:
        where = ".".join(str(p) for p in err.get("loc", ()))
        parts.append(f"{where}: {err.get('type', 'invalid')}")
    more = f" (+{len(errors) - 5} more)" if len(errors) > 5 else ""
    return "; ".join(parts) + more


async def _on_hub_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HubError)
    return error_response(exc.status, exc.code, exc.message, received_bytes=exc.received_bytes,
                          headers=exc.headers)


async def _on_validation_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = list(exc.errors())
    if any(e.get("type") == "json_invalid" for e in errors):
        return error_response(400, ErrorCode.MALFORMED_JSON, "request body is not valid JSON")
    return error_response(422, ErrorCode.INVALID_REQUEST, _validation_message(errors))


async def _on_http_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    code = _HTTP_CODES.get(exc.status_code, ErrorCode.INVALID_REQUEST)
    return error_response(exc.status_code, code, str(exc.detail),
                          headers=getattr(exc, "headers", None))


class UnexpectedErrorMiddleware:
    """Answers an unexpected exception with a 500 `ErrorBody` and keeps the connection usable.

    (Starlette's own handler re-raises after answering, and the server then drops the kept-alive
    connection under the client's feet.) The traceback is logged; SQL parameters are not in it.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception as exc:
            log.error("unexpected %s on %s %s", type(exc).__name__, scope.get("method"),
                      scope.get("path"), exc_info=exc)
            if started:
                raise
            response = error_response(500, ErrorCode.INTERNAL,
                                      "internal error; the request was not applied")
            await response(scope, receive, send)


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(HubError, _on_hub_error)
    app.add_exception_handler(RequestValidationError, _on_validation_error)
    app.add_exception_handler(StarletteHTTPException, _on_http_error)
    app.add_middleware(UnexpectedErrorMiddleware)
