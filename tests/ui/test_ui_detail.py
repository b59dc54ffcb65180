"""The complaint detail: every field, the masked identity of anonymous complaints (revealing
it is recorded), the district's notes, LAPOR! id, deadlines, timeline and the allowed actions."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import select

from kim_desktop.domain.enums import Status
from kim_desktop.storage.rows import IdentityViewRow
from tests.conftest import complaint_data
from tests.ui.forms import fill
from tests.ui.uihelpers import district_sets
from ui.dialogs import ConfirmDialog


def add(core, submit: bool = True, **kw):
    return core.complaints.add([(complaint_data(**kw), None)], submit=submit)[0]


def identity_views(core):
    with core.ctx.sessions() as s:
        return [(v.complaint_id, v.actor) for v in s.scalars(select(IdentityViewRow))]


def test_anonymous_identity_is_masked_until_tampilkan_and_the_view_is_recorded(
        window, qtbot, core) -> None:
    c = add(core, anonymous=True)
    window.open_complaint(c.id)
    d = window.detail
    assert d.reveal_button.isVisible() and d.masked_label.isVisible()
    shown = {k: v.text() for k, v in d.reporter_values.items()}
    assert "Siti Rahmawati" not in shown.values() and set(shown.values()) == {"••••••"}
    assert identity_views(core) == []
    assert d.reveal_button.text() == "Tampilkan"
    qtbot.mouseClick(d.reveal_button, Qt.MouseButton.LeftButton)
    assert d.reporter_values["name"].text() == "Siti Rahmawati"
    assert d.reporter_values["nik"].text() == "7324044101900001"
    assert not d.reveal_button.isVisible()
    assert identity_views(core) == [(c.id, "Andi")]
    window.complaints_changed.emit()         # a refresh keeps what was shown
    assert d.reporter_values["name"].text() == "Siti Rahmawati"
    window.show_list()
    window.open_complaint(c.id)              # another look: masked again
    assert d.reporter_values["name"].text() == "••••••"
    assert d.reveal_button.isVisible()


def test_public_complaint_shows_identity_and_all_fields(window, core) -> None:
    c = add(core, latitude=-2.5786, longitude=121.1092, agency_code="dinas-pupr")
    window.open_complaint(c.id)
    d = window.detail
    assert not d.reveal_button.isVisible()
    assert d.reporter_values["name"].text() == "Siti Rahmawati"
    v = {k: w.text() for k, w in d.values.items()}
    assert v["title"] == "Jalan desa berlubang di Dusun 2"
    assert v["incident_date"] == "20/11/2026"
    assert v["village"] == "Desa Balantang, Kec. Malili"
    assert v["agency"] == "Dinas Pekerjaan Umum dan Penataan Ruang"
    assert v["coordinates"] == "-2.5786, 121.1092"
    assert v["kind"] == "Pengaduan" and v["channel"] == "Datang ke kantor"
    assert "25/11/2026 10:00 WITA" in v["recorded"]
    assert d.badge.text() == "Menunggu dikirim"
    assert d.timeline.rowCount() == 2
    assert d.timeline.item(0, 1).text() == "Menunggu dikirim"
    assert "Tenggat waktu mulai dihitung" in d.deadlines_label.text()


def test_withdraw_a_queued_complaint(window, qtbot, core, monkeypatch) -> None:
    c = add(core)
    window.open_complaint(c.id)
    d = window.detail
    assert d.withdraw_button.isVisible() and not d.edit_button.isVisible()
    asked = []
    monkeypatch.setattr(ConfirmDialog, "ask",
                        classmethod(lambda cls, *a: asked.append(a[2]) or True))
    qtbot.mouseClick(d.withdraw_button, Qt.MouseButton.LeftButton)
    assert c.tracking_no in asked[0]
    assert core.complaints.get(c.id).status is Status.DRAFT
    assert d.badge.text() == "Draf" and d.edit_button.isVisible()
    assert not d.withdraw_button.isVisible()
    assert d.timeline.item(0, 3).text() == "ditarik sebelum dikirim"


def test_withdraw_can_be_cancelled(window, qtbot, core, monkeypatch) -> None:
    c = add(core)
    window.open_complaint(c.id)
    monkeypatch.setattr(ConfirmDialog, "ask", classmethod(lambda cls, *a: False))
    assert window.detail.withdraw() is False
    assert core.complaints.get(c.id).status is Status.QUEUED


def test_overdue_deadline_is_highlighted(window, core, clock) -> None:
    c = add(core)
    district_sets(core, c.id, Status.RECEIVED, clock.now)
    clock.advance(days=14)
    window.open_complaint(c.id)
    text = window.detail.deadlines_label.text()
    assert "⚠" in text and "terlambat" in text and "Diperiksa dan diteruskan" in text


def test_forwarded_complaint_shows_the_lapor_id_and_district_note(window, core, clock) -> None:
    c = add(core)
    district_sets(core, c.id, Status.RECEIVED, clock.now)
    district_sets(core, c.id, Status.VERIFIED, clock.now, note="Lengkap")
    district_sets(core, c.id, Status.FORWARDED, clock.now, lapor_id="5281734")
    window.open_complaint(c.id)
    d = window.detail
    assert d.values["lapor"].text().startswith("5281734")
    assert "Catatan dari kabupaten: Lengkap" in d.note.text()
    assert d.receipt_button.isVisible() and not d.submit_button.isVisible()
    assert [d.timeline.item(r, 1).text() for r in range(3)] == [
        "Diteruskan ke SP4N-LAPOR!", "Terverifikasi", "Diterima kabupaten"]


def test_returned_complaint_is_corrected_and_submitted_again(window, qtbot, core, clock) -> None:
    c = add(core)
    district_sets(core, c.id, Status.RECEIVED, clock.now)
    district_sets(core, c.id, Status.RETURNED, clock.now, note="Lengkapi lokasi kejadian")
    window.open_complaint(c.id)
    d = window.detail
    assert d.badge.text() == "Perlu perbaikan"
    assert d.submit_button.text() == "Kirim ulang"
    qtbot.mouseClick(d.edit_button, Qt.MouseButton.LeftButton)
    form = window.form
    assert window.complaint_stack.currentWidget() is form
    assert "Perbaiki laporan" in form.heading.text()
    assert "Lengkapi lokasi kejadian" in form.banner.text()
    assert form.submit_button.text() == "Kirim ulang"
    form.fields.location.setText("Dusun 2, RT 01, depan SDN 12")
    again = form.submit()
    assert again is not None and again.revision == 2 and again.status is Status.QUEUED
    assert again.content.location_detail == "Dusun 2, RT 01, depan SDN 12"


def test_submit_from_the_detail_of_an_incomplete_draft_shows_the_form_messages(
        window, core) -> None:
    content, _ = core.complaints.validate({"title": "Air"}, for_submit=False)
    draft = core.complaints.save_draft(content)
    window.open_complaint(draft.id)
    window.detail.submit_button.click()
    assert window.complaint_stack.currentWidget() is window.form
    assert window.form.fields.messages["body"].isVisible()
    assert core.complaints.get(draft.id).status is Status.DRAFT
    fill(window.form.fields, title="Air bersih tidak mengalir")
    assert window.form.submit() is not None


def test_receipt_can_be_printed_again_from_the_detail(window, core) -> None:
    c = add(core)
    window.open_complaint(c.id)
    window.detail.receipt_button.click()
    assert window.receipt_dialog is not None
    assert c.tracking_no in window.receipt_dialog.preview.toPlainText()
    assert window.receipt_dialog.pdf_path is not None and window.receipt_dialog.pdf_path.exists()
