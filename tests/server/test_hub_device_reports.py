"""Device reports: each village device tells the hub its unsent backlog and last sync error
(``PUT /v1/device-report``); the hub keeps the latest on the device's row and shows it in the
district's sync-health view. A device reports only for itself, with its device token."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import requests
from hub_testkit import VILLAGE_A, VILLAGE_B, LiveHub
from review_kit import login

from sync.protocol import DeviceReport, DeviceReportReceipt
from sync.server.models import DeviceRow

PATH = "/v1/device-report"


def report(**changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {"pending": 4, "set_aside": 1,
                            "oldest_pending_at": "2025-03-08T01:15:00+00:00",
                            "last_error": "offline", "last_error_at": "2025-03-09T23:40:00Z",
                            "app_version": "0.9.4"}
    return {**body, **changes}


def test_the_report_is_stored_on_the_device_row_and_answered(live_hub: LiveHub) -> None:
    device = live_hub.enrol()
    r = device.request("PUT", PATH, report())
    assert r.status_code == 200, r.text
    got = DeviceReportReceipt.model_validate_json(r.content)
    assert got.reported_at == live_hub.clock()
    assert (got.pending, got.set_aside, got.last_error) == (4, 1, "offline")
    with live_hub.hub.db.reads() as s:
        row = s.get(DeviceRow, device.id)
        assert row is not None
        assert (row.report_pending, row.report_set_aside, row.report_last_error) == (4, 1,
                                                                                     "offline")
        assert row.report_oldest_pending_at == datetime(2025, 3, 8, 1, 15, tzinfo=UTC)
        assert row.report_last_error_at == datetime(2025, 3, 9, 23, 40, tzinfo=UTC)
        assert row.reported_at == live_hub.clock() and row.app_version == "0.9.4"
    # the next report replaces it: all sent, no error since the last one
    live_hub.clock.advance(timedelta(hours=1))
    r = device.request("PUT", PATH, DeviceReport(pending=0, set_aside=0, app_version="0.9.4"))
    assert r.status_code == 200, r.text
    with live_hub.hub.db.reads() as s:
        row = s.get(DeviceRow, device.id)
        assert row is not None and row.reported_at == live_hub.clock()
        assert (row.report_pending, row.report_oldest_pending_at, row.report_last_error,
                row.report_last_error_at) == (0, None, None, None)


def test_a_device_reports_only_for_itself(live_hub: LiveHub) -> None:
    me, neighbour, elsewhere = (live_hub.enrol(VILLAGE_A), live_hub.enrol(VILLAGE_A),
                                live_hub.enrol(VILLAGE_B))
    # a device id in the body is not a field of the report: refused, nothing stored
    r = me.request("PUT", PATH, report(device_id=neighbour.id))
    assert r.status_code == 422 and "device_id" in r.text
    assert me.request("PUT", PATH, report(pending=7)).status_code == 200
    with live_hub.hub.db.reads() as s:
        rows = {d.id: d for d in s.query(DeviceRow)}
    assert rows[me.id].report_pending == 7
    assert all(rows[d.id].reported_at is None for d in (neighbour, elsewhere))


def test_device_token_is_required_and_review_tokens_are_refused(live_hub: LiveHub) -> None:
    device = live_hub.enrol()
    reviewer = login(live_hub)
    anonymous = live_hub.base_url + PATH
    assert requests.put(anonymous, json=report(), timeout=30).status_code == 401
    r = reviewer.http.put(anonymous, json=report(), timeout=30)
    assert r.status_code == 401 and r.json()["error"]["code"] == "unauthorized"
    live_hub.hub.enrolment.revoke(device.id)
    r = device.request("PUT", PATH, report())
    assert r.status_code == 401 and r.json()["error"]["code"] == "enrolment_revoked"
    with live_hub.hub.db.reads() as s:
        assert all(d.reported_at is None for d in s.query(DeviceRow))


def test_bad_reports_are_refused_naming_the_field(live_hub: LiveHub) -> None:
    device = live_hub.enrol()
    for changes, field in (({"pending": -1}, "pending"),
                           ({"last_error": "Hub tidak tersedia: 10.0.0.5"}, "last_error"),
                           ({"last_error": "x" * 65}, "last_error"),
                           ({"oldest_pending_at": "2025-03-08T01:15:00"}, "oldest_pending_at"),
                           ({"last_error": None}, "last_error_at"),
                           ({"app_version": "9" * 65}, "app_version")):
        r = device.request("PUT", PATH, report(**changes))
        assert r.status_code == 422, (changes, r.text)
        assert r.json()["error"]["code"] == "invalid_request" and field in r.text, r.text
    with live_hub.hub.db.reads() as s:
        row = s.get(DeviceRow, device.id)
        assert row is not None and row.reported_at is None


def test_sync_health_shows_each_device_report_and_the_village_worst(live_hub: LiveHub) -> None:
    a1, a2, b = live_hub.enrol(VILLAGE_A), live_hub.enrol(VILLAGE_A), live_hub.enrol(VILLAGE_B)
    assert a1.request("PUT", PATH, report(pending=2, last_error=None, last_error_at=None,
                                          oldest_pending_at="2025-03-09T02:00:00Z")).ok
    assert a2.request("PUT", PATH, report(pending=5, set_aside=0,
                                          oldest_pending_at="2025-03-07T02:00:00Z")).ok
    health = {v["village_code"]: v for v in login(live_hub).ok("GET", "/sync-health")}
    village = health[VILLAGE_A]
    assert village["pending"] == 5
    assert _at(village["oldest_pending_at"]) == datetime(2025, 3, 7, 2, tzinfo=UTC)
    devices = {d["device_id"]: d for d in village["devices"]}
    assert (devices[a1.id]["pending"], devices[a1.id]["last_error"]) == (2, None)
    assert (devices[a2.id]["pending"], devices[a2.id]["set_aside"]) == (5, 0)
    assert devices[a2.id]["last_error"] == "offline"
    assert _at(devices[a2.id]["last_error_at"]) == datetime(2025, 3, 9, 23, 40, tzinfo=UTC)
    assert _at(devices[a2.id]["reported_at"]) == live_hub.clock()
    # a village whose device never reported: nothing is made up
    assert health[VILLAGE_B]["pending"] is None and health[VILLAGE_B]["oldest_pending_at"] is None
    [silent] = health[VILLAGE_B]["devices"]
    assert silent["device_id"] == b.id and silent["reported_at"] is None
    assert silent["pending"] is None and silent["last_error"] is None


def _at(text: str) -> datetime:
    value = datetime.fromisoformat(text)
    return value if value.tzinfo else value.replace(tzinfo=UTC)
