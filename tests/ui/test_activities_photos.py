"""Photos and the scanned sign-in sheet on a session: added in the form, stored with the session
when it is saved, kept when the form opens again, and printed (downscaled) in the laporan
kegiatan."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QTextDocument

from tests.ui.uihelpers import photo
from ui.activity_print import PHOTO_SIDE

VILLAGE = "73.24.04.2010"


def _images_in_pdf(path: Path) -> int:
    if shutil.which("pdfimages"):
        out = subprocess.run(["pdfimages", "-list", str(path)], check=True,
                             capture_output=True, text=True).stdout
        return len([line for line in out.splitlines()[2:] if line.strip()])
    return len(re.findall(rb"/Subtype\s*/Image", path.read_bytes()))


def _form_with_photos(window: Any, qtbot: Any, tmp_path: Path) -> Any:
    form = window.activity_page.open_form(None)
    qtbot.keyClicks(form.title, "Sosialisasi KIM Balantang")
    form.village.setCurrentIndex(form.village.findData(VILLAGE))
    big = photo(tmp_path / "suasana.jpg", "#335577", (3000, 2000))
    sheet = photo(tmp_path / "daftar-hadir.jpg", "#eeeeee", (1240, 1754))
    with qtbot.waitSignal(form.attachments.idle, timeout=10_000):
        form.attachments.add_paths([big, sheet])
    assert form.attachments.count() == 2
    return form


def test_photos_are_stored_with_the_session_and_printed(window, qtbot, core,
                                                        tmp_path: Path) -> None:
    form = _form_with_photos(window, qtbot, tmp_path)
    saved = form.save(submit=False)
    assert saved is not None
    assert [a.filename for a in saved.attachments] == ["suasana.jpg", "daftar-hadir.jpg"]
    assert all(core.files.path_for(a.sha256).exists() for a in saved.attachments)
    form.close()

    again = window.activity_page.open_form(core.activities.get(saved.id))
    qtbot.waitUntil(lambda: not again.attachments.busy)     # thumbnails read
    assert [e.filename for e in again.attachments.entries()] == ["suasana.jpg",
                                                                 "daftar-hadir.jpg"]
    path = again.print_report()
    doc = again.last_document
    assert isinstance(doc, QTextDocument)
    sizes = []
    for n in range(2):
        image = doc.resource(QTextDocument.ResourceType.ImageResource, QUrl(f"kim-photo-{n}"))
        assert isinstance(image, QImage) and not image.isNull()
        sizes.append((image.width(), image.height()))
    assert sizes[0] == (PHOTO_SIDE, PHOTO_SIDE * 2 // 3)        # 3000×2000 downscaled
    assert max(sizes[1]) == PHOTO_SIDE
    assert _images_in_pdf(path) >= 2
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True,
                              text=True).stdout
        assert "Dokumentasi" in text or "Documentation" in text

    # removing one and saving keeps only the other
    again.attachments.view.setCurrentIndex(again.attachments.model.index(0, 0))
    again.attachments.remove_selected()
    kept = again.save(submit=False)
    assert kept is not None and [a.filename for a in kept.attachments] == ["daftar-hadir.jpg"]


def test_a_session_without_photos_prints_none(window, qtbot, core) -> None:
    form = window.activity_page.open_form(None)
    qtbot.keyClicks(form.title, "Sosialisasi tanpa foto")
    form.print_report()
    assert form.last_document is not None
    assert "Documentation" not in form.last_document.toPlainText()
    assert "Dokumentasi" not in form.last_document.toPlainText()


@pytest.mark.parametrize("name", ["bukan-foto.jpg"])
def test_a_file_that_is_not_a_photo_is_refused_with_a_reason(window, qtbot, tmp_path: Path,
                                                             name: str) -> None:
    bad = tmp_path / name
    bad.write_bytes(b"this is not a jpeg at all")
    form = window.activity_page.open_form(None)
    with qtbot.waitSignal(form.attachments.idle, timeout=10_000):
        form.attachments.add_paths([bad])
    assert form.attachments.count() == 0
    assert name in form.problems.text()
