"""Complaint use cases on a real temp-file store."""

from __future__ import annotations

import json
from pathlib import Path
from uuid import UUID

import pytest
from sqlalchemy import func, select

from kim_desktop.core import Core
from kim_desktop.domain.enums import Status
from kim_desktop.domain.errors import InvalidTransition, NotFound, ValidationFailed
from kim_desktop.domain.models import ComplaintQuery
from kim_desktop.services import export
from kim_desktop.storage.rows import ComplaintRow, IdentityViewRow, OutboxRow
from tests.conftest import complaint_data

JPEG = b"\xff\xd8\xff\xe0" + b"\0" * 200


def add(core: Core, tmp: Path | None = None, submit: bool = False, **kw: object):
    return core.complaints.add([(complaint_data(**kw), tmp or Path("."))], submit=submit)[0]


def outbox(core: Core) -> list[tuple[UUID, int, str]]:
    with core.ctx.sessions() as s:
        return [(r.record_id, r.revision, r.state) for r in s.scalars(select(OutboxRow))]


def test_save_draft_keeps_incomplete_typing(core: Core) -> None:
    content, _ = core.complaints.validate({"title": "Air"}, for_submit=False)
    c = core.complaints.save_draft(content)
    assert c.status is Status.DRAFT and c.content.title == "Air"
    assert c.tracking_no.startswith("042010-")
    assert [h.status for h in c.status_history] == [Status.DRAFT]


def test_submit_queues_and_writes_outbox_in_one_transaction(core: Core) -> None:
    c = add(core)
    assert outbox(core) == []
    done = core.complaints.submit(c.tracking_no)
    assert done.status is Status.QUEUED
    assert outbox(core) == [(c.id, 1, "pending")]
    assert [h.status for h in done.status_history] == [Status.DRAFT, Status.QUEUED]


def test_submit_of_an_incomplete_draft_names_every_problem(core: Core) -> None:
    content, _ = core.complaints.validate({"title": "Air"}, for_submit=False)
    c = core.complaints.save_draft(content)
    with pytest.raises(ValidationFailed) as e:
        core.complaints.submit(c.id)
    assert {"body", "incident_date", "village_code", "category_code", "consent"} <= {
        p.field for p in e.value.problems}
    assert core.complaints.get(c.id).status is Status.DRAFT and outbox(core) == []


def test_withdraw_queued_to_draft_removes_the_outbox_entry(core: Core) -> None:
    c = add(core, submit=True)
    w = core.complaints.withdraw(c.id)
    assert w.status is Status.DRAFT and outbox(core) == []
    with pytest.raises(InvalidTransition):
        core.complaints.withdraw(c.id)


def test_returned_complaint_is_edited_and_resubmitted_as_a_new_revision(core: Core) -> None:
    c = add(core, submit=True)
    with core.ctx.sessions.begin() as s:   # the district returned it (normally via sync pull)
        row = s.get(ComplaintRow, c.id)
        row.status, row.review_note = "returned", "Lengkapi lokasi"
        s.query(OutboxRow).update({"state": "done"})
    content, _ = core.complaints.validate(
        complaint_data(location_detail="Dusun 2, RT 01, depan SDN 12"), for_submit=True)
    edited = core.complaints.save_draft(content, complaint_id=c.id)
    assert edited.status is Status.RETURNED and edited.revision == 1
    again = core.complaints.submit(c.id)
    assert again.revision == 2 and again.status is Status.QUEUED
    assert (c.id, 2, "pending") in outbox(core)


def test_queued_complaint_cannot_be_edited(core: Core) -> None:
    c = add(core, submit=True)
    content, _ = core.complaints.validate(complaint_data(), for_submit=True)
    with pytest.raises(InvalidTransition):
        core.complaints.save_draft(content, complaint_id=c.id)


def test_import_is_all_or_nothing(core: Core) -> None:
    items = [(complaint_data(), Path(".")), (complaint_data(title="x"), Path("."))]
    with pytest.raises(ValidationFailed) as e:
        core.complaints.add(items, submit=True)
    assert [p.field for p in e.value.problems] == ["[2].title"]
    with core.ctx.sessions() as s:
        assert s.scalar(select(func.count()).select_from(ComplaintRow)) == 0


def test_attachments_checked_by_content_and_stored_once(core: Core, tmp_path: Path) -> None:
    (tmp_path / "foto.jpg").write_bytes(JPEG)
    (tmp_path / "sama.jpeg").write_bytes(JPEG)
    (tmp_path / "virus.jpg").write_bytes(b"MZ\x90\x00 not a photo")
    (tmp_path / "big.pdf").write_bytes(b"%PDF-1.4" + b"0" * (11 * 1024 * 1024))
    with pytest.raises(ValidationFailed) as e:
        add(core, tmp_path, attachments=["virus.jpg", "big.pdf", "hilang.png"])
    assert [p.code for p in e.value.problems] == ["file_type", "file_too_large", "file_missing"]
    c = add(core, tmp_path, attachments=["foto.jpg", "sama.jpeg"])
    assert len(c.attachments) == 1 and c.attachments[0].media_type == "image/jpeg"
    stored = list(core.paths.attachments.rglob("*"))
    assert sum(p.is_file() for p in stored) == 1


def test_path_traversal_in_attachment_names_is_harmless(core: Core, tmp_path: Path) -> None:
    (tmp_path / "a.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    c = add(core, tmp_path, attachments=[{"path": "a.png", "filename": "../../etc/passwd"}])
    assert c.attachments[0].filename == "a.png"


def test_list_search_filter_sort_and_page(core: Core) -> None:
    add(core, title="Lampu jalan padam di Dusun 1", kind="aspiration",
        category_code="pekerjaan-umum-dan-penataan-ruang/penerangan-jalan")
    add(core, title="Pelayanan KTP elektronik lambat", category_code="kependudukan/ktp",
        submit=True)
    for i in range(7):
        add(core, title=f"Jalan berlubang nomor {i}")
    svc = core.complaints
    assert svc.list(ComplaintQuery(limit=5)).total == 9
    page = svc.list(ComplaintQuery(limit=4, offset=4, sort="title", descending=False))
    assert len(page.items) == 4
    assert [x.title for x in svc.list(ComplaintQuery(text="ktp")).items] == [
        "Pelayanan KTP elektronik lambat"]
    assert svc.list(ComplaintQuery(text="lamp padam")).total == 1      # prefixes, all words
    assert svc.list(ComplaintQuery(text='" OR NEAR(')).total == 0       # operators are text
    assert svc.list(ComplaintQuery(statuses=(Status.QUEUED,))).total == 1
    assert svc.list(ComplaintQuery(category_codes=("pekerjaan-umum-dan-penataan-ruang",))
                    ).total == 8
    assert svc.list(ComplaintQuery(kinds=(svc.get(page.items[0].id).content.kind,))).total >= 1


def test_search_index_follows_edits(core: Core) -> None:
    c = add(core, title="Sumur warga kering")
    content, _ = core.complaints.validate(complaint_data(title="Pipa PDAM bocor"),
                                          for_submit=False)
    core.complaints.save_draft(content, complaint_id=c.id)
    assert core.complaints.list(ComplaintQuery(text="sumur")).total == 0
    assert core.complaints.list(ComplaintQuery(text="pdam")).total == 1


def test_reporter_identity_is_not_searchable(core: Core) -> None:
    add(core)
    assert core.complaints.list(ComplaintQuery(text="Rahmawati")).total == 0


def test_reveal_identity_is_recorded(core: Core) -> None:
    c = add(core, anonymous=True)
    who = core.complaints.reveal_identity(c.id, actor="Andi")
    assert who.name == "Siti Rahmawati"
    with core.ctx.sessions() as s:
        assert [(v.complaint_id, v.actor) for v in s.scalars(select(IdentityViewRow))] == [
            (c.id, "Andi")]


def test_show_by_id_or_tracking_number(core: Core) -> None:
    c = add(core)
    assert core.complaints.get(str(c.id)).id == c.id
    assert core.complaints.get(c.tracking_no.lower()).id == c.id
    with pytest.raises(NotFound):
        core.complaints.get("042010-ZZZ-9999")


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
def test_export_strips_identity_of_anonymous_reporters(core: Core, tmp_path: Path,
                                                      fmt: str) -> None:
    add(core, anonymous=True)
    add(core, title="Laporan terbuka dengan nama")
    out = tmp_path / f"x.{fmt}"
    assert export.export_complaints(core.complaints.iter_export(), fmt, out) == 2
    if fmt == "json":
        data = json.loads(out.read_text())
        anon = next(d for d in data if d["anonymous"])
        assert anon["reporter"]["name"] == "" and anon["reporter"]["nik"] == ""
        assert next(d for d in data if not d["anonymous"])["reporter"]["name"] == "Siti Rahmawati"
    elif fmt == "csv":
        text = out.read_text(encoding="utf-8-sig")
        assert text.count("Siti Rahmawati") == 1 and "tracking_no" in text.splitlines()[0]
    else:
        from openpyxl import load_workbook

        rows = list(load_workbook(out).active.iter_rows(values_only=True))
        assert len(rows) == 3 and sum("Siti Rahmawati" in r for r in rows) == 1
