"""The review workspace against a live hub, continued: "Impor bundel USB…" with a bundle made by
a village store (summary, receipt written and readable by the village, importing twice changes
nothing, a modified bundle refused), duplicate hints with "Duplikat dari ini", and forwarding by
hand (sheet, LAPOR! tracking id, a LAPOR! status entered by hand)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from kim_desktop.core import Core
from sync.client.bundles import export_bundle, import_receipt
from sync.server.models import RecordRow
from tests.conftest import complaint_data
from tests.sync.conftest import make_village
from tests.ui.review_fixtures import WAIT, ReviewApp, review_app, review_hub
from ui.dialogs import FilePicker
from ui.errors import ErrorDialog
from ui.review_forward import LaporSheetDialog

from hub_testkit import VILLAGE_B  # isort: skip

__all__ = ["review_app", "review_hub"]       # fixtures used by name


def error_dialogs() -> list[ErrorDialog]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, ErrorDialog) and w.isVisible()]


def hub_records(app: ReviewApp) -> int:
    with app.hub.hub.db.reads() as s:
        return s.scalar(select(func.count()).select_from(RecordRow)) or 0


def village_bundle(app: ReviewApp, tmp_path: Path, n: int) -> tuple[Core, Path]:
    """A bundle of ``n`` complaints written by a village store (on the real clock, so the
    hub's clock is brought to now first: the hub refuses records from its future)."""
    app.hub.clock.advance(datetime.now(UTC) - app.hub.clock() + timedelta(minutes=5))
    core = make_village(tmp_path, "desa-usb")
    core.complaints.add([(complaint_data(title=f"Jembatan gantung rusak {i}"), tmp_path)
                         for i in range(n)], submit=True)
    return core, export_bundle(core, tmp_path / "desa.kimbundle").path


def test_usb_bundle_import_shows_summary_and_writes_the_receipt(
        review_app: ReviewApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    village, bundle = village_bundle(review_app, tmp_path, 3)
    out = tmp_path / "flashdisk"
    out.mkdir()
    saves: list[Path] = []

    def ask_save(cls: Any, parent: Any, title: str, suggested: Path, filt: str) -> Path:
        saves.append(suggested)
        return out / f"receipt-{len(saves)}.kimbundle"

    monkeypatch.setattr(FilePicker, "ask_open_files", classmethod(lambda cls, *a: [bundle]))
    monkeypatch.setattr(FilePicker, "ask_save_file", classmethod(ask_save))
    review_app.log_in()
    bar, qtbot = review_app.page.bundle_bar, review_app.qtbot
    before = hub_records(review_app)
    bar.import_button.click()
    qtbot.waitUntil(lambda: bar.saved_to is not None, timeout=WAIT)
    assert bar.result is not None
    assert (bar.result.accepted, bar.result.set_aside) == (3, 0)
    assert bar.result.village_code == village.device.profile().village_code
    assert hub_records(review_app) == before + 3
    receipt = out / "receipt-1.kimbundle"
    assert bar.saved_to == receipt and receipt.is_file()
    assert saves[0].name == bar.result.receipt_name
    assert str(receipt) in bar.summary.text()
    # the village takes the receipt back: its three complaints are confirmed
    assert import_receipt(village, receipt).confirmed == 3
    # the same bundle again changes nothing at the hub
    bar.import_button.click()
    qtbot.waitUntil(lambda: bar.saved_to == out / "receipt-2.kimbundle", timeout=WAIT)
    assert hub_records(review_app) == before + 3
    assert error_dialogs() == []


def test_a_modified_bundle_is_refused_with_a_plain_message(
        review_app: ReviewApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _, bundle = village_bundle(review_app, tmp_path, 1)
    data = bytearray(bundle.read_bytes())
    data[len(data) // 2] ^= 0x55
    bad = tmp_path / "rusak.kimbundle"
    bad.write_bytes(bytes(data))
    monkeypatch.setattr(FilePicker, "ask_open_files", classmethod(lambda cls, *a: [bad]))
    review_app.log_in()
    bar, qtbot = review_app.page.bundle_bar, review_app.qtbot
    bar.import_button.click()
    qtbot.waitUntil(lambda: bool(error_dialogs()), timeout=WAIT)
    [dialog] = error_dialogs()
    assert dialog.code == "bundle_invalid"
    assert bar.result is None and bar.import_button.isEnabled()
    assert hub_records(review_app) == 0
    dialog.close()


def test_duplicate_hint_rejects_with_one_click(review_app: ReviewApp) -> None:
    first = review_app.village.complaint(title="Jembatan gantung di dusun II putus",
                                         body="Jembatan gantung penghubung dusun II putus "
                                              "sejak hujan deras, warga tidak bisa menyeberang.")
    review_app.push(first)
    other = review_app.hub.enrol(VILLAGE_B)
    second = other.complaint(title="Jembatan gantung dusun II putus",
                             body="Jembatan gantung penghubung dusun II putus sejak hujan "
                                  "deras, anak sekolah tidak bisa menyeberang.")
    other.push_ok([second])
    review_app.log_in()
    page, qtbot = review_app.page, review_app.qtbot
    inbox = page.inbox
    qtbot.waitUntil(lambda: inbox.batch_model.rowCount() == 2, timeout=WAIT)
    row = next(i for i, b in enumerate(inbox.batches) if b.village_code == VILLAGE_B)
    inbox.batch_view.selectRow(row)
    qtbot.waitUntil(lambda: [r.id for r in inbox.records] == [second.id], timeout=WAIT)
    rid = review_app.open_first_record()
    assert rid == second.id
    panel = page.record_panel
    assert panel.hints_available, "the hub offers no duplicates route"
    hint_row = next(i for i, h in enumerate(panel.hints) if h.id == first.id)
    assert 0 < panel.hints[hint_row].score <= 1
    panel.hint_view.selectRow(hint_row)
    assert panel.duplicate_button.isEnabled()
    panel.duplicate_button.click()
    qtbot.waitUntil(lambda: review_app.status_at_hub(rid)["status"] == "rejected", timeout=WAIT)
    assert str(first.id) in review_app.status_at_hub(rid)["history"][-1]["note"]
    assert review_app.status_at_hub(first.id)["status"] == "received"


def test_forward_by_hand_with_tracking_id_and_lapor_status(review_app: ReviewApp) -> None:
    v = review_app.village
    c = v.complaint()
    review_app.push(c, v.complaint())
    review_app.log_in()
    rid = review_app.open_first_record()
    page, qtbot = review_app.page, review_app.qtbot
    fwd = page.forward_panel
    assert not fwd.manual_button.isEnabled()                 # only verified complaints
    qtbot.keyClick(page.inbox.record_view, Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: fwd.manual_button.isEnabled(), timeout=WAIT)
    assert review_app.status_at_hub(rid)["status"] == "verified"
    fwd.manual_button.click()
    qtbot.waitUntil(lambda: fwd.sheet_dialog is not None, timeout=WAIT)
    assert isinstance(fwd.sheet_dialog, LaporSheetDialog)
    assert c.payload.title in fwd.sheet_dialog.text
    fwd.sheet_dialog.close()
    assert fwd.tracking_button.isEnabled()
    fwd.tracking_edit.setText("LPR 12/3")
    fwd.tracking_button.click()
    assert fwd.message.text() == fwd.tr("LAPOR! tracking id: letters, digits and “-” only, "
                                        "1 to 64 characters.")
    fwd.tracking_edit.setText("LPR-2026-000123")
    fwd.tracking_button.click()
    qtbot.waitUntil(lambda: review_app.status_at_hub(rid)["lapor_tracking_id"] ==
                    "LPR-2026-000123", timeout=WAIT)
    assert review_app.status_at_hub(rid)["status"] == "forwarded"
    qtbot.waitUntil(lambda: fwd.raw_edit.isEnabled(), timeout=WAIT)
    fwd.raw_edit.setText("Terdisposisi ke Dinas PU")
    fwd.status_combo.setCurrentIndex(fwd.status_combo.findData("dispositioned"))
    fwd.status_button.click()
    qtbot.waitUntil(lambda: review_app.status_at_hub(rid)["status"] == "dispositioned",
                    timeout=WAIT)
    assert review_app.status_at_hub(rid)["lapor_status_raw"] == "Terdisposisi ke Dinas PU"
