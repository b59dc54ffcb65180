"""Attachments: content-addressed, uploaded in byte ranges that resume, verified on arrival."""

from __future__ import annotations

import hashlib
import os
import socket
from collections.abc import Callable
from pathlib import Path

import requests
from hub_testkit import VILLAGE_B, Device, LiveHub, attachment

from sync.protocol import AttachmentStatus

CHUNK = 64 * 1024


def _photo(size: int) -> bytes:
    """Random bytes that start like a JPEG: the hub judges uploads by their first bytes."""
    return b"\xff\xd8\xff\xe0" + os.urandom(size - 4)


def _put(device: Device, sha: str, data: bytes, start: int, total: int) -> requests.Response:
    end = start + len(data) - 1
    return device.request("PUT", f"/v1/attachments/{sha}", data=data, headers={
        "Content-Range": f"bytes {start}-{end}/{total}",
        "Content-Type": "application/octet-stream"})


def _status(device: Device, sha: str) -> AttachmentStatus:
    r = device.request("GET", f"/v1/attachments/{sha}")
    assert r.status_code == 200, r.text
    return AttachmentStatus.model_validate_json(r.content)


def _stored_files(live: LiveHub) -> list[Path]:
    root = live.settings.attachments_dir
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def _cut_off_upload(live: LiveHub, device: Device, sha: str, data: bytes, start: int,
                    total: int) -> None:
    """Send a range request whose body stops halfway, then drop the connection."""
    host, port = live.base_url.removeprefix("http://").split(":")
    end = start + len(data) - 1
    head = (f"PUT /v1/attachments/{sha} HTTP/1.1\r\nHost: hub\r\n"
            f"Authorization: Bearer {device.token}\r\nContent-Range: bytes {start}-{end}/{total}"
            f"\r\nContent-Length: {len(data)}\r\n\r\n").encode()
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(head + data[: len(data) // 2])


def test_upload_in_ranges_interrupted_and_resumed(live_hub: LiveHub) -> None:
    photo = _photo(5 * CHUNK + 1234)
    device = live_hub.enrol()
    env = device.complaint(attachments=[attachment(photo)])
    device.push_ok([env])
    sha, total = env.payload.attachments[0].sha256, len(photo)
    assert _status(device, sha) == AttachmentStatus(sha256=sha, size=total, received_bytes=0,
                                                    complete=False)
    for start in (0, CHUNK):
        assert _put(device, sha, photo[start:start + CHUNK], start, total).status_code == 200
    # the connection drops in the middle of the third chunk: nothing of it is kept
    _cut_off_upload(live_hub, device, sha, photo[2 * CHUNK:3 * CHUNK], 2 * CHUNK, total)
    # the client restarts, asks where to resume, and a wrong guess is refused with the answer
    assert _status(device, sha).received_bytes == 2 * CHUNK
    wrong = _put(device, sha, photo[3 * CHUNK:4 * CHUNK], 3 * CHUNK, total)
    assert wrong.status_code == 409
    assert wrong.json()["error"] == {"code": "range_mismatch", "received_bytes": 2 * CHUNK,
                                     "message": wrong.json()["error"]["message"]}
    start = 2 * CHUNK
    while start < total:
        r = _put(device, sha, photo[start:start + CHUNK], start, total)
        assert r.status_code == 200, r.text
        start += CHUNK
    done = AttachmentStatus.model_validate_json(r.content)
    assert (done.complete, done.received_bytes) == (True, total)
    stored = live_hub.settings.attachments_dir / sha[:2] / sha[2:]
    assert _stored_files(live_hub) == [stored]
    assert hashlib.sha256(stored.read_bytes()).hexdigest() == sha
    # once complete, a repeated upload changes nothing
    assert _put(device, sha, photo[:CHUNK], 0, total).json()["complete"] is True


def test_wrong_content_is_discarded_and_can_be_sent_again(live_hub: LiveHub) -> None:
    photo = _photo(3000)
    device = live_hub.enrol()
    env = device.complaint(attachments=[attachment(photo)])
    device.push_ok([env])
    sha = env.payload.attachments[0].sha256
    corrupted = photo[:1000] + bytes(1000) + photo[2000:]
    assert _put(device, sha, corrupted[:1500], 0, 3000).status_code == 200
    r = _put(device, sha, corrupted[1500:], 1500, 3000)
    assert r.status_code == 422 and r.json()["error"]["code"] == "hash_mismatch"
    assert _stored_files(live_hub) == []
    assert _status(device, sha).received_bytes == 0
    assert _put(device, sha, photo, 0, 3000).json()["complete"] is True


def test_same_content_is_stored_once(live_hub: LiveHub) -> None:
    photo = _photo(2048)
    a, b = live_hub.enrol(), live_hub.enrol(VILLAGE_B)
    first = a.complaint(attachments=[attachment(photo, "bukti.jpg")])
    second = a.complaint(attachments=[attachment(photo, "bukti-lagi.jpg"),
                                      attachment(photo, "dobel.jpg")])
    elsewhere = b.complaint(attachments=[attachment(photo, "foto.jpg")])
    a.push_ok([first, second])
    b.push_ok([elsewhere])
    sha = first.payload.attachments[0].sha256
    assert _put(a, sha, photo, 0, len(photo)).json()["complete"] is True
    assert _status(b, sha).complete  # village B need not upload it again
    assert len(_stored_files(live_hub)) == 1


def test_upload_rules(start_hub: Callable[..., LiveHub]) -> None:
    live: LiveHub = start_hub(max_attachment_bytes=10_000)
    device = live.enrol()
    photo = _photo(4000)
    env = device.complaint(attachments=[attachment(photo)])
    too_big = device.complaint(attachments=[attachment(photo), attachment(os.urandom(10_001))])
    results = device.push_ok([env, too_big]).results
    assert (results[0].outcome, results[1].outcome) == ("accepted", "rejected")
    assert (results[1].reason_code, results[1].reason) == ("invalid", "attachments.1.size: too_large")
    sha = env.payload.attachments[0].sha256
    cases = [
        ({}, photo, 400, "bad_range"),                                       # no Content-Range
        ({"Content-Range": "bytes 0-9/4000"}, photo[:5], 400, "bad_range"),  # body too short
        ({"Content-Range": "bytes 10-5/4000"}, photo[:5], 400, "bad_range"),
        ({"Content-Range": "bytes 0-4/5"}, photo[:5], 422, "size_mismatch"),
        ({"Content-Range": "bytes 0-4/20000"}, photo[:5], 413, "payload_too_large"),
    ]
    for headers, data, status, code in cases:
        r = device.request("PUT", f"/v1/attachments/{sha}", data=data, headers=headers)
        assert (r.status_code, r.json()["error"]["code"]) == (status, code), headers
    assert _status(device, sha).received_bytes == 0
    unknown = hashlib.sha256(b"never referenced").hexdigest()
    assert _put(device, unknown, b"never referenced", 0, 16).status_code == 404
