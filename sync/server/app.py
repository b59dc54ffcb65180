"""Hub layer: the FastAPI application factory of the KIM hub.

`create_app` builds one app around one `HubSettings` (no module globals), so tests can run several
hubs side by side. The database must already be at the head revision (``kim-hub init``).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from starlette.middleware.gzip import GZipMiddleware

from kim_desktop import __version__
from sync.protocol import PROTOCOL_VERSION, HealthResponse
from sync.server.api import router
from sync.server.bodies import RequestBodyMiddleware
from sync.server.context import Hub, build_hub
from sync.server.errors import install_error_handlers
from sync.server.escrow import router as escrow_router
from sync.server.ratelimit import RateLimitMiddleware
from sync.server.report_api import router as report_router
from sync.server.review_api import router as review_router
from sync.server.settings import HubSettings


def create_app(settings: HubSettings, *, hub: Hub | None = None) -> FastAPI:
    """The hub's ASGI app; pass ``hub`` to share already built services (tests, CLI)."""
    the_hub = hub or build_hub(settings)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        the_hub.close()

    app = FastAPI(title="KIM Hub", version=__version__, lifespan=lifespan,
                  description="District hub of KIM Desktop: enrolment, push, pull, attachments, "
                              "district review and SP4N-LAPOR! forwarding.")
    app.state.hub = the_hub
    install_error_handlers(app)
    # inside the body middleware: a refused request's body has been read, the connection lives
    app.add_middleware(RateLimitMiddleware, limits=settings.rate_limits)
    app.add_middleware(GZipMiddleware, minimum_size=1024)
    app.add_middleware(RequestBodyMiddleware, max_bytes=settings.max_body_bytes)

    @app.get("/health", response_model=HealthResponse, tags=["health"])
    def health() -> HealthResponse:
        return HealthResponse(status="ok", protocol_version=PROTOCOL_VERSION,
                              server_time=settings.clock())

    app.include_router(router)
    app.include_router(review_router)
    app.include_router(escrow_router)
    app.include_router(report_router)
    return app
