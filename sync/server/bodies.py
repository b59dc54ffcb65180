"""Hub layer: ASGI middleware for request bodies: size cap and ``Content-Encoding: gzip``.

Villages pay for every byte, so clients may gzip their request bodies. This middleware reads the
body once, refuses it with 413 when it is bigger than the cap (counted *after* decompression, so a
small "zip bomb" is refused too), inflates gzip bodies and hands the plain bytes on. Other
encodings get 415. A client that leaves mid-body reaches no route: half a request is never
applied. Responses are compressed by Starlette's GZipMiddleware.
"""

from __future__ import annotations

import zlib
from collections.abc import MutableMapping
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sync.protocol import ErrorCode
from sync.server.errors import error_response

#: a refused body is still read (and dropped) up to this many bytes so that the client gets to
#: read the answer: closing a socket with unread data resets the connection
_DRAIN_LIMIT = 64 * 1024 * 1024


class _TooLarge(Exception):
    pass


class _BadEncoding(Exception):
    pass


class _Disconnected(Exception):
    pass


class _Body:
    """Reads one request body from ``receive``, remembering whether its end was seen."""

    def __init__(self, receive: Receive) -> None:
        self.receive, self.ended = receive, False

    async def next_chunk(self) -> bytes:
        message = await self.receive()
        if message["type"] != "http.request":
            self.ended = True
            raise _Disconnected
        self.ended = not message.get("more_body", False)
        chunk: bytes = message.get("body", b"")
        return chunk

    async def read(self, max_bytes: int, *, gzip: bool) -> bytes:
        """The whole (inflated) body, at most ``max_bytes`` of it."""
        inflater = zlib.decompressobj(wbits=31) if gzip else None
        parts: list[bytes] = []
        size = 0
        while not self.ended:
            chunk = await self.next_chunk()
            if inflater is not None:
                chunk = _inflate(inflater, chunk, max_bytes - size)
            size += len(chunk)
            if size > max_bytes:
                raise _TooLarge
            parts.append(chunk)
        if inflater is not None and not inflater.eof:
            raise _BadEncoding
        return b"".join(parts)

    async def drain(self) -> None:
        drained = 0
        while not self.ended and drained <= _DRAIN_LIMIT:
            try:
                drained += len(await self.next_chunk())
            except _Disconnected:
                return


def _inflate(inflater: Any, chunk: bytes, room: int) -> bytes:
    try:
        # never inflate more than one byte past the room left: enough to know it is too large
        out: bytes = inflater.decompress(chunk, room + 1)
    except zlib.error as exc:
        raise _BadEncoding from exc
    if len(out) > room:
        raise _TooLarge
    return out


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
        body = _Body(receive)
        too_large = (413, ErrorCode.PAYLOAD_TOO_LARGE,
                     f"request body larger than {self.max_bytes} bytes")
        if encoding not in (b"identity", b"gzip"):
            await _refuse(scope, body, send, 415, ErrorCode.UNSUPPORTED_ENCODING,
                          "only gzip request bodies are accepted")
            return
        if _declared_length(headers) > self.max_bytes:
            await _refuse(scope, body, send, *too_large)
            return
        try:
            data = await body.read(self.max_bytes, gzip=encoding == b"gzip")
        except _Disconnected:
            return  # nobody is waiting for an answer
        except _TooLarge:
            await _refuse(scope, body, send, *too_large)
            return
        except _BadEncoding:
            await _refuse(scope, body, send, 400, ErrorCode.INVALID_REQUEST,
                          "request body is not valid gzip")
            return
        await self.app(_with_plain_body(scope, len(data)), _replay(data, receive), send)


def _declared_length(headers: dict[bytes, bytes]) -> int:
    try:
        return int(headers.get(b"content-length", b"0"))
    except ValueError:
        return 0


def _with_plain_body(scope: Scope, length: int) -> Scope:
    headers = [(k, v) for k, v in scope["headers"]
               if k.lower() not in (b"content-encoding", b"content-length")]
    headers.append((b"content-length", str(length).encode()))
    new_scope: MutableMapping[str, Any] = dict(scope)
    new_scope["headers"] = headers
    return new_scope


def _replay(data: bytes, receive: Receive) -> Receive:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": data, "more_body": False}
        return await receive()  # the body is over: this waits for http.disconnect

    return replay


async def _refuse(scope: Scope, body: _Body, send: Send, status: int, code: ErrorCode,
                  message: str) -> None:
    await body.drain()
    response = error_response(status, code, message, headers={"Connection": "close"})
    await response(scope, body.receive, send)
