"""The review workspace's hub routes beyond decisions: duplicate hints across villages, the
district dashboard and its CSV/XLSX export, every deadline in the overdue list."""

from __future__ import annotations

import csv
import io
import uuid
from collections import Counter
from collections.abc import Callable
from datetime import date, timedelta

import openpyxl
from hub_testkit import VILLAGE_A, VILLAGE_B, LiveHub, revise
from review_kit import Reviewer, login

from kim_desktop.domain.deadlines import indonesian_calendar
from sync.protocol import RecordEnvelope

ROAD = "pekerjaan-umum-dan-penataan-ruang/infrastruktur-jalan"
BRIDGE = "pekerjaan-umum-dan-penataan-ruang/jembatan"
VILLAGE_A2 = "73.24.04.2001"        # Desa Harapan, Kec. Malili (A's kecamatan)
IDENTITY = ("Warga Contoh", "7324040101800001", "081234567890")
ROAD_TEXT = {"title": "Jalan poros dusun rusak parah",
             "body": "Jalan poros dusun rusak berat sejak Januari, berlubang dan becek, mohon "
                     "perbaikan sebelum musim hujan."}


def _long_hub(start_hub: Callable[..., LiveHub]) -> LiveHub:
    return start_hub(login_ttl=timedelta(days=200))


def test_duplicates_across_villages_best_first_without_identity(live_hub: LiveHub) -> None:
    a, b, a2 = live_hub.enrol(), live_hub.enrol(VILLAGE_B), live_hub.enrol(VILLAGE_A2)
    original = a.complaint(anonymous=True, **ROAD_TEXT)
    far = b.complaint(**ROAD_TEXT)                         # another kecamatan
    near = a2.complaint(**ROAD_TEXT)                       # the same kecamatan: scores higher
    unrelated = b.complaint(title="Air bersih tidak mengalir", body=(
        "Pipa air bersih ke dusun tidak mengalir selama dua minggu, warga kesulitan air minum."))
    other_category = b.complaint(category_code=BRIDGE, **ROAD_TEXT)
    a.push_ok([original])
    b.push_ok([far, unrelated, other_category])
    a2.push_ok([near])
    reviewer = login(live_hub)
    r = reviewer.request("GET", f"/records/{original.id}/duplicates")
    assert r.status_code == 200, r.text
    hints = r.json()
    assert [h["id"] for h in hints] == [str(near.id), str(far.id)]
    assert hints[0]["score"] > hints[1]["score"] and all(0 < h["score"] <= 1 for h in hints)
    assert hints[1]["village_name"] == "Maleku" and hints[1]["category_code"] == ROAD
    assert set(hints[0]) == {"id", "tracking_no", "village_code", "village_name", "title",
                             "category_code", "status", "created_at", "score"}
    assert not any(value in r.text for value in IDENTITY)
    # the one-click action: reject as a duplicate of the original; it is no longer offered
    done = reviewer.decide(far.id, "reject", reason="duplicate_of", duplicate_of=str(original.id))
    assert done.json()["status"] == "rejected"
    again = reviewer.ok("GET", f"/records/{original.id}/duplicates", params={"limit": 1})
    assert [h["id"] for h in again] == [str(near.id)]
    assert reviewer.ok("GET", f"/records/{unrelated.id}/duplicates") == []


def test_duplicates_refuse_unknown_records_and_sessions(live_hub: LiveHub) -> None:
    device = live_hub.enrol()
    session = device.activity()
    device.push_ok([session])
    reviewer = login(live_hub)
    assert reviewer.request("GET", f"/records/{uuid.uuid4()}/duplicates").status_code == 404
    r = reviewer.request("GET", f"/records/{session.id}/duplicates")
    assert r.status_code == 422 and "complaints" in r.json()["error"]["message"]
    assert reviewer.request("GET", f"/records/{session.id}/duplicates",
                            params={"limit": 0}).status_code == 422


def _pushed_set(live_hub: LiveHub, reviewer: Reviewer) -> dict[str, RecordEnvelope]:
    """Six complaints in two villages (one returned and resubmitted), two months, decisions."""
    a, b = live_hub.enrol(), live_hub.enrol(VILLAGE_B)
    recs = {"a1": a.complaint(), "a2": a.complaint(kind="information_request"),
            "a3": a.complaint(category_code=BRIDGE), "b1": b.complaint(), "b2": b.complaint()}
    a.push_ok([recs["a1"], recs["a2"], recs["a3"], a.activity()])
    b.push_ok([recs["b1"], recs["b2"]])
    assert reviewer.decide(recs["a1"].id, "return", note="Lengkapi lokasi").status_code == 200
    a.push_ok([revise(recs["a1"], 1, title="Jalan desa rusak parah di Dusun II")])
    assert reviewer.decide(recs["b1"].id, "verify").status_code == 200
    assert reviewer.decide(recs["b2"].id, "reject", reason="unclear").status_code == 200
    reviewer.ok("PATCH", f"/records/{recs['a3'].id}/classification",
                json={"category_code": "lainnya"})
    live_hub.clock.advance(timedelta(days=30))               # Wednesday 9 April 2025
    recs["b3"] = b.complaint()
    b.push_ok([recs["b3"]])
    return recs


def test_summary_counts_each_complaint_once_at_its_latest_revision(
        start_hub: Callable[..., LiveHub]) -> None:
    live_hub = _long_hub(start_hub)
    reviewer = login(live_hub)
    _pushed_set(live_hub, reviewer)
    s = reviewer.ok("GET", "/reports/summary")
    assert s["total"] == 6
    assert s["by_kecamatan"] == [{"code": "73.24.01", "name": "Mangkutana", "count": 3},
                                 {"code": "73.24.04", "name": "Malili", "count": 3}]
    assert [(v["code"], v["kecamatan_code"], v["count"]) for v in s["by_village"]] == [
        (VILLAGE_B, "73.24.01", 3), (VILLAGE_A, "73.24.04", 3)]
    assert s["by_status"] == [{"status": "received", "count": 4},
                              {"status": "rejected", "count": 1},
                              {"status": "verified", "count": 1}]
    assert {c["code"]: c["count"] for c in s["by_category"]} == {ROAD: 5, "lainnya": 1}
    assert s["by_month"] == [{"month": "2025-03", "count": 5}, {"month": "2025-04", "count": 1}]
    # 9 April: the four complaints of 10 March still waiting for the district are late to
    # verify (due 13 March); the one received today is not
    assert s["overdue"] == 4
    cov = s["coverage"]
    assert cov["sessions_by_village"] == [{"code": VILLAGE_A, "name": "Balantang",
                                           "kecamatan_code": "73.24.04", "sessions": 1,
                                           "participants": 2}]
    assert cov["sessions_by_kecamatan"] == [{"code": "73.24.04", "name": "Malili",
                                             "sessions": 1, "participants": 2}]
    assert cov["participants_by_gender"] == {"L": 1, "P": 1}
    assert cov["kim_basis"] == "enrolled"           # the district published no KIM list
    assert cov["kim_villages_without_session_90d"] == [
        {"code": VILLAGE_B, "name": "Maleku", "kecamatan_name": "Mangkutana",
         "last_session": None}]
    live_hub.clock.advance(timedelta(days=91))
    quiet = reviewer.ok("GET", "/reports/summary")["coverage"]["kim_villages_without_session_90d"]
    assert [(q["code"], q["last_session"]) for q in quiet] == [
        (VILLAGE_B, None), (VILLAGE_A, "2025-03-10")]


def test_summary_filters_and_their_refusals(start_hub: Callable[..., LiveHub]) -> None:
    live_hub = _long_hub(start_hub)
    reviewer = login(live_hub)
    _pushed_set(live_hub, reviewer)
    april = reviewer.ok("GET", "/reports/summary", params={"date_from": "2025-04-01"})
    assert (april["total"], april["overdue"], april["by_month"]) == (
        1, 0, [{"month": "2025-04", "count": 1}])
    assert april["coverage"]["sessions_by_village"] == []
    march_malili = reviewer.ok("GET", "/reports/summary", params={
        "date_to": "2025-03-31", "kecamatan_code": "73.24.04"})
    assert (march_malili["total"], [v["code"] for v in march_malili["by_village"]]) == (
        3, [VILLAGE_A])
    r = reviewer.request("GET", "/reports/summary", params={"kecamatan_code": "73.24.99"})
    assert r.status_code == 422 and "kecamatan_code" in r.json()["error"]["message"]
    r = reviewer.request("GET", "/reports/summary", params={"date_from": "2025-04-02",
                                                            "date_to": "2025-04-01"})
    assert r.status_code == 422 and "date_from" in r.json()["error"]["message"]
    assert reviewer.request("GET", "/reports/summary",
                            params={"date_from": "10/03/2025"}).status_code == 422


def test_export_csv_and_xlsx_hold_the_report_rows_without_identity(
        start_hub: Callable[..., LiveHub]) -> None:
    live_hub = _long_hub(start_hub)
    reviewer = login(live_hub)
    recs = _pushed_set(live_hub, reviewer)
    r = reviewer.request("GET", "/reports/export", params={"format": "csv"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert 'filename="laporan-kim_kabupaten.csv"' in r.headers["content-disposition"]
    text = r.content.decode("utf-8-sig")
    assert not any(value in text for value in IDENTITY)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert sorted(row["tracking_no"] for row in rows) == sorted(
        str(e.payload.tracking_no) for e in recs.values())
    assert not {c for c in rows[0] if any(w in c for w in ("reporter", "name_", "nik", "phone"))}
    by_no = {row["tracking_no"]: row for row in rows}
    a2 = by_no[str(recs["a2"].payload.tracking_no)]
    assert (a2["kind"], a2["village_name"], a2["kecamatan_name"], a2["status"]) == (
        "information_request", "Balantang", "Malili", "received")
    assert (a2["due_verify"], a2["due_information"], a2["due_resolution"]) == (
        "2025-03-13", "2025-03-24", "")
    assert a2["overdue"] == "verify,information"
    assert by_no[str(recs["a3"].payload.tracking_no)]["category_code"] == "lainnya"
    x = reviewer.request("GET", "/reports/export", params={
        "format": "xlsx", "kecamatan_code": "73.24.01", "date_from": "2025-03-01"})
    assert x.status_code == 200 and x.headers["content-type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    assert 'filename="laporan-kim_73.24.01_2025-03-01.xlsx"' in x.headers["content-disposition"]
    sheet = openpyxl.load_workbook(io.BytesIO(x.content), read_only=True).active
    assert sheet is not None
    table = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert table[0] == list(rows[0].keys())
    assert sorted(row[0] for row in table[1:]) == sorted(
        str(recs[k].payload.tracking_no) for k in ("b1", "b2", "b3"))
    assert not any(value in str(table) for value in IDENTITY)
    assert reviewer.request("GET", "/reports/export",
                            params={"format": "pdf"}).status_code == 422


def _overdue(reviewer: Reviewer) -> Counter[tuple[str, str]]:
    return Counter((x["id"], x["deadline"]) for x in reviewer.ok("GET", "/overdue"))


def test_overdue_names_every_deadline_the_hub_knows(start_hub: Callable[..., LiveHub]) -> None:
    live_hub = _long_hub(start_hub)         # Monday 10 March 2025, 09:30 WITA
    feed = live_hub.hub.feed
    device = live_hub.enrol()
    info, forwarded, waiting = (device.complaint(kind="information_request"),
                                device.complaint(), device.complaint())
    device.push_ok([info, forwarded, waiting])
    reviewer = login(live_hub)
    for rec in (info, forwarded):
        reviewer.decide(rec.id, "verify")
        feed.record_status_change(record_id=rec.id, status="forwarded", actor="rina",
                                  lapor_tracking_id=f"{rec.id.int % 10**7:07d}")
    feed.record_status_change(record_id=forwarded.id, status="dispositioned",
                              actor="SP4N-LAPOR!", lapor_status_raw="Didisposisikan")
    live_hub.clock.advance(timedelta(days=4))                # Friday 14 March
    assert _overdue(reviewer) == {(str(waiting.id), "verify"): 1}
    live_hub.clock.advance(timedelta(days=4))                # Tuesday 18 March
    items = reviewer.ok("GET", "/overdue")
    assert [(x["id"], x["deadline"], x["due"]) for x in items] == [
        (str(waiting.id), "verify", "2025-03-13"), (str(forwarded.id), "follow_up", "2025-03-17")]
    assert items[1]["working_days_late"] == 1 and items[1]["since"].startswith("2025-03-10")
    live_hub.clock.advance(timedelta(days=7))                # Tuesday 25 March
    feed.record_status_change(record_id=forwarded.id, status="in_progress",
                              actor="SP4N-LAPOR!", lapor_status_raw="Ditindaklanjuti")
    assert _overdue(reviewer) == {(str(waiting.id), "verify"): 1,
                                  (str(info.id), "information"): 1}
    auto_close_due = indonesian_calendar([2025]).add_working_days(date(2025, 3, 25), 10)
    live_hub.clock.advance(timedelta(days=(date(2025, 5, 10) - date(2025, 3, 25)).days))
    assert auto_close_due < date(2025, 5, 10)
    late = reviewer.ok("GET", "/overdue")
    assert Counter((x["id"], x["deadline"]) for x in late) == {
        (str(waiting.id), "verify"): 1, (str(waiting.id), "resolution"): 1,
        (str(info.id), "information"): 1, (str(forwarded.id), "auto_close"): 1,
        (str(forwarded.id), "resolution"): 1}
    assert [x["due"] for x in late] == sorted(x["due"] for x in late)
    resolution = next(x for x in late if x["deadline"] == "resolution")
    assert resolution["due"] == "2025-05-09"
    auto_close = next(x for x in late if x["deadline"] == "auto_close")
    assert auto_close["due"] == auto_close_due.isoformat()
    # the dashboard counts records (not deadlines) that are late
    assert reviewer.ok("GET", "/reports/summary")["overdue"] == 3
    assert len(reviewer.ok("GET", "/overdue", params={"limit": 2})) == 2
