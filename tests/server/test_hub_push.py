"""Push: exactly once by batch id and by (id, revision); conflicts, rejections, atomic batches."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from datetime import timedelta

import pytest
from hub_testkit import VILLAGE_A, VILLAGE_B, LiveHub, revise
from sqlalchemy import func, select

from kim_desktop.domain.errors import InvalidTransition
from kim_desktop.domain.problems import Problem
from sync.protocol import RecordEnvelope
from sync.server.models import BatchRow, ChangeRow, CurrentRecordRow, RecordRow


def _count(live: LiveHub, model: type) -> int:
    with live.hub.db.reads() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


def test_accepted_batch_repeated_returns_the_same_results(live_hub: LiveHub) -> None:
    device = live_hub.enrol()
    records = [device.complaint() for _ in range(3)] + [device.activity()]
    batch_id = uuid.uuid4()
    first = device.push_ok(records, batch_id)
    assert [r.outcome for r in first.results] == ["accepted"] * 4
    assert [r.id for r in first.results] == [e.id for e in records]  # request order
    assert all(r.server_version == 1 and r.received_at is not None for r in first.results)
    live_hub.clock.advance(timedelta(hours=1))
    again = device.push_ok(records, batch_id)
    assert again == first  # the stored response, byte for byte the same receipts
    assert _count(live_hub, RecordRow) == 4 and _count(live_hub, BatchRow) == 1
    statuses = [c.status for c in device.all_changes().changes]
    assert statuses == ["received"] * 4


def test_same_record_in_another_batch_is_a_duplicate_with_the_original_receipt(
        live_hub: LiveHub) -> None:
    device = live_hub.enrol()
    env = device.complaint()
    original = device.push_ok([env]).results[0]
    live_hub.clock.advance(timedelta(minutes=5))
    resent = device.push_ok([env, device.complaint()]).results
    assert resent[0].outcome == "duplicate"
    assert (resent[0].received_at, resent[0].server_version) == (original.received_at, 1)
    assert resent[1].outcome == "accepted"
    assert _count(live_hub, RecordRow) == 2
    assert len(device.all_changes().changes) == 2  # a duplicate adds nothing to the feed


def test_same_revision_with_other_content_is_a_conflict(live_hub: LiveHub) -> None:
    device = live_hub.enrol()
    env = device.complaint()
    device.push_ok([env])
    changed = RecordEnvelope.wrap(env.id, 1, env.payload.model_copy(update={"title": "Lain"}))
    result = device.push_ok([changed]).results[0]
    assert (result.outcome, result.reason_code) == ("conflict", "content_mismatch")
    assert device.reconcile([env]).items[0].content_hash == env.content_hash


def test_revisions_need_the_current_base_version(live_hub: LiveHub) -> None:
    device = live_hub.enrol()
    env = device.complaint()
    device.push_ok([env])
    no_base = revise(env, None, title="Perbaikan judul laporan")
    wrong_base = revise(env, 7, title="Perbaikan judul laporan")
    results = device.push_ok([no_base]).results + device.push_ok([wrong_base]).results
    assert [(r.outcome, r.reason_code) for r in results] == [
        ("conflict", "base_version_mismatch")] * 2
    assert results[0].server_version == 1  # tells the client where the hub is
    rev2 = revise(env, 1, title="Perbaikan judul laporan")
    ok = device.push_ok([rev2]).results[0]
    assert (ok.outcome, ok.server_version) == ("accepted", 2)
    stale = device.push_ok([env]).results[0]
    assert stale.outcome == "duplicate"  # revision 1 itself is still known
    older = RecordEnvelope.wrap(env.id, 1, env.payload.model_copy(update={"body": "x" * 40}))
    assert device.push_ok([older]).results[0].reason_code == "content_mismatch"


def test_lower_revision_than_the_latest_is_a_conflict(live_hub: LiveHub) -> None:
    device = live_hub.enrol()
    env = device.complaint()
    rev3 = RecordEnvelope.wrap(env.id, 3, env.payload)
    device.push_ok([rev3])
    result = device.push_ok([revise(env, 1, title="Judul revisi dua")]).results[0]
    assert (result.outcome, result.reason_code) == ("conflict", "stale_revision")


def test_returned_record_resubmitted_goes_back_to_received(live_hub: LiveHub) -> None:
    device = live_hub.enrol()
    env = device.complaint()
    device.push_ok([env])
    live_hub.hub.feed.record_status_change(record_id=env.id, status="returned",
                                           actor="reviewer1", note="Lengkapi lokasi")
    fixed = revise(env, 1, location_detail="Dusun II RT 03, depan SD")
    assert device.push_ok([fixed]).results[0].outcome == "accepted"
    feed = device.all_changes().changes
    assert [(c.status, c.revision) for c in feed] == [
        ("received", 1), ("returned", 1), ("received", 2)]
    assert feed[1].note == "Lengkapi lokasi" and feed[1].actor == "reviewer1"


@pytest.mark.parametrize("decision", ["verified", "rejected"])
def test_new_revision_after_a_district_decision_is_a_conflict(live_hub: LiveHub,
                                                              decision: str) -> None:
    device = live_hub.enrol()
    env = device.complaint()
    device.push_ok([env])
    live_hub.hub.feed.record_status_change(record_id=env.id, status=decision, actor="reviewer1")
    result = device.push_ok([revise(env, 1, title="Judul diubah lagi")]).results[0]
    assert (result.outcome, result.reason_code) == ("conflict", "closed_by_district")
    assert device.reconcile([env]).items[0].status == decision


def test_status_changes_follow_the_domain_status_machine(live_hub: LiveHub) -> None:
    device = live_hub.enrol()
    env = device.complaint()
    device.push_ok([env])
    with pytest.raises(InvalidTransition):
        live_hub.hub.feed.record_status_change(record_id=env.id, status="resolved", actor="r")
    feed = live_hub.hub.feed
    feed.record_status_change(record_id=env.id, status="verified", actor="r")
    feed.record_status_change(record_id=env.id, status="forwarded", actor="r",
                              lapor_tracking_id="4567890", lapor_status_raw="Terverifikasi")
    last = device.all_changes().changes[-1]
    assert (last.status, last.lapor_tracking_id, last.lapor_status_raw) == (
        "forwarded", "4567890", "Terverifikasi")


def test_rejected_records_do_not_stop_the_rest_of_the_batch(
        start_hub: Callable[..., LiveHub]) -> None:
    def check(env: RecordEnvelope) -> Sequence[Problem]:
        if env.complaint is not None and len(env.complaint.title) < 5:
            return [Problem("title", "too_short", "Judul terlalu pendek", "Title too short")]
        return ()

    live = start_hub(payload_check=check)
    device = live.enrol()
    good, short = device.complaint(), device.complaint(title="Ups")
    tampered = device.complaint().model_copy(update={"content_hash": "0" * 64})
    elsewhere = device.complaint(village_code=VILLAGE_B)   # an incident in a neighbouring desa
    results = device.push_ok([good, short, tampered, elsewhere]).results
    assert [(r.outcome, r.reason_code) for r in results] == [
        ("accepted", None), ("rejected", "invalid"), ("rejected", "content_hash_mismatch"),
        ("accepted", None)]
    assert results[1].reason == "title: too_short"  # names the field, never the value


def test_tracking_numbers_stay_unique(live_hub: LiveHub) -> None:
    device = live_hub.enrol()
    env = device.complaint()
    clash = RecordEnvelope.wrap(uuid.uuid4(), 1, env.payload)
    assert device.push_ok([env]).results[0].outcome == "accepted"
    result = device.push_ok([clash]).results[0]
    assert (result.outcome, result.reason_code) == ("rejected", "tracking_no_taken")
    # within one batch, one of the two wins and the other is set aside
    one, two = device.complaint(), device.complaint()
    two = RecordEnvelope.wrap(two.id, 1, one.payload)
    outcomes = sorted((r.outcome, r.reason_code) for r in device.push_ok([one, two]).results)
    assert outcomes == [("accepted", None), ("rejected", "tracking_no_taken")]


def test_entity_of_an_id_cannot_change(live_hub: LiveHub) -> None:
    device = live_hub.enrol()
    env = device.complaint()
    device.push_ok([env])
    as_activity = RecordEnvelope.wrap(env.id, 2, device.activity().payload, base_version=1)
    result = device.push_ok([as_activity]).results[0]
    assert (result.outcome, result.reason_code) == ("rejected", "entity_mismatch")


def test_a_batch_is_stored_whole_or_not_at_all(start_hub: Callable[..., LiveHub]) -> None:
    armed = {"on": True}

    def exploding_check(env: RecordEnvelope) -> Sequence[Problem]:
        if armed["on"] and env.complaint is not None and env.complaint.title == "BOOM rekaman":
            raise RuntimeError("simulated crash in the middle of a batch")
        return ()

    live: LiveHub = start_hub(payload_check=exploding_check)
    device = live.enrol()
    records = [device.complaint(), device.complaint(title="BOOM rekaman"), device.complaint()]
    batch_id = uuid.uuid4()
    r = device.push(records, batch_id)
    assert r.status_code == 500 and r.json()["error"]["code"] == "internal"
    assert not any(item.present for item in device.reconcile(records).items)
    assert device.all_changes().changes == []
    for model in (BatchRow, RecordRow, CurrentRecordRow, ChangeRow):
        assert _count(live, model) == 0, model.__tablename__
    armed["on"] = False  # the client retries the very same batch later
    assert [x.outcome for x in device.push_ok(records, batch_id).results] == ["accepted"] * 3


def test_batch_id_of_another_device_is_refused(live_hub: LiveHub) -> None:
    a, b = live_hub.enrol(), live_hub.enrol()
    batch_id = uuid.uuid4()
    a.push_ok([a.complaint()], batch_id)
    r = b.push([b.complaint()], batch_id)
    assert r.status_code == 409 and r.json()["error"]["code"] == "batch_conflict"


def test_another_operator_of_the_same_village_may_continue_a_record(live_hub: LiveHub) -> None:
    old_pc, new_pc = live_hub.enrol(VILLAGE_A), live_hub.enrol(VILLAGE_A)
    env = old_pc.complaint()
    old_pc.push_ok([env])
    live_hub.hub.feed.record_status_change(record_id=env.id, status="returned", actor="r")
    assert new_pc.push_ok([revise(env, 1, title="Judul dari PC baru")]).results[0].outcome == (
        "accepted")


def test_reconcile_answers_in_request_order(live_hub: LiveHub) -> None:
    device = live_hub.enrol()
    sent, unsent = device.complaint(), device.complaint()
    receipt = device.push_ok([sent]).results[0]
    items = device.reconcile([unsent, sent]).items
    assert [(i.id, i.present) for i in items] == [(unsent.id, False), (sent.id, True)]
    assert (items[1].server_version, items[1].received_at, items[1].status) == (
        receipt.server_version, receipt.received_at, "received")
    assert items[1].content_hash == sent.content_hash


def test_push_without_records_is_fine(live_hub: LiveHub) -> None:
    device = live_hub.enrol()
    assert device.push_ok([]).results == []
