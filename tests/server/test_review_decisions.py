"""The review API: the batch inbox, masked records and the logged reveal, decisions one by one
and in bulk, classification history, locks, overdue lists and village sync health."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import timedelta

from hub_testkit import VILLAGE_A, VILLAGE_B, LiveHub
from review_kit import login

CATEGORY = "pekerjaan-umum-dan-penataan-ruang/infrastruktur-jalan"


def test_batches_by_village_date_and_state(live_hub: LiveHub) -> None:
    a, b = live_hub.enrol(), live_hub.enrol(VILLAGE_B)
    first = a.push_ok([a.complaint(), a.complaint()])
    live_hub.clock.advance(timedelta(days=2))
    b.push_ok([b.complaint()])
    reviewer = login(live_hub)
    all_batches = reviewer.ok("GET", "/batches")
    assert [x["village_code"] for x in all_batches] == [VILLAGE_B, VILLAGE_A]
    only_a = reviewer.ok("GET", "/batches", params={"village_code": VILLAGE_A})
    assert [x["batch_id"] for x in only_a] == [str(first.batch_id)]
    assert only_a[0]["counts"] == {"received": 2} and only_a[0]["state"] == "open"
    day = (live_hub.clock() + timedelta(hours=8)).date().isoformat()
    assert [x["village_code"] for x in reviewer.ok(
        "GET", "/batches", params={"date_from": day})] == [VILLAGE_B]
    records = reviewer.ok("GET", f"/batches/{first.batch_id}/records")
    for rec in records:
        assert reviewer.decide(rec["id"], "verify").status_code == 200
    assert reviewer.ok("GET", "/batches", params={"state": "decided"})[0]["counts"] == {
        "verified": 2}
    assert [x["village_code"] for x in reviewer.ok(
        "GET", "/batches", params={"state": "open"})] == [VILLAGE_B]
    assert reviewer.request("GET", f"/batches/{uuid.uuid4()}/records").status_code == 404


def test_identity_is_hidden_until_a_logged_reveal(live_hub: LiveHub) -> None:
    device = live_hub.enrol()
    named, anon = device.complaint(), device.complaint(anonymous=True)
    device.push_ok([named, anon])
    reviewer = login(live_hub)
    admin = login(live_hub, "kadis", "admin")
    detail = reviewer.ok("GET", f"/records/{named.id}")
    assert detail["payload"]["reporter"]["name"] == "Warga Contoh"
    assert {detail["payload"]["reporter"][k] for k in ("nik", "phone")} == {"***"}
    hidden = reviewer.ok("GET", f"/records/{anon.id}")["payload"]["reporter"]
    assert hidden["name"] == "***" and "7324040101800001" not in str(hidden)
    revealed = reviewer.ok("POST", f"/records/{anon.id}/reveal")
    assert revealed["nik"] == "7324040101800001"
    log = admin.ok("GET", "/reveals")
    assert [(e["record_id"], e["actor"]) for e in log] == [(str(anon.id), "rina")]


def test_decisions_flow_back_to_the_village(live_hub: LiveHub) -> None:
    device = live_hub.enrol()
    recs = [device.complaint() for _ in range(4)]
    device.push_ok(recs)
    reviewer = login(live_hub)
    assert reviewer.decide(recs[0].id, "return").status_code == 422  # a note is required
    assert reviewer.decide(recs[0].id, "return", note="Lengkapi lokasi").json()["status"] == \
        "returned"
    assert reviewer.decide(recs[1].id, "reject").status_code == 422  # a reason is required
    r = reviewer.decide(recs[1].id, "reject", reason="duplicate_of", duplicate_of=str(recs[2].id))
    assert r.json()["status"] == "rejected"
    assert reviewer.decide(recs[3].id, "reject", reason="abusive").status_code == 200
    assert reviewer.decide(recs[3].id, "verify").json()["error"]["code"] == "invalid_transition"
    feed = {c.id: c for c in device.all_changes().changes if c.status != "received"}
    assert feed[recs[0].id].note == "Lengkapi lokasi" and feed[recs[0].id].actor == "rina"
    assert feed[recs[1].id].note == f"[duplicate_of {recs[2].id}]"
    assert feed[recs[3].id].note == "[abusive]"


def test_bulk_decisions_report_each_item(live_hub: LiveHub) -> None:
    device = live_hub.enrol()
    recs = [device.complaint() for _ in range(3)]
    device.push_ok(recs)
    reviewer = login(live_hub)
    body = {"items": [{"record_id": str(recs[0].id), "action": "verify"},
                      {"record_id": str(recs[1].id), "action": "reject", "reason": "unclear"},
                      {"record_id": str(uuid.uuid4()), "action": "verify"},
                      {"record_id": str(recs[0].id), "action": "return", "note": "x"}]}
    results = reviewer.ok("POST", "/decisions", json=body)["results"]
    assert [(x["ok"], x["status"] or x["error_code"]) for x in results] == [
        (True, "verified"), (True, "rejected"), (False, "not_found"),
        (False, "invalid_transition")]


def test_classification_is_editable_and_kept_in_history(live_hub: LiveHub) -> None:
    device = live_hub.enrol()
    rec = device.complaint()
    device.push_ok([rec])
    reviewer = login(live_hub)
    r = reviewer.ok("PATCH", f"/records/{rec.id}/classification",
                    json={"agency_code": "dinas-pupr"})
    assert r == {"category_code": CATEGORY, "agency_code": "dinas-pupr"}
    reviewer.ok("PATCH", f"/records/{rec.id}/classification", json={"category_code": "lainnya"})
    detail = reviewer.ok("GET", f"/records/{rec.id}")
    assert (detail["category_code"], detail["agency_code"]) == ("lainnya", "dinas-pupr")
    assert [(h["old"]["category_code"], h["new"]["category_code"], h["actor"])
            for h in detail["classification_history"]] == [
        (CATEGORY, CATEGORY, "rina"), (CATEGORY, "lainnya", "rina")]


def test_a_lock_keeps_a_second_reviewer_out_until_it_expires(live_hub: LiveHub) -> None:
    device = live_hub.enrol()
    rec = device.complaint()
    device.push_ok([rec])
    rina, budi = login(live_hub), login(live_hub, "budi")
    assert rina.ok("POST", f"/records/{rec.id}/lock")["locked_by"] == "rina"
    r = budi.request("POST", f"/records/{rec.id}/lock")
    assert r.status_code == 409 and r.json()["error"]["code"] == "locked"
    assert budi.decide(rec.id, "verify").status_code == 409
    assert budi.request("PATCH", f"/records/{rec.id}/classification",
                        json={"agency_code": "x"}).status_code == 409
    live_hub.clock.advance(timedelta(minutes=11))
    assert budi.ok("POST", f"/records/{rec.id}/lock")["locked_by"] == "budi"
    assert budi.decide(rec.id, "verify").status_code == 200
    assert rina.ok("GET", f"/records/{rec.id}")["locked_by"] is None  # released by the decision


def test_overdue_after_three_working_days(start_hub: Callable[..., LiveHub]) -> None:
    live_hub = start_hub(login_ttl=timedelta(days=60))
    # START is Monday 10 March 2025 09:30 WITA: due Thursday 13 March
    device = live_hub.enrol()
    late, done = device.complaint(), device.complaint()
    device.push_ok([late, done])
    reviewer = login(live_hub)
    reviewer.decide(done.id, "reject", reason="not_public_service")
    live_hub.clock.advance(timedelta(days=3))  # Thursday: due today, not late
    assert reviewer.ok("GET", "/overdue") == []
    live_hub.clock.advance(timedelta(days=1))  # Friday
    items = reviewer.ok("GET", "/overdue")
    assert [(x["id"], x["due"], x["working_days_late"]) for x in items] == [
        (str(late.id), "2025-03-13", 1)]


def test_overdue_skips_national_holidays(start_hub: Callable[..., LiveHub]) -> None:
    live_hub = start_hub(login_ttl=timedelta(days=60))
    # Friday 28 March 2025 WITA; 31 March and 1 April are Idul Fitri: due Friday 4 April
    # (without the holidays it would be Wednesday 2 April)
    live_hub.clock.advance(timedelta(days=18))
    device = live_hub.enrol()
    rec = device.complaint()
    device.push_ok([rec])
    reviewer = login(live_hub)
    live_hub.clock.advance(timedelta(days=7))  # Friday 4 April
    assert reviewer.ok("GET", "/overdue") == []
    live_hub.clock.advance(timedelta(days=3))  # Monday 7 April
    assert [x["due"] for x in reviewer.ok("GET", "/overdue")] == ["2025-04-04"]


def test_sync_health_per_village(live_hub: LiveHub) -> None:
    a, b = live_hub.enrol(), live_hub.enrol(VILLAGE_B)
    r = a.request("POST", "/v1/handshake", json={
        "protocol_version": 1, "app_version": "0.2.0",
        "client_time": (live_hub.clock() - timedelta(minutes=5)).isoformat()})
    assert r.status_code == 200, r.text
    a.push_ok([a.complaint(), a.complaint()])
    reviewer = login(live_hub)
    health = {v["village_code"]: v for v in reviewer.ok("GET", "/sync-health")}
    assert health[VILLAGE_A]["backlog_received"] == 2
    assert health[VILLAGE_A]["last_contact_at"] is not None
    dev = health[VILLAGE_A]["devices"][0]
    assert dev["app_version"] == "0.2.0" and abs(dev["clock_offset_seconds"] - 300) < 5
    assert health[VILLAGE_B]["backlog_received"] == 0 and b.id in str(health[VILLAGE_B])
