"""Composition root of the desktop app (`kim-desktop`): the only module that wires storage,
services, sync and ui together.

Parses ``--data-dir``, sets up logging, allows one instance per data folder (a second start
brings the first window to the front), installs the exception hooks (log the traceback, show one
generic dialog) and shows the main window's first frame in the language last used. Only Qt and
a few light modules are imported until then: once that frame has painted, `StartUp` opens the
store and builds the core (SQLAlchemy, Alembic only for a migration), runs the first-run setup
when needed, makes the sync client and fills the window. Once the device profile exists there is
always a sync controller, enrolled or not: without enrolment a run fails with ``not_enrolled``
and the app says what to do; a hub address and code given at setup are used to enrol as soon as
the window is filled.
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QSettings, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication

from kim_desktop import __version__
from kim_desktop.logs import setup_logging
from kim_desktop.paths import APP_AUTHOR, APP_NAME, DataPaths, resource_path
from ui.i18n import Translations
from ui.main_window import MainWindow, remembered_language
from ui.single_instance import SingleInstance

if TYPE_CHECKING:
    from kim_desktop.core import Core
    from ui.backup_box import DailyBackup
    from ui.errors import ExceptionReporter
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
    from kim_desktop.domain.errors import KimError

    try:
        from sync.client.service import SyncClient
        from ui.sync_controller import SyncController

        return SyncController(SyncClient(core), has_work=lambda: has_work_to_sync(core))
    except (ImportError, KimError):
        log.exception("sync is not available; the app runs without it")
        return None


def view_settings() -> QSettings:
    """Qt's view state (geometry, column widths, the UI language of the first frame)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, APP_AUTHOR,
                     f"{APP_NAME}-view")


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
    settings = view_settings()
    translations = Translations(app, pseudo=os.environ.get("KIM_PSEUDO_LOCALE") == "1")
    translations.apply(remembered_language(settings))

    instance = SingleInstance(paths.lock_file)
    if not instance.acquire():
        if instance.notify_first():
            log.info("another window has this data folder; it was brought to the front")
            return 0
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.information(None, "KIM Desktop", QCoreApplication.translate(
            "App", "KIM Desktop is already open for this data folder. Close the other window "
                   "first, or wait until it has finished closing."))
        return 0

    # The store is opened once the first frame has painted (`StartUp`); checks of the store that
    # must run before it is opened go at the top of `StartUp.open_store`.
    window = MainWindow(None, settings, translations=translations)
    startup = StartUp(paths, window, translations)
    startup.ended.connect(app.exit)
    try:
        instance.activation_requested.connect(window.bring_to_front)
        _close_on_terminate(window)
        window.show()
        code = app.exec()
        return startup.exit_code if startup.exit_code is not None else code
    finally:
        if startup.controller is not None:
            startup.controller.shutdown()
        if startup.reporter is not None:
            startup.reporter.uninstall()
        instance.release()
        log.info("kim-desktop stopped (log: %s)", log_path)


class StartUp(QObject):
    """What follows the first frame, in the order it runs (each step after the previous one
    returned to the event loop, so the frame keeps painting):

    1. `open_store`: checks of the store before it is opened belong at its top; then the core
       is built (the store created or migrated); a store that cannot be opened is explained in
       the `ErrorDialog` and the app ends with exit code 1;
    2. `set_up`: the first-run setup when there is no device profile (cancelled: exit 0);
    3. `fill_window`: the sync controller, `MainWindow.attach`, `MainWindow.start` (a crash
       journal is restored), and an enrolment with the code given at setup.
    """

    ended = Signal(int)     # the app must end with this exit code (before its window was filled)

    def __init__(self, paths: DataPaths, window: MainWindow,
                 translations: Translations, *, fallback_ms: int = 1000) -> None:
        super().__init__(window)
        self._paths, self._window, self._translations = paths, window, translations
        self.core: Core | None = None
        self.controller: SyncControllerLike | None = None
        self.exit_code: int | None = None
        self.reporter: ExceptionReporter | None = None
        self._enrolment: tuple[str, str] | None = None
        self.daily_backup: DailyBackup | None = None
        self._begun = False
        window.first_painted.connect(self.begin)
        # a window that is never painted (started minimised) must still load
        self._fallback = QTimer(self, singleShot=True, interval=fallback_ms)
        self._fallback.timeout.connect(self.begin)
        self._fallback.start()

    @Slot()
    def begin(self) -> None:
        if self._begun:
            return
        self._begun = True
        self._fallback.stop()
        QTimer.singleShot(0, self.open_store)     # after whatever else waits on the painted frame

    def _quit(self, code: int) -> None:
        self.exit_code = code
        self._window.close()
        self.ended.emit(code)

    @Slot()
    def open_store(self) -> None:
        # from here on an unexpected exception is logged and shown (nothing ran before it
        # but building the frame)
        from ui.errors import ExceptionReporter

        self.reporter = ExceptionReporter(QCoreApplication.instance())
        self.reporter.install()
        from kim_desktop.core import build_core
        from kim_desktop.domain.errors import KimError
        from ui.recovery_dialog import ensure_store_usable

        # a restore asked for in Settings, then the start-up check with guided recovery of a
        # damaged store (the frame is the dialogs' parent); quitting there changes nothing
        if not ensure_store_usable(self._paths, self._window):
            self._quit(0)
            return
        try:
            self.core = build_core(self._paths)
        except KimError as e:
            from ui.errors import ErrorDialog

            log.error("store cannot be opened: %s", e.code)
            ErrorDialog(e, self._window).exec()
            self._quit(1)
            return
        self._translations.apply(self.core.preferences.get().language)
        QTimer.singleShot(0, self.set_up)

    @Slot()
    def set_up(self) -> None:
        assert self.core is not None
        if self.core.device.profile_or_none() is None:
            from PySide6.QtWidgets import QDialog

            from ui.setup_dialog import SetupDialog

            dialog = SetupDialog(self.core, self._window)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                log.info("first-run setup cancelled")
                self._quit(0)
                return
            if dialog.enrolment_code:
                log.info("enrolment code given at setup; enrolling once the window is up")
                self._enrolment = (dialog.hub_url, dialog.enrolment_code)
        QTimer.singleShot(0, self.fill_window)

    @Slot()
    def fill_window(self) -> None:
        assert self.core is not None
        self.controller = make_sync_controller(self.core)
        self._window.attach(self.core, self.controller)
        self._window.start()
        from ui.backup_box import DailyBackup

        self.daily_backup = DailyBackup(self.core, self._window)
        self.daily_backup.start()      # today's backup off the GUI thread, then hourly checks
        if self._enrolment is not None:
            self._window.start_enrolment(*self._enrolment)


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
