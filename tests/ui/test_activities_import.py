"""Participant import preview: messy rows shown with their problems, nothing added until the
user confirms, then only the valid rows."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from ui.participant_import import COL_PROBLEMS, ParticipantImportDialog


def _csv(tmp_path: Path) -> Path:
    path = tmp_path / "hadir.csv"
    text = ("DAFTAR HADIR;;;;;\r\nNo;Nama;Jenis Kelamin;Umur;Jabatan/Instansi;Catatan\r\n"
            "1;José;Laki-laki;35 th;perangkat desa;x\r\n;;;;;\r\n2;Wati;Wanita;-;PKK;\r\n"
            "3;Rina;?;abc;warga;\r\n4;;P;20;;\r\n5;Budi;M;200;warga;\r\n")
    path.write_bytes(text.encode("cp1252"))
    return path


def test_preview_shows_bad_rows_and_adds_only_valid_ones_on_confirm(window, qtbot: Any,
                                                                    tmp_path: Path) -> None:
    form = window.activity_page.open_form(None)
    dialog = form.import_participants(_csv(tmp_path))
    qtbot.waitUntil(lambda: dialog.preview is not None)
    m = dialog.model
    assert m.rowCount() == 5
    assert [m.index(r, 0).data() for r in range(5)] == ["3", "5", "6", "7", "8"]
    assert m.index(0, 2).data() == "L" and m.index(0, 3).data() == "35"
    bad = {m.index(r, 0).data(): m.index(r, COL_PROBLEMS).data() for r in range(5)
           if m.index(r, 0).data(Qt.ItemDataRole.BackgroundRole) is not None}
    assert sorted(bad) == ["6", "7", "8"]
    assert all(bad.values())                              # each bad row says why
    assert "2" in dialog.summary.text() and "Catatan" in dialog.summary.text()
    assert form.grid.model.participants() == []           # nothing added before confirming
    assert dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert [(p.name, p.gender, p.age) for p in form.grid.model.participants()] == [
        ("José", "L", 35), ("Wati", "P", None)]


def test_cancel_adds_nothing_and_an_unreadable_file_is_reported(window, qtbot: Any,
                                                                 tmp_path: Path,
                                                                 monkeypatch: Any) -> None:
    form = window.activity_page.open_form(None)
    dialog = form.import_participants(_csv(tmp_path))
    qtbot.waitUntil(lambda: dialog.preview is not None)
    dialog.reject()
    assert form.grid.model.participants() == []
    shown: list[BaseException] = []
    monkeypatch.setattr("ui.participant_import.show_error",
                        lambda parent, error: shown.append(error))
    (tmp_path / "x.xlsx").write_bytes(b"not a workbook")
    bad = ParticipantImportDialog(tmp_path / "x.xlsx")
    qtbot.addWidget(bad)
    qtbot.waitUntil(lambda: bool(shown))
    assert shown[0].__class__.__name__ == "InvalidInput"
    assert not bad.import_button.isEnabled()


def test_ten_thousand_rows_preview_in_the_dialog(qtbot: Any, tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    lines = ["Nama,L/P,Umur"] + [f"Orang {i},{'LP'[i % 2]},{20 + i % 50}" for i in range(10_000)]
    path.write_text("\n".join(lines), encoding="utf-8-sig")
    dialog = ParticipantImportDialog(path)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=3000)
    assert dialog.model.rowCount() == 10_000 and len(dialog.valid_participants()) == 10_000
