"""District accounts: scrypt passwords, expiring login tokens, lockout, and the separation of
login tokens (review routes) from device tokens (device routes)."""

from __future__ import annotations

import io
import sys
import uuid
from datetime import timedelta
from pathlib import Path

import pytest
import requests
from fastapi.routing import APIRoute
from hub_testkit import LiveHub
from review_kit import PASSWORD, add_account, login
from sqlalchemy import select

from sync.server import cli
from sync.server.accounts import MAX_FAILED_LOGINS, check_password
from sync.server.models import UserRow, UserSessionRow
from sync.server.settings import sqlite_url


def test_password_is_stored_as_scrypt_and_token_only_as_hash(live_hub: LiveHub) -> None:
    reviewer = login(live_hub)
    with live_hub.hub.db.reads() as s:
        user = s.get(UserRow, "rina")
        sessions = list(s.scalars(select(UserSessionRow)))
    assert user is not None and user.password_hash.startswith("scrypt$32768$8$1$")
    assert PASSWORD not in user.password_hash and check_password(PASSWORD, user.password_hash)
    assert [len(x.token_hash) for x in sessions] == [64]
    assert reviewer.token not in sessions[0].token_hash
    assert reviewer.request("GET", "/batches").status_code == 200


def test_device_tokens_cannot_review_and_login_tokens_cannot_sync(live_hub: LiveHub) -> None:
    device = live_hub.enrol()
    reviewer = login(live_hub)
    for method, path in [("GET", "/batches"), ("GET", "/overdue"), ("GET", "/sync-health"),
                         ("POST", "/forwarding/run")]:
        r = device.request(method, "/v1/review" + path)
        assert r.status_code == 401 and r.json()["error"]["code"] == "unauthorized", path
    r = reviewer.http.get(live_hub.base_url + "/v1/changes")
    assert r.status_code == 401
    r = reviewer.http.post(live_hub.base_url + "/v1/push", json={"batch_id": "x", "records": []})
    assert r.status_code in (401, 422)


def test_login_token_expires_and_logout_revokes(live_hub: LiveHub) -> None:
    reviewer = login(live_hub)
    live_hub.clock.advance(timedelta(hours=8, seconds=1))
    assert reviewer.request("GET", "/batches").status_code == 401
    again = login(live_hub, create=False)
    assert again.request("GET", "/batches").status_code == 200
    assert again.request("POST", "/logout").status_code == 204
    assert again.request("GET", "/batches").status_code == 401


def test_repeated_failures_lock_the_account_for_a_while(live_hub: LiveHub) -> None:
    add_account(live_hub)
    for _ in range(MAX_FAILED_LOGINS):
        r = live_hub.post("/v1/review/login", json={"username": "rina", "password": "wrong"})
        assert r.status_code == 401
    r = live_hub.post("/v1/review/login", json={"username": "rina", "password": PASSWORD})
    assert r.status_code == 429 and r.json()["error"]["code"] == "too_many_attempts"
    live_hub.clock.advance(timedelta(minutes=16))
    r = live_hub.post("/v1/review/login", json={"username": "rina", "password": PASSWORD})
    assert r.status_code == 200
    r = live_hub.post("/v1/review/login", json={"username": "nobody", "password": PASSWORD})
    assert r.status_code == 401


def test_reveal_log_is_for_admins_only(live_hub: LiveHub) -> None:
    reviewer = login(live_hub)
    admin = login(live_hub, "admin1", "admin")
    assert reviewer.request("GET", "/reveals").status_code == 403
    assert admin.request("GET", "/reveals").json() == []


def test_cli_user_add_reads_the_password_from_stdin(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    db = sqlite_url(tmp_path / "hub.sqlite3")
    assert cli.main(["--db", db, "--data-dir", str(tmp_path), "init"]) == 0
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSWORD + "\n"))
    assert cli.main(["--db", db, "--data-dir", str(tmp_path), "user", "add", "rina",
                     "--role", "reviewer"]) == 0
    monkeypatch.setattr(sys, "stdin", io.StringIO("short\n"))
    assert cli.main(["--db", db, "--data-dir", str(tmp_path), "user", "add", "budi",
                     "--role", "admin"]) == 2
    out = capsys.readouterr()
    assert PASSWORD not in out.out + out.err
    assert PASSWORD not in (tmp_path / "logs" / "kim-hub.log").read_text()



def _review_routes(live: LiveHub) -> list[tuple[str, str]]:
    return sorted((method, route.path) for route in live.app.routes
                  if isinstance(route, APIRoute) and route.path.startswith("/v1/review/")
                  and route.path != "/v1/review/login" for method in route.methods)


def test_every_review_route_refuses_device_expired_and_missing_tokens(
        live_hub: LiveHub) -> None:
    device = live_hub.enrol()
    env = device.complaint()
    device.push_ok([env])
    reviewer = login(live_hub)
    routes = _review_routes(live_hub)
    assert len(routes) >= 22
    assert {("GET", "/v1/review/records/{record_id}/duplicates"),
            ("GET", "/v1/review/reports/summary"), ("GET", "/v1/review/reports/export"),
            ("POST", "/v1/review/bundles")} <= set(routes)
    live_hub.clock.advance(timedelta(hours=9))  # the reviewer's login has expired
    for method, path in routes:
        url = live_hub.base_url + path.replace("{record_id}", str(env.id)).replace(
            "{batch_id}", str(uuid.uuid4()))
        for headers in ({"Authorization": f"Bearer {device.token}"},
                        {"Authorization": f"Bearer {reviewer.token}"}, {}):
            r = requests.request(method, url, headers=headers, json={}, timeout=30)
            assert r.status_code == 401, (method, path, r.text)
    assert [c.status for c in device.all_changes().changes] == ["received"]
