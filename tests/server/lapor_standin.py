"""A stand-in SP4N-LAPOR! API for the forwarding tests: a tiny FastAPI app served by uvicorn in a
thread. It records every request it receives, answers a 7-digit tracking id per idempotency key
(the same key gets the same id: a retry is the same report), fails on demand, and reports the
status text a test sets.
"""

from __future__ import annotations

import socket
import threading
from collections import deque
from dataclasses import dataclass, field
from typing import Any

import uvicorn
from fastapi import FastAPI, Header, Request
from fastapi.responses import JSONResponse
from hub_testkit import wait_until


@dataclass
class LaporStandin:
    base_url: str = ""
    #: every POST body received, in order, with its idempotency key and auth header
    received: list[dict[str, Any]] = field(default_factory=list)
    #: tracking id per idempotency key: the reports LAPOR! holds
    reports: dict[str, str] = field(default_factory=dict)
    statuses: dict[str, str] = field(default_factory=dict)
    #: what to do with the next POSTs: "ok", "fail" (503, nothing stored) or "lost" (stored, then
    #: 503 as if the answer were lost on the way back)
    plan: deque[str] = field(default_factory=deque)
    server: uvicorn.Server | None = None
    thread: threading.Thread | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)

    def app(self) -> FastAPI:
        app = FastAPI()

        @app.post("/api/reports")
        async def create(request: Request,
                         idempotency_key: str = Header(default="")) -> JSONResponse:
            body = await request.json()
            with self.lock:
                self.received.append({"body": body, "key": idempotency_key,
                                      "auth": request.headers.get("authorization")})
                step = self.plan.popleft() if self.plan else "ok"
                if step == "fail":
                    return JSONResponse({"error": "maintenance"}, status_code=503)
                tracking = self.reports.setdefault(
                    idempotency_key, str(4_000_000 + len(self.reports) + 1))
                self.statuses.setdefault(tracking, "Menunggu verifikasi")
            if step == "lost":
                return JSONResponse({"error": "gateway timeout"}, status_code=503)
            return JSONResponse({"tracking_id": tracking})

        @app.get("/api/reports/{tracking_id}")
        def status(tracking_id: str) -> JSONResponse:
            with self.lock:
                if tracking_id not in self.statuses:
                    return JSONResponse({"error": "not found"}, status_code=404)
                return JSONResponse({"status": self.statuses[tracking_id]})

        return app

    def start(self) -> LaporStandin:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", 0))
        self.base_url = f"http://127.0.0.1:{sock.getsockname()[1]}"
        self.server = uvicorn.Server(uvicorn.Config(self.app(), log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [sock]},
                                       daemon=True, name="lapor-standin")
        self.thread.start()
        wait_until(lambda: self.server is not None and self.server.started, what="LAPOR! start")
        return self

    def stop(self) -> None:
        if self.server is not None:
            self.server.should_exit = True
        if self.thread is not None:
            self.thread.join(timeout=15)

    def config(self) -> dict[str, Any]:
        """The ``lapor.json`` a hub needs to talk to this stand-in."""
        return {"endpoint": self.base_url + "/api", "token": "standin-secret",
                "timeout_seconds": 5}
