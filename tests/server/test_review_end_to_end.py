"""End to end with a real hub and a stand-in SP4N-LAPOR!: a village pushes → a reviewer returns
with a note → the village pulls the note → the village resubmits a new revision → the reviewer
verifies and forwards → LAPOR! receives it exactly once, without identity (anonymous) → a LAPOR!
status change reaches the village with the tracking id and the raw text. A second complaint
goes the manual way."""

from __future__ import annotations

from datetime import timedelta

from hub_testkit import LiveHub, revise
from lapor_standin import LaporStandin
from review_kit import login


def test_village_to_lapor_and_back(lapor_hub: LiveHub, lapor_standin: LaporStandin) -> None:
    village = lapor_hub.enrol()
    anon, named = village.complaint(anonymous=True), village.complaint()
    receipt = village.push_ok([anon, named])
    assert {r.outcome for r in receipt.results} == {"accepted"}
    rina = login(lapor_hub)

    # the reviewer finds the batch in the inbox and returns the anonymous complaint
    batch = rina.ok("GET", "/batches", params={"state": "open"})[0]
    assert batch["counts"] == {"received": 2}
    rina.ok("POST", f"/records/{anon.id}/lock")
    assert rina.decide(anon.id, "return", note="Sebutkan RT/RW lokasi").status_code == 200

    # the village pulls the note, edits and resubmits a new revision
    pulled = village.all_changes()
    returned = [c for c in pulled.changes if c.id == anon.id and c.status == "returned"]
    assert [c.note for c in returned] == ["Sebutkan RT/RW lokasi"]
    fixed = revise(anon, 1, location_detail="Dusun II RT 03 / RW 01, depan SD")
    assert village.push_ok([fixed]).results[0].outcome == "accepted"
    assert rina.ok("GET", f"/records/{anon.id}")["status"] == "received"

    # verified and forwarded over the API (the first attempt fails: retried)
    assert rina.decide(anon.id, "verify").json()["status"] == "verified"
    lapor_standin.plan.append("fail")
    assert rina.ok("POST", f"/records/{anon.id}/forward", json={"via": "http"})["state"] == \
        "pending"
    lapor_hub.clock.advance(timedelta(minutes=1))
    assert rina.ok("POST", "/forwarding/run")["sent"] == 1
    assert len(lapor_standin.reports) == 1
    body = lapor_standin.received[-1]["body"]
    assert body["lokasi"] == "Dusun II RT 03 / RW 01, depan SD" and body["anonim"] is True
    assert "Warga Contoh" not in str(lapor_standin.received)
    assert "7324040101800001" not in str(lapor_standin.received)
    tracking = next(iter(lapor_standin.reports.values()))

    # the other one by hand
    assert rina.decide(named.id, "verify").status_code == 200
    rina.ok("POST", f"/records/{named.id}/forward", json={"via": "manual"})
    assert "Warga Contoh" in rina.ok("GET", f"/records/{named.id}/lapor-sheet")
    rina.ok("POST", f"/records/{named.id}/lapor-tracking-id", json={"lapor_tracking_id": "4999999"})
    assert len(lapor_standin.reports) == 1

    # LAPOR! moves on; the hub pulls it and the village sees it after its next sync
    lapor_standin.statuses[tracking] = "Terdisposisi"
    assert rina.ok("POST", "/forwarding/run")["statuses_changed"] == 1
    rina.ok("POST", f"/records/{named.id}/lapor-status", json={"raw": "Ditindaklanjuti"})
    news = village.changes(pulled.next_cursor, limit=100).changes
    latest = {c.id: c for c in news}
    assert (latest[anon.id].status, latest[anon.id].lapor_tracking_id,
            latest[anon.id].lapor_status_raw) == ("dispositioned", tracking, "Terdisposisi")
    assert (latest[named.id].status, latest[named.id].lapor_tracking_id,
            latest[named.id].lapor_status_raw) == ("in_progress", "4999999", "Ditindaklanjuti")
    assert [c.status for c in news if c.id == anon.id] == [
        "received", "verified", "forwarded", "dispositioned"]
    assert [(c.revision) for c in news if c.id == anon.id] == [2, 2, 2, 2]
