"""The wire settings on the Settings page: the district's CA certificate file and the clearly
named insecure-HTTP switch, kept in preferences (and so used by enrolment, sync and uploads)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from tlskit import make_pki

from kim_desktop.core import Core
from ui.errors import ErrorDialog
from ui.settings_page import SettingsPage

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _errors() -> list[ErrorDialog]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, ErrorDialog) and w.isVisible()]


def test_a_ca_certificate_file_is_checked_then_kept(qtbot: Any, core: Core,
                                                    tmp_path: Path) -> None:
    page = SettingsPage(core)
    qtbot.addWidget(page)
    assert page.ca_bundle.text() == "" and not page.allow_insecure.isChecked()
    not_a_cert = tmp_path / "foto.pem"
    not_a_cert.write_bytes(b"\xff\xd8\xff\xe0 bukan sertifikat")
    page.ca_bundle.setText(str(not_a_cert))
    assert page.save() is None
    qtbot.waitUntil(lambda: bool(_errors()))
    for dialog in _errors():
        dialog.close()
    assert core.preferences.get().ca_bundle is None           # nothing half-saved
    ca = make_pki(tmp_path / "pki").ca_pem
    page.ca_bundle.setText(str(ca))
    page.allow_insecure.setChecked(True)
    saved = page.save()
    assert saved is not None and (saved.ca_bundle, saved.allow_insecure_http) == (str(ca), True)
    again = SettingsPage(core)
    qtbot.addWidget(again)
    assert again.ca_bundle.text() == str(ca) and again.allow_insecure.isChecked()
