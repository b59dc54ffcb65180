"""Abuse limits at the hub and on the PC: rate limits on enrolment and login (429 with
Retry-After), body and attachment size limits, attachment types decided by content, and file
names from outside that never become a path out of their folder."""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from hub_testkit import VILLAGE_A, LiveHub, attachment, start_live_hub
from review_kit import PASSWORD, add_account

from kim_desktop.domain.errors import ValidationFailed
from kim_desktop.domain.files import is_safe_filename, safe_filename
from sync.protocol import EnrollRequest
from sync.server.ratelimit import RateLimit, RateLimits, TokenBuckets
from tests.conftest import complaint_data
from tests.security.conftest import hub_settings_in, now_clock
from tests.sync.conftest import make_village

JPEG = b"\xff\xd8\xff\xe0"


@pytest.fixture
def tight_hub(tmp_path: Path) -> Iterator[LiveHub]:
    """A hub that allows 3 enrolments and 3 logins at once per address, then 6 a minute."""
    clock = now_clock()
    limits = RateLimits(enrol=RateLimit(burst=3, per_minute=6),
                        login=RateLimit(burst=3, per_minute=6))
    live = start_live_hub(hub_settings_in(tmp_path / "hub", clock, rate_limits=limits,
                                          max_body_bytes=64 * 1024,
                                          max_attachment_bytes=32 * 1024), clock)
    yield live
    live.stop()
    live.hub.close()


def _enrol_attempt(live: LiveHub, code: str = "AAAA-BBBB-CCCC") -> requests.Response:
    return live.post("/v1/enroll", json={"code": code, "device_tag": "A01", "app_version": "1"})


def test_guessing_enrolment_codes_is_slowed_per_address(tight_hub: LiveHub) -> None:
    answers = [_enrol_attempt(tight_hub).status_code for _ in range(5)]
    assert answers == [403, 403, 403, 429, 429]
    r = _enrol_attempt(tight_hub)
    assert r.json()["error"]["code"] == "too_many_attempts"
    assert 1 <= int(r.headers["Retry-After"]) <= 10     # one more every 10 s here
    # even a right code waits: the limit is on the address, before the code is looked at
    good = tight_hub.hub.enrolment.create_code(village_code=VILLAGE_A).code
    assert _enrol_attempt(tight_hub, good).status_code == 429
    # and the code was not used up by the refused attempt
    assert tight_hub.hub.enrolment.enroll(EnrollRequest(
        code=good, device_tag="A02", app_version="1")).village_code == VILLAGE_A


def test_guessing_passwords_is_slowed_per_address_across_accounts(tight_hub: LiveHub) -> None:
    for name in ("rina", "budi", "sari", "tono"):
        add_account(tight_hub, name)
    # one wrong password per account: the account lockout never triggers, the address limit does
    codes = [tight_hub.post("/v1/review/login", json={"username": n, "password": "salah-salah"}
                            ).status_code for n in ("rina", "budi", "sari", "tono")]
    assert codes == [401, 401, 401, 429]
    assert int(tight_hub.post("/v1/review/login", json={"username": "tono",
                                                        "password": PASSWORD}
                              ).headers["Retry-After"]) >= 1
    # other routes are not limited
    assert all(tight_hub.get("/health").status_code == 200 for _ in range(10))


def test_token_buckets_refill_and_keep_addresses_apart() -> None:
    now = [0.0]
    buckets = TokenBuckets(lambda: now[0])
    limit = RateLimit(burst=2, per_minute=6)          # one every 10 s
    a, b = ("login", "10.0.0.1"), ("login", "10.0.0.2")
    assert [buckets.take(a, limit) for _ in range(3)] == [0.0, 0.0, 10.0]
    assert buckets.take(b, limit) == 0.0
    now[0] = 5.0
    assert buckets.take(a, limit) == pytest.approx(5.0)
    now[0] = 10.0
    assert buckets.take(a, limit) == 0.0
    now[0] = 1000.0                                    # never more than the burst
    assert [buckets.take(a, limit) for _ in range(3)] == [0.0, 0.0, pytest.approx(10.0)]


def test_request_bodies_are_capped_after_decompression(tight_hub: LiveHub) -> None:
    device = tight_hub.enrol()
    bomb = gzip.compress(b"[" + b" " * (1024 * 1024) + b"]")      # 1 MiB of JSON in ~1 KiB
    r = device.request("POST", "/v1/push", data=bomb, headers={
        "Content-Type": "application/json", "Content-Encoding": "gzip"})
    assert (r.status_code, r.json()["error"]["code"]) == (413, "payload_too_large")
    r = device.request("POST", "/v1/push", data=b"x" * (128 * 1024),
                       headers={"Content-Type": "application/json"})
    assert r.status_code == 413


def test_attachments_are_judged_by_content_and_size_at_the_hub(tight_hub: LiveHub) -> None:
    device = tight_hub.enrol()
    exe = b"MZ\x90\x00" + b"\x00" * 2000                # a Windows program named foto.jpg
    html = b"<html><script>alert(1)</script></html>" * 20
    pdf = b"%PDF-1.7\n" + b"0" * 1500
    envs = [device.complaint(attachments=[attachment(x, "foto.jpg")]) for x in (exe, html, pdf)]
    too_big = device.complaint(attachments=[attachment(JPEG + bytes(40 * 1024))])
    typed = attachment(JPEG + b"1" * 100).model_copy(update={"media_type": "text/html"})
    bad_type = device.complaint(attachments=[typed])
    bad_name = device.complaint(attachments=[attachment(JPEG + b"2" * 100, "../../hub.sqlite3")])
    results = device.push_ok([*envs, too_big, bad_type, bad_name]).results
    assert [r.outcome for r in results] == ["accepted"] * 3 + ["rejected"] * 3
    assert [r.reason for r in results[3:]] == [
        "attachments.0.size: too_large", "attachments.0.media_type: not_allowed",
        "attachments.0.filename: unsafe"]
    for env, content, status in zip(envs, (exe, html, pdf), (415, 415, 200), strict=True):
        sha = env.payload.attachments[0].sha256
        r = device.request("PUT", f"/v1/attachments/{sha}", data=content, headers={
            "Content-Range": f"bytes 0-{len(content) - 1}/{len(content)}"})
        assert r.status_code == status, r.text
        if status == 415:
            assert r.json()["error"]["code"] == "unsupported_media_type"
            assert not tight_hub.hub.attachments.path(sha).exists()
            assert not list(tight_hub.settings.attachments_dir.rglob(f"{sha[2:]}*"))


def test_the_village_judges_attachments_by_content_not_by_name(tmp_path: Path) -> None:
    core = make_village(tmp_path, "desa")
    (tmp_path / "foto.jpg").write_bytes(b"MZ\x90\x00" + b"\x00" * 100)
    (tmp_path / "surat.pdf").write_bytes(b"<html></html>")
    (tmp_path / "gambar.txt").write_bytes(JPEG + b"\x00" * 100)     # a JPEG, oddly named
    for name in ("foto.jpg", "surat.pdf"):
        with pytest.raises(ValidationFailed) as e:
            core.complaints.add([(complaint_data(attachments=[name]), tmp_path)], submit=False)
        assert [p.code for p in e.value.problems] == ["file_type"]
    [ok] = core.complaints.add([(complaint_data(attachments=["gambar.txt"]), tmp_path)],
                               submit=False)
    assert [(a.filename, a.media_type) for a in ok.attachments] == [
        ("gambar.txt", "image/jpeg")]


NASTY = [
    ("../../etc/passwd", "passwd"),
    ("..\\..\\Windows\\System32\\drivers\\etc\\hosts", "hosts"),
    ("/etc/shadow", "shadow"),
    ("C:\\Users\\kim\\NTUSER.DAT", "NTUSER.DAT"),
    ("C:boot.ini", "boot.ini"),
    ("\\\\server\\share\\x.pdf", "x.pdf"),
    ("foto\0.jpg.exe", "foto_.jpg.exe"),
    ("CON", "_CON"),
    ("con.jpg", "_con.jpg"),
    ("LPT1.pdf", "_LPT1.pdf"),
    ("nul", "_nul"),
    ("..", "lampiran"),
    ("...", "lampiran"),
    (" . ", "lampiran"),
    ("", "lampiran"),
    ("foto. . .", "foto"),
    ("a" * 300 + ".jpg", "a" * 120),
    ("bukti (1).JPG", "bukti (1).JPG"),
    ("tanda-terima-LTM-0412-A01-0007.pdf", "tanda-terima-LTM-0412-A01-0007.pdf"),
]


@pytest.mark.parametrize(("name", "expected"), NASTY)
def test_names_from_outside_become_one_plain_file_name(name: str, expected: str,
                                                       tmp_path: Path) -> None:
    safe = safe_filename(name)
    assert safe == expected
    assert is_safe_filename(safe)
    target = (tmp_path / safe).resolve()
    assert target.parent == tmp_path.resolve()


def test_attachment_names_kept_by_the_village_are_plain_names(tmp_path: Path) -> None:
    core = make_village(tmp_path, "desa")
    odd = tmp_path / "CON.jpg"
    odd.write_bytes(JPEG + b"\x00" * 64)
    [made] = core.complaints.add([(complaint_data(attachments=[odd.name]), tmp_path)],
                                 submit=True)
    [att] = made.attachments
    assert att.filename == "_CON.jpg"
    exported = json.loads(json.dumps(core.complaints.export_record(made.id), default=str))
    assert [a["filename"] for a in exported["attachments"]] == ["_CON.jpg"]
    # content-addressed store: the path comes from the hash, not the name
    stored = core.paths.attachments / att.sha256[:2] / att.sha256
    assert hashlib.sha256(stored.read_bytes()).hexdigest() == att.sha256
