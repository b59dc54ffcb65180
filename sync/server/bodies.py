"""Hub layer: ASGI middleware for request bodies: size cap and ``Content-Encoding: gzip``.

Villages pay for every byte, so clients may gzip their request bodies. This middleware reads the
body once, refuses it with 413 when it is bigger than the cap (counted *after* decompression, so a
small "zip bomb" is refused too), inflates gzip bodies and hands the plain bytes on. Other
encodings get 415. Responses are compressed by Starlette's GZipMiddleware.
"""

from __future__ import annotations

import zlib
from collections.abc import MutableMapping
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sync.protocol import ErrorCode
from sync.server.errors import error_response

_READ_CHUNK = 64 * 1024


class _TooLarge(Exception):
    pass


class _BadEncoding(Exception):
    pass


class RequestBodyMiddleware:
    """Caps request bodies at ``max_bytes`` (decompressed) and inflates gzip bodies."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.lower(): v for k, v in scope["headers"]}
        encoding = headers.get(b"content-encoding", b"identity").strip().lower()
        try:
            declared = int(headers.get(b"content-length", b"0"))
        except ValueError:
            declared = 0
        if encoding not in (b"identity", b"gzip"):
            await _refuse(scope, receive, send, 415, ErrorCode.UNSUPPORTED_ENCODING,
                          "only gzip request bodies are accepted")
            return
        if declared > self.max_bytes:
            await _refuse(scope, receive, send, 413, ErrorCode.PAYLOAD_TOO_LARGE,
                          f"request body larger than {self.max_bytes} bytes")
            return
        try:
            body, more = await self._read(receive, gzip=encoding == b"gzip")
        except _TooLarge:
            await _refuse(scope, receive, send, 413, ErrorCode.PAYLOAD_TOO_LARGE,
                          f"request body larger than {self.max_bytes} bytes")
            return
        except _BadEncoding:
            await _refuse(scope, receive, send, 400, ErrorCode.INVALID_REQUEST,
                          "request body is not valid gzip")
            return
        await self.app(_with_plain_body(scope, len(body)), _replay(body, receive, more), send)

    async def _read(self, receive: Receive, *, gzip: bool) -> tuple[bytes, bool]:
        """The whole (inflated) body, and whether the stream is still open for ``receive``."""
        inflater = zlib.decompressobj(wbits=31) if gzip else None
        parts: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return b"".join(parts), False
            chunk: bytes = message.get("body", b"")
            if inflater is not None:
                chunk = _inflate(inflater, chunk, self.max_bytes - size)
            size += len(chunk)
            if size > self.max_bytes:
                raise _TooLarge
            parts.append(chunk)
            if not message.get("more_body", False):
                if inflater is not None and not inflater.eof:
                    raise _BadEncoding
                return b"".join(parts), True


def _inflate(inflater: Any, chunk: bytes, room: int) -> bytes:
    try:
        # never inflate more than one byte past the room left: enough to know it is too large
        out: bytes = inflater.decompress(chunk, room + 1)
    except zlib.error as exc:
        raise _BadEncoding from exc
    if len(out) > room or inflater.unconsumed_tail:
        raise _TooLarge
    return out


def _with_plain_body(scope: Scope, length: int) -> Scope:
    headers = [(k, v) for k, v in scope["headers"]
               if k.lower() not in (b"content-encoding", b"content-length")]
    headers.append((b"content-length", str(length).encode()))
    new_scope: MutableMapping[str, Any] = dict(scope)
    new_scope["headers"] = headers
    return new_scope


def _replay(body: bytes, receive: Receive, stream_open: bool) -> Receive:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        if stream_open:
            return await receive()  # waits for http.disconnect
        return {"type": "http.disconnect"}

    return replay


async def _refuse(scope: Scope, receive: Receive, send: Send, status: int, code: ErrorCode,
                  message: str) -> None:
    response = error_response(status, code, message, headers={"Connection": "close"})
    await response(scope, receive, send)
