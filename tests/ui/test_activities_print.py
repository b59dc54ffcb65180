"""Printables: the blank attendance sheet and the activity report as PDFs, checked for their page
count and for the participant names and counts in their text (pdftotext when installed, else
the rendered QTextDocument)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

from kim_desktop.domain.models import Participant
from tests.conftest import complaint_data
from ui.attendance_model import COL_NAME

VILLAGE = "73.24.04.2010"


def _pages(path: Path) -> int:
    if shutil.which("pdfinfo"):
        out = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True,
                             text=True).stdout
        return int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))  # type: ignore[union-attr]
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", path.read_bytes()))


def _text(path: Path, fallback: str) -> str:
    """The PDF's text with all white space removed (table cells wrap where the layout says)."""
    if shutil.which("pdftotext"):
        fallback = subprocess.run(["pdftotext", str(path), "-"], check=True,
                                  capture_output=True, text=True).stdout
    return re.sub(r"\s+", "", fallback)


def _form(window: Any, qtbot: Any, people: int) -> Any:
    form = window.activity_page.open_form(None)
    qtbot.keyClicks(form.title, "Sosialisasi KIM Balantang")
    form.village.setCurrentIndex(form.village.findData(VILLAGE))
    form.summary.setPlainText("Cara melapor lewat SP4N-LAPOR!")
    form.outcomes.setPlainText("Warga minta lampu jalan")
    form.grid.model.set_participants(
        [Participant(f"Peserta Nomor{i:02d}", "LP"[i % 2], 20 + i, "warga") for i in range(people)])
    return form


def test_blank_attendance_sheet_has_header_signature_column_and_rows(window, qtbot) -> None:
    form = _form(window, qtbot, 0)
    path = form.print_attendance_sheet()
    assert path.exists() and _pages(path) == 1
    text = _text(path, form.last_document.toPlainText())
    assert "SosialisasiKIMBalantang" in text and "DesaBalantang" in text
    assert "Tandatangan" in text                          # Indonesian translation installed
    assert "202122" in text                               # numbered rows, up to 22


def test_activity_report_lists_participants_counts_and_complaints(window, qtbot, core) -> None:
    form = _form(window, qtbot, 60)
    form.grid.model.setData(form.grid.model.index(60, COL_NAME), "Hasna Terakhir")
    assert form.save(submit=False) is not None
    content, _ = core.complaints.validate(
        complaint_data(channel="socialization", activity_id=str(form.activity_id)),
        for_submit=False)
    core.complaints.save_draft(content)
    path = form.print_report()
    assert _pages(path) >= 2                               # 61 rows do not fit on one page
    text = _text(path, form.last_document.toPlainText())
    for name in ("PesertaNomor00", "PesertaNomor59", "HasnaTerakhir"):
        assert name in text
    assert "Wargamintalampujalan" in text
    assert "Jalandesaberlubang" in text                    # the complaint collected
    doc_text = form.last_document.toPlainText()
    assert "Laki-laki (L)" in doc_text
    assert re.search(r"Peserta\s+30\s+30\s+1\s+61", doc_text.replace("\u2029", "\n")), doc_text
