"""The exported form of complaints, read in bulk from stored rows (`services.export_rows`), is
exactly what the domain mapping gives for the same complaint read one by one: same keys, same
order, same values and types, with an anonymous reporter's identity removed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest

from kim_desktop.core import Core
from kim_desktop.domain.enums import Entity, Status
from kim_desktop.domain.models import (
    Complaint,
    ComplaintQuery,
    Reporter,
    complaint_to_dict,
    reporter_to_dict,
)
from kim_desktop.services import export
from kim_desktop.services.mapping import record_status
from kim_desktop.storage.rows import ComplaintRow, OutboxRow
from tests.conftest import FixedClock, complaint_data

JPEG = b"\xff\xd8\xff\xe0" + b"\0" * 300
# The data dictionary's fields in the order every export has written them
FIELDS = [
    "id", "tracking_no", "kind", "title", "body", "incident_date", "village_code",
    "location_detail", "latitude", "longitude", "category_code", "agency_code", "reporter",
    "anonymous", "confidential", "consent", "channel", "activity_id", "attachments", "status",
    "status_history", "lapor_tracking_id", "lapor_status_raw", "review_note", "set_aside_reason",
    "revision", "created_at", "updated_at", "recorded_by", "device_id"]
REPORTER_FIELDS = ["name", "nik", "phone", "email", "address", "gender", "birth_year"]
PDF = b"%PDF-1.4\n" + "Laporan warga — ᨅᨘᨁᨗ".encode() * 20


def reference(c: Complaint) -> dict[str, Any]:
    """The exported form as the domain defines it: `complaint_to_dict`, identity blanked."""
    d = complaint_to_dict(c)
    if c.content.anonymous:
        d["reporter"] = reporter_to_dict(Reporter())
    return d


def as_json(records: list[dict[str, Any]]) -> list[str]:
    # JSON text tells apart what == does not: key order, True/1, 1/1.0
    return [json.dumps(d, ensure_ascii=False) for d in records]


def add(core: Core, base: Path, submit: bool = False, **kw: Any) -> Complaint:
    return core.complaints.add([(complaint_data(**kw), base)], submit=submit)[0]


def district(core: Core, complaint_id: UUID, clock: FixedClock,
             steps: list[tuple[Status, str, str]], **fields: Any) -> None:
    """What sync pulls from the hub: status changes by other actors, and hub fields."""
    with core.ctx.sessions.begin() as s:
        row = s.get(ComplaintRow, complaint_id)
        assert row is not None
        for status, actor, note in steps:
            clock.advance(hours=5, microseconds=123_457)
            record_status(s, Entity.COMPLAINT, row.id, status, clock(), actor, note)
            row.status, row.updated_at = status.value, clock()
        for k, v in fields.items():
            setattr(row, k, v)
        s.query(OutboxRow).update({"state": "done"})


@pytest.fixture
def varied(core: Core, clock: FixedClock, tmp_path: Path) -> Core:
    """Drafts, queued, returned and resubmitted, district and LAPOR! statuses, anonymous and
    named reporters, attachments, coordinates, unicode, ties on ``created_at``, a deleted one."""
    (tmp_path / "foto jalan.jpg").write_bytes(JPEG)
    (tmp_path / "surat.pdf").write_bytes(PDF)
    agency = sorted(core.reference.data().agencies)[0]
    typed, _ = core.complaints.validate({"title": "Draf belum lengkap", "body": "Baru judul"},
                                        for_submit=False)
    core.complaints.save_draft(typed)                   # no date, village or category yet
    # three created at the very same instant (microsecond 0): the walk breaks ties by id
    for i in range(3):
        add(core, tmp_path, submit=True, title=f"Jalan rusak {i}", anonymous=i == 1)
    clock.advance(minutes=7, microseconds=1)
    named = add(core, tmp_path, submit=True,
                title="Air PDAM keruh — warga ᨅᨘᨁᨗ mengeluh 💧",
                body="Air berwarna cokelat sejak « tiga hari ».\nMohon dicek.\t\"segera\" \\ ok",
                latitude=-2.5563214567891234, longitude=120.9600410000001, agency_code=agency,
                reporter={"name": "Andi Bau Massepe", "nik": "7324041701900002",
                          "phone": "+62 812-3456-7890", "email": "andi@example.id",
                          "address": "Jl. Poros Malili No. 1", "gender": "L",
                          "birth_year": 1990},
                confidential=True, channel="social_media", attachments=["foto jalan.jpg", "surat.pdf"],
                activity_id="6f1c1e8e-0d7a-4b8e-9a43-2f3d3b6f1a10")
    clock.advance(days=1, microseconds=654_321)
    anon = add(core, tmp_path, submit=True, title="Bantuan PKH tidak sampai", anonymous=True,
               reporter={"name": "Rahasia", "nik": "7324044101900009", "phone": "081300000000"},
               attachments=["surat.pdf"], kind="aspiration")
    clock.advance(hours=2)
    returned = add(core, tmp_path, submit=True, title="Lampu jalan padam")
    district(core, named.id, clock, [
        (Status.SENDING, "sync", ""), (Status.RECEIVED, "sync", ""),
        (Status.VERIFIED, "kabupaten", "Lengkap"), (Status.FORWARDED, "SP4N-LAPOR!", ""),
        (Status.IN_PROGRESS, "Dinas PU", "Sedang dikerjakan; «tahap 1»")],
        lapor_tracking_id="LAP-2026-000123", lapor_status_raw="Dalam Proses ✓")
    district(core, anon.id, clock, [(Status.RECEIVED, "sync", ""),
                                    (Status.REJECTED, "kabupaten", "Bukan kewenangan daerah")],
             review_note="Bukan kewenangan daerah", set_aside_reason="duplikat di hub")
    district(core, returned.id, clock, [(Status.RECEIVED, "sync", ""),
                                        (Status.RETURNED, "kabupaten", "Lengkapi lokasi")],
             review_note="Lengkapi lokasi: RT/RW")
    content, _ = core.complaints.validate(
        complaint_data(title="Lampu jalan padam", location_detail="Dusun 2, RT 01/RW 03"),
        for_submit=True)
    core.complaints.save_draft(content, complaint_id=returned.id)
    clock.advance(minutes=3)
    core.complaints.submit(returned.id)                     # revision 2
    waiting = add(core, tmp_path, submit=True, title="Sampah menumpuk di pasar")
    district(core, waiting.id, clock, [(Status.RECEIVED, "sync", ""),
                                       (Status.RETURNED, "kabupaten", "Foto belum ada")],
             review_note="Foto belum ada")
    gone = add(core, tmp_path, title="Dihapus di hub")
    with core.ctx.sessions.begin() as s:
        row = s.get(ComplaintRow, gone.id)
        assert row is not None
        row.deleted = True
    return core


def expected(core: Core, q: ComplaintQuery | None = None) -> list[dict[str, Any]]:
    """Every matching complaint through `get()` one by one, in export order."""
    full = [core.complaints.get(c.id) for c in core.complaints.iter_all(q)]
    full.sort(key=lambda c: (c.created_at, c.id.hex))
    return [reference(c) for c in full]


@pytest.mark.parametrize("chunk", [1, 2, 1000])
def test_bulk_export_equals_the_domain_mapping_of_every_record(varied: Core, chunk: int) -> None:
    got = list(varied.complaints.iter_export(chunk=chunk))
    want = expected(varied)
    assert len(got) == 8                              # the deleted one is not exported
    assert got == want
    assert as_json(got) == as_json(want)


def test_the_varied_store_covers_what_the_export_formats(varied: Core) -> None:
    got = list(varied.complaints.iter_export())
    assert all(list(d) == FIELDS and list(d["reporter"]) == REPORTER_FIELDS for d in got)
    assert {d["status"] for d in got} == {"draft", "queued", "in_progress", "rejected",
                                          "returned"}
    assert any(d["revision"] == 2 for d in got)
    for field in ("lapor_tracking_id", "lapor_status_raw", "review_note", "set_aside_reason",
                  "activity_id", "agency_code", "latitude", "incident_date"):
        assert any(d[field] for d in got) and not all(d[field] for d in got), field
    assert sum(len(d["attachments"]) for d in got) == 3
    notes = [h["note"] for d in got for h in d["status_history"]]
    assert "Lengkapi lokasi" in notes and "withdrawn" not in notes
    times = [h["at"] for d in got for h in d["status_history"]] + [d["created_at"] for d in got]
    assert any("." not in t for t in times) and any("." in t for t in times)
    for d in got:
        if d["anonymous"]:
            assert d["reporter"] == reporter_to_dict(Reporter())
        elif d["status"] != "draft":
            assert d["reporter"]["nik"] and d["reporter"]["name"]
    assert sum(d["anonymous"] for d in got) == 2


def test_filtered_export_and_single_record_use_the_same_shape(varied: Core) -> None:
    q = ComplaintQuery(statuses=(Status.QUEUED, Status.REJECTED))
    got = list(varied.complaints.iter_export(q, chunk=2))
    assert [d["status"] for d in got].count("rejected") == 1
    assert as_json(got) == as_json(expected(varied, q))
    for d in got:
        assert as_json([varied.complaints.export_record(d["tracking_no"].lower())]) == as_json([d])
        assert varied.complaints.export_record(UUID(d["id"])) == d


@pytest.mark.parametrize("fmt", ["json", "csv", "xlsx"])
def test_export_files_are_written_from_the_same_records(varied: Core, tmp_path: Path,
                                                        fmt: str) -> None:
    out = tmp_path / f"x.{fmt}"
    assert export.export_complaints(varied.complaints.iter_export(), fmt, out) == 8
    want = expected(varied)
    if fmt == "json":
        assert json.loads(out.read_text(encoding="utf-8")) == want
        assert out.read_text(encoding="utf-8") == (
            "[\n" + ",\n".join(as_json(want)) + "\n]\n")
    elif fmt == "csv":
        text = out.read_text(encoding="utf-8-sig")
        assert "Rahasia" not in text and text.count("Andi Bau Massepe") == 1
        assert "foto jalan.jpg;surat.pdf" in text
    else:
        from openpyxl import load_workbook

        rows = list(load_workbook(out).active.iter_rows(values_only=True))
        assert len(rows) == 9 and not any("Rahasia" in r for r in rows)
