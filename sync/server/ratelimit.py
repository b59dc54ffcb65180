"""Hub layer: per-client-address rate limits on the routes that guess at secrets.

Enrolment (``POST /v1/enroll``, one-time codes) and district login (``POST /v1/review/login``,
passwords) each get a token bucket per client IP address: ``burst`` requests at once, then
``per_minute`` more each minute. A request over the limit is answered ``429 too_many_attempts``
with ``Retry-After`` (whole seconds until the next request would pass) and never reaches the
route. The account lockout in `sync.server.accounts` still applies on top, per account.

Buckets live in the hub process (several hub processes each count on their own, which only
makes the limit looser by that factor). Behind a reverse proxy the client address is the
proxy's unless uvicorn is told to trust its ``X-Forwarded-For`` (``--proxy-headers
--forwarded-allow-ips``). Only addresses are kept, never bodies, and at most `MAX_BUCKETS` of
them: full buckets are forgotten first.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from starlette.types import ASGIApp, Receive, Scope, Send

from sync.protocol import ErrorCode
from sync.server.errors import error_response

MAX_BUCKETS = 50_000


@dataclass(frozen=True)
class RateLimit:
    """``burst`` requests at once, refilled at ``per_minute``; ``burst=0`` turns it off."""

    burst: int
    per_minute: float

    def __post_init__(self) -> None:
        if self.burst < 0 or self.per_minute <= 0:
            raise ValueError("rate limit: burst must be >= 0 and per_minute > 0")


@dataclass(frozen=True)
class RateLimits:
    """The limits per route; defaults let a training room behind one address enrol together."""

    #: one-time enrolment codes: a room of 30 PCs at once, then one a minute
    enrol: RateLimit = field(default_factory=lambda: RateLimit(burst=30, per_minute=1))
    #: reviewer/admin logins: a district office behind one address, then ten a minute
    login: RateLimit = field(default_factory=lambda: RateLimit(burst=20, per_minute=10))

    def routes(self) -> dict[tuple[str, str], tuple[str, RateLimit]]:
        return {("POST", "/v1/enroll"): ("enrol", self.enrol),
                ("POST", "/v1/review/login"): ("login", self.login)}


class TokenBuckets:
    """Token buckets by key; `take` answers 0 when allowed, else the seconds to wait."""

    def __init__(self, monotonic: Callable[[], float] = time.monotonic) -> None:
        self._now = monotonic
        self._lock = threading.Lock()
        self._buckets: dict[tuple[str, str], tuple[float, float]] = {}  # key → (tokens, at)

    def take(self, key: tuple[str, str], limit: RateLimit) -> float:
        rate = limit.per_minute / 60.0
        with self._lock:
            now = self._now()
            tokens, at = self._buckets.get(key, (float(limit.burst), now))
            tokens = min(float(limit.burst), tokens + (now - at) * rate)
            if tokens >= 1.0:
                self._buckets[key] = (tokens - 1.0, now)
                self._forget_some(now)
                return 0.0
            self._buckets[key] = (tokens, now)
            return (1.0 - tokens) / rate

    def _forget_some(self, now: float) -> None:
        if len(self._buckets) <= MAX_BUCKETS:
            return
        # forget the buckets that have been idle longest (they refill to full anyway)
        oldest = sorted(self._buckets.items(), key=lambda item: item[1][1])
        for key, _ in oldest[: len(self._buckets) - MAX_BUCKETS // 2]:
            del self._buckets[key]


class RateLimitMiddleware:
    """Answers 429 with ``Retry-After`` when a client address is over a route's limit."""

    def __init__(self, app: ASGIApp, limits: RateLimits,
                 monotonic: Callable[[], float] = time.monotonic) -> None:
        self.app, self._routes = app, limits.routes()
        self._buckets = TokenBuckets(monotonic)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        rule = self._routes.get((scope.get("method", ""), scope.get("path", ""))) \
            if scope["type"] == "http" else None
        if rule is None or rule[1].burst == 0:
            await self.app(scope, receive, send)
            return
        name, limit = rule
        client = scope.get("client")
        address = client[0] if client else "unknown"
        wait = self._buckets.take((name, address), limit)
        if wait <= 0:
            await self.app(scope, receive, send)
            return
        response = error_response(429, ErrorCode.TOO_MANY_ATTEMPTS,
                                  "too many attempts from this address; try again later",
                                  headers={"Retry-After": str(max(1, math.ceil(wait)))})
        await response(scope, receive, send)
