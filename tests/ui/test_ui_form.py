"""The complaint form on the real main window: keyboard use, validation beside the fields,
consent, autosave and crash recovery, attachments, submit and the receipt."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import shiboken6
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from kim_desktop.core import Core
from kim_desktop.domain.deadlines import expected_deadlines
from kim_desktop.domain.enums import Kind, Status
from kim_desktop.domain.models import ComplaintQuery
from tests.ui.conftest import make_window
from tests.ui.forms import fill, form_data
from tests.ui.uihelpers import photo
from ui.formatting import date_text
from ui.receipt import html_document
from ui.receipt_dialog import Printing, render_receipt


def stored(core: Core, **query: object):
    return core.complaints.list(ComplaintQuery(**query)).items  # type: ignore[arg-type]


def test_keyboard_only_tab_order_follows_the_form(window, qtbot) -> None:
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    f = window.form.fields
    assert window.complaint_stack.currentWidget() is window.form
    f.kind.setFocus()
    order = []
    for _ in range(40):
        order.append(f.key_of(QApplication.focusWidget()) or "")
        if order[-1] == "consent":
            break
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    keys = [k for i, k in enumerate(order) if k and k not in order[:i]]
    assert keys == ["kind", "title", "body", "category_code", "agency_code", "incident_date",
                    "village_code", "location_detail", "latitude", "channel", "activity_id",
                    "reporter.name", "reporter.nik", "reporter.phone", "reporter.email",
                    "reporter.address", "reporter.gender", "reporter.birth_year", "anonymous",
                    "confidential", "attachments", "consent"]


def test_typed_report_is_saved_as_draft_with_ctrl_s(window, qtbot, core) -> None:
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    f = window.form.fields
    f.title.setFocus()
    qtbot.keyClicks(f.title, "Jalan desa berlubang di Dusun 2")
    qtbot.keyClick(f.title, Qt.Key.Key_Tab)
    assert f.body.hasFocus()
    qtbot.keyClicks(f.body, "Jalan poros dusun berlubang besar sejak dua minggu.")
    with qtbot.waitSignal(window.form.saved) as saved:
        qtbot.keyClick(f.body, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    draft = saved.args[0]
    assert draft.status is Status.DRAFT
    c = core.complaints.get(draft.id)
    assert c.content.title == "Jalan desa berlubang di Dusun 2"
    assert c.content.body == "Jalan poros dusun berlubang besar sejak dua minggu."
    assert draft.tracking_no in window.form.heading.text()
    qtbot.waitUntil(lambda: window.list_page.model.total == 1)


def test_invalid_submit_shows_messages_beside_the_fields_and_blocks(window, qtbot, core) -> None:
    window.new_complaint()
    f = window.form.fields
    f.title.setText("Air")
    f.reporter["nik"].setText("12345")
    f.title.setFocus()
    qtbot.keyClick(f.title, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    msgs = {k: m.text() for k, m in f.messages.items() if m.isVisible()}
    assert "minimal 5 karakter" in msgs["title"]
    assert msgs["body"] == "Isi laporan wajib diisi."
    assert msgs["incident_date"] == "Tanggal kejadian wajib diisi."
    assert "Kategori wajib diisi" in msgs["category_code"]
    assert "16 angka" in msgs["reporter.nik"]
    assert "centang Anonim" in msgs["reporter"]
    assert "persetujuan" not in msgs and "menyetujui" in msgs["consent"]
    assert f.title.hasFocus()                  # the first problem gets the focus
    assert not stored(core, statuses=(Status.QUEUED,))
    # fixing a field clears its message as soon as the journal runs
    f.title.setText("Air bersih tidak mengalir")
    qtbot.waitUntil(lambda: not f.messages["title"].isVisible())


def test_consent_is_required_to_submit(window, qtbot, core) -> None:
    window.new_complaint()
    f = window.form.fields
    fill(f, consent=False)
    assert window.form.submit() is None
    visible = [k for k, m in f.messages.items() if m.isVisible()]
    assert visible == ["consent"]
    assert "menyetujui" in f.messages["consent"].text()
    assert not stored(core, statuses=(Status.QUEUED,))
    f.consent.setChecked(True)
    assert window.form.submit() is not None
    assert len(stored(core, statuses=(Status.QUEUED,))) == 1


def test_typing_survives_a_crash_and_is_restored_as_a_draft(
        qtbot, core, translations, view_settings) -> None:
    from ui.main_window import MainWindow

    crashed = MainWindow(core, view_settings, translations=translations)
    crashed.show()
    crashed.new_complaint()
    crashed.form.fields.title.setText("Sampah menumpuk di pasar desa")
    crashed.form.fields.reporter["name"].setText("Hasna")
    journal = crashed.form.journal
    qtbot.waitUntil(journal.exists)
    assert not stored(core)                    # nothing saved in the store yet
    shiboken6.delete(crashed)                  # gone without closeEvent: a crash
    assert journal.exists()

    window = make_window(qtbot, core, translations, view_settings)
    f = window.form.fields
    assert window.complaint_stack.currentWidget() is window.form
    assert f.title.text() == "Sampah menumpuk di pasar desa"
    assert f.reporter["name"].text() == "Hasna"
    assert window.form.banner.isVisible()
    [draft] = stored(core)
    assert draft.status is Status.DRAFT and draft.title == "Sampah menumpuk di pasar desa"
    assert window.form.complaint_id == draft.id


def test_closing_the_window_mid_edit_keeps_the_typing_as_a_draft(window, qtbot, core) -> None:
    window.new_complaint()
    window.form.fields.title.setText("Lampu jalan padam")
    window.form.fields.body.setPlainText("Sudah dua minggu lampu jalan di jembatan padam.")
    window.close()
    [draft] = stored(core)
    assert draft.title == "Lampu jalan padam" and draft.status is Status.DRAFT
    assert not window.form.journal.exists()


def test_journal_is_written_while_typing_goes_on(window, qtbot) -> None:
    window.new_complaint()
    f = window.form.fields
    f.title.setFocus()
    qtbot.keyClicks(f.title, "Jembatan")
    qtbot.waitUntil(window.form.journal.exists)
    assert window.form.journal.read()["data"]["title"] == "Jembatan"


def test_attachments_by_drop_with_thumbnails_and_problems(window, qtbot, core, tmp_path) -> None:
    window.new_complaint()
    att = window.form.attachments
    good = photo(tmp_path / "jalan.jpg")
    bad = tmp_path / "catatan.txt"
    bad.write_text("bukan foto")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(good)), QUrl.fromLocalFile(str(bad))])
    enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    att.dragEnterEvent(enter)              # what Qt's drag manager calls on the widget
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    att.dropEvent(drop)
    qtbot.waitUntil(lambda: att.count() == 1 and not att.busy)
    item = att.model.item(0)
    assert not item.icon().pixmap(64, 64).isNull()
    assert "jalan.jpg" in item.text()
    msg = window.form.fields.messages["attachments"]
    assert msg.isVisible() and "catatan.txt" in msg.text() and "JPEG/PNG" in msg.text()
    window.form.fields.anonymous.setChecked(True)
    assert "Laporan anonim ini berisi foto" in window.form.fields._help["photo_warning"].text()
    fill(window.form.fields, anonymous=True)
    c = window.form.submit()                   # the refused file was never attached
    assert c is not None and [a.filename for a in c.attachments] == ["jalan.jpg"]
    assert core.files.path_for(c.attachments[0].sha256).exists()


def test_add_files_button_uses_the_file_dialog(window, qtbot, tmp_path, monkeypatch) -> None:
    from ui.dialogs import FilePicker

    pic = photo(tmp_path / "foto.jpg")
    monkeypatch.setattr(FilePicker, "ask_open_files", classmethod(lambda cls, *a: [pic]))
    window.new_complaint()
    qtbot.mouseClick(window.form.attachments.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.form.attachments.count() == 1)


def test_submit_gives_a_receipt_pdf_with_the_tracking_number(
        window, qtbot, core, monkeypatch) -> None:
    window.new_complaint()
    fill(window.form.fields)
    window.form.fields.title.setFocus()
    with qtbot.waitSignal(window.form.submitted) as done:
        qtbot.keyClick(window.form.fields.title, Qt.Key.Key_Return,
                       Qt.KeyboardModifier.ControlModifier)
    c = done.args[0]
    assert c.status is Status.QUEUED
    assert [s.id for s in stored(core, statuses=(Status.QUEUED,))] == [c.id]
    dialog = window.receipt_dialog
    assert dialog is not None and dialog.isVisible()
    pdf = dialog.pdf_path
    assert pdf is not None and pdf.read_bytes().startswith(b"%PDF")
    text = html_document(render_receipt(core, c)).toPlainText()
    due = expected_deadlines(Kind.COMPLAINT, core.ctx.today(), core.reference.calendar())
    assert c.tracking_no in text and c.tracking_no in dialog.preview.toPlainText()
    assert "25/11/2026 10:00 WITA" in text
    assert date_text(due["verify"]) in text and date_text(due["resolution"]) in text
    assert "Tanda terima laporan Anda" in text and "Langkah selanjutnya" in text
    for private in ("Siti Rahmawati", "7324044101900001", "081234567890"):
        assert private not in text               # a lost receipt exposes nobody
    if shutil.which("pdftotext"):
        out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True)
        assert c.tracking_no in out.stdout
    printed = []
    monkeypatch.setattr(Printing, "ask_print",
                        classmethod(lambda cls, parent, doc: printed.append(doc.toPlainText())
                                    or True))
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    assert c.tracking_no in printed[0]
    assert window.complaint_stack.currentWidget() is window.detail
    assert not window.form.journal.exists()


def test_information_request_receipt_names_the_information_deadline(window, core) -> None:
    from tests.ui.forms import submit_valid

    c = submit_valid(window, kind="information_request")
    text = html_document(render_receipt(core, c)).toPlainText()
    due = expected_deadlines(Kind.INFORMATION_REQUEST, core.ctx.today(),
                             core.reference.calendar())
    assert date_text(due["information"]) in text and "diperpanjang" in text


def test_old_incident_date_warns_without_blocking(window, qtbot) -> None:
    window.new_complaint()
    f = window.form.fields
    fill(f, incident_date="2026-09-01")
    c = window.form.submit()
    assert c is not None


def test_form_data_round_trip(window) -> None:
    window.new_complaint()
    data = form_data(latitude="-2.5786", longitude="121.1092", agency_code="dinas-pupr")
    window.form.fields.set_data(data)
    got = window.form.fields.data()
    for key in ("title", "body", "incident_date", "village_code", "category_code",
                "agency_code", "latitude", "longitude", "anonymous", "consent"):
        assert got[key] == data[key], key
    assert got["reporter"]["nik"] == data["reporter"]["nik"]


def test_today_button_fills_the_wita_date(window, qtbot, core) -> None:
    window.new_complaint()
    qtbot.mouseClick(window.form.fields.today_button, Qt.MouseButton.LeftButton)
    assert window.form.fields.incident_date.text() == "25/11/2026"
    assert isinstance(Path(window.form.journal.path).parent, Path)


def test_periodic_autosave_stores_a_draft(qtbot, core, translations, view_settings) -> None:
    window = make_window(qtbot, core, translations, view_settings, autosave_ms=100)
    window.new_complaint()
    window.form.fields.title.setText("Pompa air desa rusak")
    qtbot.waitUntil(lambda: len(stored(core)) == 1)
    assert stored(core)[0].title == "Pompa air desa rusak"
    assert "Draf" in window.form.save_status.text() and "tersimpan" in window.form.save_status.text()
