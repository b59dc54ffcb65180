"""UI layer: ``kim-desktop --self-check``, run after a build and by district IT on a new PC.

Opens (or creates) and migrates the store, checks it with ``integrity_check``, does a keyring
round trip, renders the main window offscreen, prints one line per step and returns 0 when all
passed. Without ``--data-dir`` it works in a temporary folder, so it never changes user data.
"""

from __future__ import annotations

import os
import secrets
import sys
import tempfile
from pathlib import Path

import keyring
from keyring.errors import KeyringError
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from kim_desktop import __version__
from kim_desktop.core import build_core
from kim_desktop.domain.enums import Role
from kim_desktop.domain.errors import KimError
from kim_desktop.paths import DataPaths
from kim_desktop.services.backups import integrity_ok

SERVICE = "kim-desktop"


def _keyring_round_trip() -> str | None:
    """None when a secret survives set/get/delete, else why not."""
    probe, user = secrets.token_hex(8), "self-check"
    try:
        keyring.set_password(SERVICE, user, probe)
        ok = keyring.get_password(SERVICE, user) == probe
        keyring.delete_password(SERVICE, user)
    except (KeyringError, RuntimeError) as e:
        return f"{type(e).__name__} ({type(keyring.get_keyring()).__name__})"
    except Exception as e:      # a keyring backend that cannot even load
        return type(e).__name__
    return None if ok else "the secret read back differs"


def run_self_check(data_dir: str | None, *, allow_no_keyring: bool = False) -> int:
    if not os.environ.get("QT_QPA_PLATFORM") and not os.environ.get("DISPLAY") \
            and sys.platform.startswith("linux"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    failures = 0

    def report(step: str, problem: str | None, *, fatal: bool = True) -> None:
        nonlocal failures
        print(f"{'OK  ' if problem is None else ('FAIL' if fatal else 'WARN')} {step}"
              + (f": {problem}" if problem else ""))
        failures += problem is not None and fatal

    print(f"kim-desktop {__version__} self-check")
    with tempfile.TemporaryDirectory(prefix="kim-self-check-") as tmp:
        paths = DataPaths.resolve(data_dir) if data_dir else DataPaths(Path(tmp) / "data")
        try:
            core = build_core(paths)
        except KimError as e:
            report("store opened and migrated", e.code)
            return 1
        report("store opened and migrated", None)
        report("store integrity_check", None if integrity_ok(paths.store) else "not ok")
        problem = _keyring_round_trip()
        report("keyring round trip", problem, fatal=not allow_no_keyring)
        if core.device.profile_or_none() is None and not data_dir:
            core.device.init(village_code="73.24.04.2010", kim_name="KIM", operator_name="Uji",
                             role=Role.OPERATOR)
        app = QApplication.instance() or QApplication([sys.argv[0]])
        from ui.i18n import Translations
        from ui.main_window import MainWindow
        from ui.setup_dialog import SetupDialog

        translations = Translations(app)
        translations.apply(core.preferences.get().language)
        settings = QSettings(str(Path(tmp) / "view.ini"), QSettings.Format.IniFormat)
        widget = (MainWindow(core, settings, translations=translations)
                  if core.device.profile_or_none() else SetupDialog(core))
        widget.resize(1100, 700)
        widget.show()
        app.processEvents()
        image = widget.grab().toImage()
        report("main window rendered", None if not image.isNull() and image.width() > 100
               else "empty image")
        widget.close()
        core.ctx.sessions.kw["bind"].dispose()
    print("self-check passed" if failures == 0 else f"self-check failed ({failures})")
    return 0 if failures == 0 else 1
