"""Health, OpenAPI, enrolment, handshake, tokens and the request-body rules of the hub."""

from __future__ import annotations

import gzip
import socket
import uuid
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from hub_testkit import VILLAGE_A, LiveHub

from sync.protocol import PROTOCOL_VERSION, HandshakeResponse, PushRequest, PushResponse


def _enrol_body(code: str) -> dict[str, str]:
    return {"code": code, "device_tag": "K7Q", "app_version": "0.1.0", "device_name": "PC"}


def test_health_and_openapi(live_hub: LiveHub) -> None:
    r = live_hub.get("/health")
    assert r.status_code == 200
    body = r.json()
    assert body["status"] == "ok" and body["protocol_version"] == PROTOCOL_VERSION
    assert body["server_time"].startswith("2025-03-10T01:30:00")
    spec = live_hub.get("/openapi.json", headers={"Accept-Encoding": "gzip"})
    assert spec.status_code == 200 and spec.headers["Content-Encoding"] == "gzip"
    paths = spec.json()["paths"]
    for path in ("/v1/enroll", "/v1/handshake", "/v1/push", "/v1/reconcile", "/v1/changes",
                 "/v1/attachments/{sha256}"):
        assert path in paths


def test_enrolment_code_works_once(live_hub: LiveHub) -> None:
    issued = live_hub.hub.enrolment.create_code(village_code=VILLAGE_A, role="trainer")
    typed = issued.code.lower().replace("-", " ")  # as a person types it
    first = live_hub.post("/v1/enroll", json=_enrol_body(typed))
    assert first.status_code == 200
    assert first.json()["village_code"] == VILLAGE_A and first.json()["role"] == "trainer"
    again = live_hub.post("/v1/enroll", json=_enrol_body(issued.code))
    assert again.status_code == 403
    assert again.json()["error"]["code"] == "enrolment_refused"


def test_enrolment_code_expires_after_seven_days(live_hub: LiveHub) -> None:
    early = live_hub.hub.enrolment.create_code(village_code=VILLAGE_A).code
    late = live_hub.hub.enrolment.create_code(village_code=VILLAGE_A).code
    live_hub.clock.advance(timedelta(days=7) - timedelta(seconds=1))
    assert live_hub.post("/v1/enroll", json=_enrol_body(early)).status_code == 200
    live_hub.clock.advance(timedelta(seconds=1))
    r = live_hub.post("/v1/enroll", json=_enrol_body(late))
    assert r.status_code == 403 and r.json()["error"]["code"] == "enrolment_refused"


def test_wrong_enrolment_code_is_refused(live_hub: LiveHub) -> None:
    live_hub.hub.enrolment.create_code(village_code=VILLAGE_A)
    r = live_hub.post("/v1/enroll", json=_enrol_body("AAAA-BBBB-CCCC"))
    assert r.status_code == 403 and r.json()["error"]["code"] == "enrolment_refused"
    r = live_hub.post("/v1/enroll", json={"code": "x"})
    assert r.status_code == 422 and r.json()["error"]["code"] == "invalid_request"


def test_handshake_records_version_and_clock_offset(live_hub: LiveHub) -> None:
    device = live_hub.enrol()
    client_time = live_hub.clock() - timedelta(minutes=7)  # the village PC is 7 minutes late
    r = device.request("POST", "/v1/handshake", {
        "protocol_version": PROTOCOL_VERSION, "app_version": "0.2.0",
        "client_time": client_time.isoformat()})
    assert r.status_code == 200, r.text
    body = HandshakeResponse.model_validate_json(r.content)
    assert body.clock_offset_seconds == 420.0
    assert (body.device_id, body.village_code, body.role) == (device.id, VILLAGE_A, "operator")
    row = live_hub.hub.enrolment.device(device.id)
    assert row is not None and row.app_version == "0.2.0" and row.clock_offset_seconds == 420.0


def test_handshake_refuses_unsupported_protocol(live_hub: LiveHub) -> None:
    device = live_hub.enrol()
    for version in (0, PROTOCOL_VERSION + 1):
        # a newer client may also send fields this hub does not know: still "please update"
        r = device.request("POST", "/v1/handshake", {
            "protocol_version": version, "app_version": "9.0",
            "client_time": "2025-03-10T09:00:00Z", "capabilities": ["future"]})
        assert r.status_code == 426, version
        assert r.json()["error"]["code"] == "update_required"


def test_tokens_unknown_missing_and_revoked(live_hub: LiveHub) -> None:
    device = live_hub.enrol()
    assert device.request("GET", "/v1/changes").status_code == 200
    r = live_hub.get("/v1/changes")
    assert r.status_code == 401 and r.json()["error"]["code"] == "unauthorized"
    r = live_hub.get("/v1/changes", headers={"Authorization": "Bearer not-a-token"})
    assert r.status_code == 401 and r.json()["error"]["code"] == "unauthorized"
    assert live_hub.hub.enrolment.revoke(device.id) is True
    calls: list[tuple[str, str, dict[str, Any] | None]] = [
        ("GET", "/v1/changes", None),
        ("POST", "/v1/push", {"batch_id": "00000000-0000-4000-8000-000000000000", "records": []}),
        ("POST", "/v1/reconcile", {"items": []}),
        ("POST", "/v1/handshake", {"protocol_version": 1, "app_version": "0.1",
                                   "client_time": "2025-03-10T09:00:00Z"}),
        ("GET", "/v1/attachments/" + "a" * 64, None),
    ]
    for method, path, body in calls:
        r = device.request(method, path, body)
        assert r.status_code == 401, (method, path)
        assert r.json()["error"]["code"] == "enrolment_revoked"


def test_gzip_request_body_is_accepted(live_hub: LiveHub) -> None:
    device = live_hub.enrol()
    env = device.complaint()
    body = PushRequest(batch_id=uuid.uuid4(), records=[env]).model_dump_json().encode()
    r = device.request("POST", "/v1/push", data=gzip.compress(body), headers={
        "Content-Type": "application/json", "Content-Encoding": "gzip"})
    assert r.status_code == 200, r.text
    assert PushResponse.model_validate_json(r.content).results[0].outcome == "accepted"


def test_oversized_bodies_are_refused_with_413(start_hub: Callable[..., LiveHub]) -> None:
    hub = start_hub(max_body_bytes=64 * 1024)
    device = hub.enrol()
    raw = b'{"items": [' + b" " * 100_000 + b"]}"
    r = device.request("POST", "/v1/reconcile", data=raw,
                       headers={"Content-Type": "application/json"})
    assert r.status_code == 413 and r.json()["error"]["code"] == "payload_too_large"
    bomb = gzip.compress(b'{"items": [' + b" " * 5_000_000 + b"]}")  # 5 KB that inflate to 5 MB
    assert len(bomb) < 64 * 1024
    r = device.request("POST", "/v1/reconcile", data=bomb, headers={
        "Content-Type": "application/json", "Content-Encoding": "gzip"})
    assert r.status_code == 413 and r.json()["error"]["code"] == "payload_too_large"
    assert device.request("POST", "/v1/reconcile", {"items": []}).status_code == 200


MALFORMED = [
    (b'{"batch_id": ', {}, 400, "malformed_json"),
    (b"\xff\xfe garbage", {}, 400, "malformed_json"),
    (b'{"batch_id": "nope", "records": "x"}', {}, 422, "invalid_request"),
    (b"[1, 2]", {}, 422, "invalid_request"),
    (b"", {}, 422, "invalid_request"),
    (b"not gzip at all", {"Content-Encoding": "gzip"}, 400, "invalid_request"),
    (b"{}", {"Content-Encoding": "br"}, 415, "unsupported_encoding"),
]


def test_malformed_requests_get_4xx_not_5xx(live_hub: LiveHub) -> None:
    device = live_hub.enrol()
    for data, headers, status, code in MALFORMED:
        for path in ("/v1/push", "/v1/handshake", "/v1/enroll"):
            r = device.request("POST", path, data=data,
                               headers={"Content-Type": "application/json", **headers})
            assert r.status_code == status, (path, data, r.text)
            assert r.json()["error"]["code"] == code, (path, data)


def test_unknown_route_and_method_use_the_error_body(live_hub: LiveHub) -> None:
    r = live_hub.get("/v1/nothing-here")
    assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"
    r = live_hub.get("/v1/push")
    assert r.status_code == 405 and r.json()["error"]["code"] == "method_not_allowed"


def test_a_request_cut_off_mid_body_is_not_applied(live_hub: LiveHub) -> None:
    device = live_hub.enrol()
    env = device.complaint()
    body = PushRequest(batch_id=uuid.uuid4(), records=[env]).model_dump_json().encode()
    host, port = live_hub.base_url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(b"POST /v1/push HTTP/1.1\r\nHost: hub\r\nContent-Type: application/json\r\n"
                     b"Authorization: Bearer " + device.token.encode() + b"\r\n"
                     b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n"
                     + body[: len(body) - 2])
    # a later, whole request is the only one stored
    assert device.reconcile([env]).items[0].present is False
    assert device.push_ok([env]).results[0].outcome == "accepted"
