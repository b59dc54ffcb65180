"""Test helpers for the hub: a live uvicorn hub in a thread, device clients and record builders.

Tests talk to a real server over loopback with `requests`, as the desktop client will: no mocked
HTTP, no TestClient. Each `LiveHub` has its own database, data folder and clock.
"""

from __future__ import annotations

import socket
import threading
import time
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

import requests
import uvicorn
from fastapi import FastAPI
from pydantic import BaseModel

from kim_desktop.domain.tracking import format_tracking_no
from sync.protocol import (
    ActivityPayload,
    AttachmentPayload,
    ComplaintPayload,
    EnrollResponse,
    Payload,
    PullResponse,
    PushRequest,
    PushResponse,
    ReconcileRequest,
    ReconcileResponse,
    RecordEnvelope,
    RecordKey,
    ReporterPayload,
)
from sync.server.app import create_app
from sync.server.context import Hub, build_hub
from sync.server.settings import HubSettings

VILLAGE_A = "73.24.04.2010"  # Desa Balantang, Kec. Malili
VILLAGE_B = "73.24.01.2001"  # Desa Maleku, Kec. Mangkutana
START = datetime(2025, 3, 10, 1, 30, tzinfo=UTC)


class MutableClock:
    """The hub's clock in tests: fixed until a test moves it."""

    def __init__(self, start: datetime = START) -> None:
        self._now, self._lock = start, threading.Lock()

    def __call__(self) -> datetime:
        with self._lock:
            return self._now

    def advance(self, delta: timedelta) -> None:
        with self._lock:
            self._now += delta


def wait_until(condition: Callable[[], bool], timeout: float = 10.0, what: str = "") -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out waiting for {what or condition}")
        time.sleep(0.01)


# --- records ---------------------------------------------------------------------------------


def complaint_payload(village_code: str = VILLAGE_A, tracking_no: str | None = None,
                      **overrides: Any) -> ComplaintPayload:
    fields: dict[str, Any] = dict(
        kind="complaint", title="Jalan desa rusak parah",
        body="Jalan poros dusun rusak sejak Januari, mohon perbaikan sebelum musim hujan.",
        incident_date=date(2025, 3, 1), village_code=village_code,
        location_detail="Dusun II, dekat masjid",
        category_code="pekerjaan-umum-dan-penataan-ruang/infrastruktur-jalan",
        reporter=ReporterPayload(name="Warga Contoh", nik="7324040101800001",
                                 phone="081234567890", gender="P", birth_year=1980),
        consent=True, channel="walk_in", tracking_no=tracking_no, recorded_by="operator",
        created_at=START, updated_at=START)
    fields.update(overrides)
    return ComplaintPayload(**fields)


def activity_payload(village_code: str = VILLAGE_A, **overrides: Any) -> ActivityPayload:
    fields: dict[str, Any] = dict(
        title="Sosialisasi SP4N-LAPOR!", topic="SP4N-LAPOR!", village_code=village_code,
        starts_at=START, ends_at=START + timedelta(hours=2), venue="Balai desa",
        organizer="Diskominfo-SP", participants=[{"name": "Ibu A", "gender": "P"},
                                                 {"name": "Bapak B", "gender": "L"}],
        created_at=START, updated_at=START)
    fields.update(overrides)
    return ActivityPayload(**fields)


def attachment(content: bytes, filename: str = "foto.jpg") -> AttachmentPayload:
    import hashlib

    return AttachmentPayload(filename=filename, media_type="image/jpeg", size=len(content),
                             sha256=hashlib.sha256(content).hexdigest())


def revise(env: RecordEnvelope, base_version: int | None, **changes: Any) -> RecordEnvelope:
    """The next revision of ``env`` with some payload fields changed."""
    payload: Payload = env.payload.model_copy(update=changes)
    return RecordEnvelope.wrap(env.id, env.revision + 1, payload, base_version=base_version)


# --- devices -------------------------------------------------------------------------------


@dataclass
class Device:
    """A device as the desktop client will be: one kept-alive session with its bearer token."""

    base_url: str
    id: str
    token: str
    village_code: str
    role: str
    tag: str
    http: requests.Session = field(default_factory=requests.Session)
    counter: int = 0

    def __post_init__(self) -> None:
        self.http.headers["Authorization"] = f"Bearer {self.token}"

    def request(self, method: str, path: str, body: BaseModel | dict[str, Any] | None = None,
                **kwargs: Any) -> requests.Response:
        if isinstance(body, BaseModel):
            kwargs["data"] = body.model_dump_json()
            kwargs.setdefault("headers", {})["Content-Type"] = "application/json"
        elif body is not None:
            kwargs["json"] = body
        return self.http.request(method, self.base_url + path, timeout=60, **kwargs)

    def clone(self) -> Device:
        """The same device over its own connection (one per thread, like the client's)."""
        return Device(self.base_url, self.id, self.token, self.village_code, self.role, self.tag)

    def complaint(self, **overrides: Any) -> RecordEnvelope:
        self.counter += 1
        tracking = format_tracking_no(self.village_code, self.tag, self.counter)
        return RecordEnvelope.wrap(uuid.uuid4(), 1, complaint_payload(
            overrides.pop("village_code", self.village_code), tracking, **overrides))

    def activity(self, **overrides: Any) -> RecordEnvelope:
        return RecordEnvelope.wrap(uuid.uuid4(), 1, activity_payload(
            overrides.pop("village_code", self.village_code), **overrides))

    def push(self, records: Iterable[RecordEnvelope],
             batch_id: uuid.UUID | None = None) -> requests.Response:
        req = PushRequest(batch_id=batch_id or uuid.uuid4(), records=list(records))
        return self.request("POST", "/v1/push", req)

    def push_ok(self, records: Iterable[RecordEnvelope],
                batch_id: uuid.UUID | None = None) -> PushResponse:
        r = self.push(records, batch_id)
        assert r.status_code == 200, r.text
        return PushResponse.model_validate_json(r.content)

    def changes(self, cursor: str = "", limit: int | None = None) -> PullResponse:
        params: dict[str, Any] = {"cursor": cursor}
        if limit is not None:
            params["limit"] = limit
        r = self.request("GET", "/v1/changes", params=params)
        assert r.status_code == 200, r.text
        return PullResponse.model_validate_json(r.content)

    def all_changes(self, limit: int = 1000) -> PullResponse:
        """Every visible change, following the cursor to the end."""
        page = self.changes("", limit)
        changes, cursor = list(page.changes), page.next_cursor
        while page.has_more:
            page = self.changes(cursor, limit)
            changes += page.changes
            cursor = page.next_cursor
        return PullResponse(changes=changes, next_cursor=cursor, has_more=False)

    def reconcile(self, records: Iterable[RecordEnvelope]) -> ReconcileResponse:
        req = ReconcileRequest(items=[RecordKey(id=e.id, revision=e.revision) for e in records])
        r = self.request("POST", "/v1/reconcile", req)
        assert r.status_code == 200, r.text
        return ReconcileResponse.model_validate_json(r.content)

    def close(self) -> None:
        self.http.close()


# --- the live hub ----------------------------------------------------------------------------


@dataclass
class LiveHub:
    base_url: str
    hub: Hub
    app: FastAPI
    clock: MutableClock
    server: uvicorn.Server
    thread: threading.Thread
    devices: list[Device] = field(default_factory=list)

    @property
    def settings(self) -> HubSettings:
        return self.hub.settings

    def get(self, path: str, **kwargs: Any) -> requests.Response:
        return requests.get(self.base_url + path, timeout=30, **kwargs)

    def post(self, path: str, **kwargs: Any) -> requests.Response:
        return requests.post(self.base_url + path, timeout=30, **kwargs)

    def enrol(self, village_code: str = VILLAGE_A, role: str = "operator",
              tag: str | None = None) -> Device:
        """A new device enrolled over HTTP with a fresh one-time code."""
        code = self.hub.enrolment.create_code(village_code=village_code, role=role).code
        tag = tag or format(len(self.devices) + 100, "03d")[-3:]
        r = self.post("/v1/enroll", json={"code": code, "device_tag": tag, "app_version": "0.1.0",
                                          "device_name": "PC kantor desa"})
        assert r.status_code == 200, r.text
        body = EnrollResponse.model_validate_json(r.content)
        device = Device(self.base_url, body.device_id, body.token, body.village_code, body.role,
                        tag)
        self.devices.append(device)
        return device

    def begin_stop(self) -> None:
        """Ask the server to stop (uvicorn takes ~0.2 s to wind down); `stop` waits for it."""
        for device in self.devices:
            device.close()
        self.server.should_exit = True

    def stop(self) -> None:
        self.begin_stop()
        self.thread.join(timeout=15)
        assert not self.thread.is_alive(), "hub did not stop"


def start_live_hub(settings: HubSettings, clock: MutableClock) -> LiveHub:
    """Serve ``settings`` on a free loopback port from a thread; returns once it accepts."""
    hub = build_hub(settings)
    app = create_app(settings, hub=hub)
    # IPPROTO_TCP explicitly: asyncio sets TCP_NODELAY only on sockets that say so, and without
    # it Nagle + delayed ACKs add 40 ms to every response
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", timeout_graceful_shutdown=5,
                                           backlog=512))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True,
                              name=f"hub-{port}")
    thread.start()
    wait_until(lambda: server.started or not thread.is_alive(), what="hub start")
    assert server.started, "hub failed to start"
    return LiveHub(f"http://127.0.0.1:{port}", hub, app, clock, server, thread)
