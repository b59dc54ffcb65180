"""Composition root of the desktop app (`kim-desktop`): the only module that wires storage,
services, sync and ui together.

Parses ``--data-dir``, sets up logging, allows one instance per data folder (a second start
brings the first window to the front), builds the core, installs the exception hooks (log the
traceback, show one generic dialog), runs the first-run setup when needed and shows the main
window in the user's language (Indonesian unless chosen otherwise). Once the device profile
exists there is always a sync controller, enrolled or not: without enrolment a run fails with
``not_enrolled`` and the app says what to do; a hub address and code given at setup are used to
enrol as soon as the window is up.
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from kim_desktop import __version__
from kim_desktop.core import Core, build_core
from kim_desktop.domain.errors import KimError
from kim_desktop.logs import setup_logging
from kim_desktop.paths import APP_AUTHOR, APP_NAME, DataPaths, resource_path
from ui.errors import ErrorDialog, ExceptionReporter
from ui.i18n import Translations
from ui.main_window import MainWindow
from ui.setup_dialog import SetupDialog
from ui.single_instance import SingleInstance
from ui.sync_controller import SyncControllerLike

log = logging.getLogger(__name__)


def parse_args(argv: Sequence[str]) -> tuple[argparse.Namespace, list[str]]:
    """Our options, and the rest for Qt (e.g. ``-platform offscreen``)."""
    p = argparse.ArgumentParser(prog="kim-desktop", description="KIM Desktop")
    p.add_argument("--data-dir", help="data folder (default: KIM_DATA_DIR or the user data folder)")
    p.add_argument("--version", action="version", version=f"kim-desktop {__version__}")
    p.add_argument("--self-check", action="store_true",
                   help="check store, migrations, keyring and window, then exit (0 = all good)")
    p.add_argument("--allow-no-keyring", action="store_true",
                   help="with --self-check: a missing OS keyring is a warning, not a failure")
    args, rest = p.parse_known_args(list(argv))
    return args, rest


def load_style_sheet() -> str:
    try:
        return resource_path("styles", "kim.qss").read_text(encoding="utf-8")
    except OSError:
        return ""


def has_unsent_work(core: Core) -> bool:
    backlog = core.status.status().backlog
    return bool(backlog.get("pending") or backlog.get("sending"))


def is_enrolled(core: Core) -> bool:
    profile = core.device.profile_or_none()
    return bool(profile and profile.enrolled)


def has_work_to_sync(core: Core) -> bool:
    """Whether an automatic run is worth starting: only an enrolled device with something to
    send (a device that is not enrolled runs only when the user asks, and is then told why it
    cannot)."""
    return is_enrolled(core) and has_unsent_work(core)


def make_sync_controller(core: Core) -> SyncControllerLike | None:
    """The sync thread's controller once the device profile exists, enrolled or not; None only
    when sync cannot be loaded at all (the app then works offline and says so)."""
    if core.device.profile_or_none() is None:
        return None
    try:
        from sync.client.service import SyncClient
        from ui.sync_controller import SyncController

        return SyncController(SyncClient(core), has_work=lambda: has_work_to_sync(core))
    except (ImportError, KimError):
        log.exception("sync is not available; the app runs without it")
        return None


def main(argv: Sequence[str] | None = None) -> int:
    args, qt_args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.self_check:
        from ui.self_check import run_self_check

        return run_self_check(args.data_dir, allow_no_keyring=args.allow_no_keyring)
    paths = DataPaths.resolve(args.data_dir)
    log_path = setup_logging(paths.logs)
    log.info("kim-desktop %s starting", __version__)

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0], *qt_args])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_AUTHOR)
    app.setApplicationVersion(__version__)
    app.setStyleSheet(load_style_sheet())
    translations = Translations(app, pseudo=os.environ.get("KIM_PSEUDO_LOCALE") == "1")
    translations.apply("id")

    instance = SingleInstance(paths.lock_file)
    if not instance.acquire():
        if instance.notify_first():
            log.info("another window has this data folder; it was brought to the front")
            return 0
        QMessageBox.information(None, "KIM Desktop", QCoreApplication.translate(
            "App", "KIM Desktop is already open for this data folder. Close the other window "
                   "first, or wait until it has finished closing."))
        return 0

    reporter = ExceptionReporter(app)
    reporter.install()
    try:
        try:
            core = build_core(paths)
        except KimError as e:
            log.error("store cannot be opened: %s", e.code)
            ErrorDialog(e).exec()
            return 1
        translations.apply(core.preferences.get().language)
        return run_ui(app, core, translations, instance)
    finally:
        reporter.uninstall()
        instance.release()
        log.info("kim-desktop stopped (log: %s)", log_path)


def run_ui(app: QApplication, core: Core, translations: Translations,
           instance: SingleInstance) -> int:
    enrolment: tuple[str, str] | None = None
    if core.device.profile_or_none() is None:
        dialog = SetupDialog(core)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            log.info("first-run setup cancelled")
            return 0
        if dialog.enrolment_code:
            log.info("enrolment code given at setup; enrolling once the window is up")
            enrolment = (dialog.hub_url, dialog.enrolment_code)
    controller = make_sync_controller(core)
    settings = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, APP_AUTHOR,
                         f"{APP_NAME}-view")
    window = MainWindow(core, settings, translations=translations, sync=controller)
    instance.activation_requested.connect(window.bring_to_front)
    window.show()
    window.start()
    if enrolment is not None:
        window.start_enrolment(*enrolment)
    _close_on_terminate(window)
    try:
        return app.exec()
    finally:
        if controller is not None:
            controller.shutdown()


def _close_on_terminate(window: MainWindow) -> None:
    """SIGTERM/SIGINT (logout, ``kill``, Ctrl+C) close the window the normal way, so the open
    form is saved as a draft. Python handles signals only while it runs, hence the timer."""
    def close(*_: object) -> None:
        log.info("terminate signal: closing the window")
        window.close()

    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, close)
    timer = QTimer(window, interval=500)
    timer.timeout.connect(lambda: None)
    timer.start()


if __name__ == "__main__":
    sys.exit(main())
