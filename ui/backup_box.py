"""UI layer: backups and support from Settings ("Cadangan"), and the daily automatic backup.

`BackupBox` shows the backup folder and the newest backup, keeps the number of daily backups
(a preference, saved with the other settings), makes a backup now, restores one and exports the
diagnostics zip. A restore is not done under the running app (its caches, open pages and the
sync thread would still hold the old data): the chosen backup is checked, remembered, and
swapped in at the next start by `ui.recovery_dialog.ensure_store_usable`, after a copy of the
current store is made. `DailyBackup` makes the day's backup off the GUI thread once the window
is up, and looks again every hour for an app left running over night.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kim_desktop.core import Core
from kim_desktop.domain.errors import KimError, StoreCorrupt
from kim_desktop.services.backups import BackupService
from kim_desktop.services.diagnostics import export_diagnostics
from kim_desktop.services.store_health import BackupChoice, StoreHealth
from ui.dialogs import ConfirmDialog, FilePicker, Notice
from ui.errors import show_error
from ui.formatting import datetime_text
from ui.recovery_dialog import size_text
from ui.tasks import run_in_background

log = logging.getLogger(__name__)

HOUR_MS = 60 * 60 * 1000
KEEP_RANGE = (1, 90)


class DailyBackup(QObject):
    """Makes the day's backup (and rotates old ones) off the GUI thread; ``finished`` carries
    the new backup's path, or None when today's existed already."""

    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, core: Core, parent: QObject | None = None,
                 interval_ms: int = HOUR_MS) -> None:
        super().__init__(parent)
        self._core, self._busy = core, False
        self._timer = QTimer(self, interval=interval_ms)
        self._timer.timeout.connect(self.run_now)

    def start(self) -> None:
        self.run_now()
        self._timer.start()

    @Slot()
    def run_now(self) -> None:
        if self._busy:
            return
        self._busy = True
        paths = self._core.paths
        try:
            keep = self._core.preferences.get().backup_keep
        except KimError as e:
            self._on_failed(e)
            return

        def work() -> Path | None:
            made = BackupService(paths.store, paths.backups).daily(keep=keep)
            if made is not None:       # the copy passed integrity_check: the daily full check
                StoreHealth(paths).record_full_check(True)
            return made

        run_in_background(work, self._on_done, self._on_failed, owner=self, name="daily backup")

    def _on_done(self, made: object) -> None:
        self._busy = False
        self.finished.emit(made)

    def _on_failed(self, error: BaseException) -> None:
        self._busy = False
        if isinstance(error, StoreCorrupt):
            StoreHealth(self._core.paths).record_full_check(False)
        log.error("daily backup failed: %s", getattr(error, "code", type(error).__name__))
        self.failed.emit(error)


class RestoreDialog(QDialog):
    """The sound backups with date, kind, size and what they hold; one is chosen."""

    def __init__(self, choices: list[BackupChoice], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices = choices
        self.model = QStandardItemModel(len(choices), 4, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.hint = QLabel(wordWrap=True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.table)
        layout.addWidget(self.buttons)
        self.resize(640, 360)
        self.retranslate_ui()
        if choices:
            self.table.selectRow(0)

    def selected(self) -> BackupChoice | None:
        rows = self.table.selectionModel().selectedRows()
        return self.choices[rows[0].row()] if rows else None

    def kind_text(self, reason: str) -> str:
        names = {"daily": self.tr("daily"), "manual": self.tr("made by hand"),
                 "pre-restore": self.tr("before a restore"),
                 "pre-migrate": self.tr("before an update")}
        return names.get(reason, self.tr("before a change"))

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Restore a backup"))
        self.hint.setText(self.tr("Choose the backup to restore. Everything recorded after its "
                                  "time will not be in the restored data."))
        self.model.setHorizontalHeaderLabels([self.tr("Made at"), self.tr("Kind"),
                                              self.tr("Size"), self.tr("Complaints")])
        for row, c in enumerate(self.choices):
            cells = (datetime_text(c.info.created_at), self.kind_text(c.info.reason),
                     size_text(c.info.size), str(c.complaints))
            for col, text in enumerate(cells):
                item = QStandardItem(text)
                if col >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.model.setItem(row, col, item)
        self.table.resizeColumnsToContents()

    @classmethod
    def ask(cls, parent: QWidget | None, choices: list[BackupChoice]) -> BackupChoice | None:
        dialog = cls(choices, parent)
        return dialog.selected() if dialog.exec() == QDialog.DialogCode.Accepted else None


class BackupBox(QGroupBox):
    backup_made = Signal(object)          # Path
    diagnostics_written = Signal(object)  # Path

    def __init__(self, core: Core, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._core = core
        self.health = StoreHealth(core.paths)
        self.folder = QLabel(wordWrap=True)
        self.folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.newest = QLabel(wordWrap=True)
        self.keep = QSpinBox(minimum=KEEP_RANGE[0], maximum=KEEP_RANGE[1])
        self.backup_button = QPushButton()
        self.restore_button = QPushButton()
        self.diagnostics_button = QPushButton()
        self.pending = QLabel(wordWrap=True)
        self.cancel_restore_button = QPushButton()
        self.message = QLabel(wordWrap=True)
        self._labels = {k: QLabel() for k in ("folder", "newest", "keep")}

        form = QFormLayout(self)
        form.addRow(self._labels["folder"], self.folder)
        form.addRow(self._labels["newest"], self.newest)
        form.addRow(self._labels["keep"], self.keep)
        row = QHBoxLayout()
        for b in (self.backup_button, self.restore_button, self.diagnostics_button):
            row.addWidget(b)
        row.addStretch(1)
        form.addRow(row)
        pending = QHBoxLayout()
        pending.addWidget(self.pending, 1)
        pending.addWidget(self.cancel_restore_button)
        form.addRow(pending)
        form.addRow(self.message)

        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button.clicked.connect(self.restore)
        self.diagnostics_button.clicked.connect(self.export_diagnostics)
        self.cancel_restore_button.clicked.connect(self.cancel_restore)
        self.load()
        self.retranslate_ui()

    def load(self) -> None:
        self.keep.setValue(self._core.preferences.get().backup_keep)
        self.refresh()

    def refresh(self) -> None:
        self.folder.setText(str(self._core.paths.backups))
        backups = self.health.backups.list()
        self.newest.setText(datetime_text(backups[0].created_at) if backups
                            else self.tr("none yet"))
        waiting = self.health.pending_restore()
        self.pending.setVisible(waiting is not None)
        self.cancel_restore_button.setVisible(waiting is not None)
        if waiting is not None:
            self.pending.setText(self.tr("A restore from %1 is waiting: it is done when KIM "
                                         "Desktop starts again.").replace("%1", waiting.name))

    @Slot()
    def back_up_now(self) -> None:
        self.backup_button.setEnabled(False)
        self.message.setText(self.tr("Making a backup…"))
        svc = self.health.backups
        run_in_background(lambda: svc.create("manual"), self._on_backup_done,
                          self._on_task_failed, owner=self, name="manual backup")

    def _on_backup_done(self, path: object) -> None:
        self.backup_button.setEnabled(True)
        assert isinstance(path, Path)
        self.message.setText(self.tr("Backup made: %1").replace("%1", path.name))
        self.refresh()
        self.backup_made.emit(path)

    def _on_task_failed(self, error: BaseException) -> None:
        self.backup_button.setEnabled(True)
        self.diagnostics_button.setEnabled(True)
        self.message.clear()
        if not isinstance(error, KimError):
            log.error("backup box task failed", exc_info=error)
        show_error(self, error)

    @Slot()
    def restore(self) -> bool:
        """Choose a backup, confirm, remember it for the next start; True when asked for."""
        choices = self.health.choices()
        if not choices:
            Notice.tell(self, self.tr("Restore a backup"),
                        self.tr("There is no usable backup in %1.")
                        .replace("%1", str(self._core.paths.backups)))
            return False
        chosen = RestoreDialog.ask(self, choices)
        if chosen is None or not ConfirmDialog.ask(
                self, self.tr("Restore a backup"),
                self.tr("Restore the backup of %1 (%2 complaints)? Everything recorded after "
                        "that time will not be in the restored data; a copy of the current "
                        "data is kept in the backup folder first. KIM Desktop does the restore "
                        "when it starts again.")
                .replace("%1", datetime_text(chosen.info.created_at))
                .replace("%2", str(chosen.complaints)),
                self.tr("Restore at the next start"), self.tr("Cancel")):
            return False
        try:
            self.health.request_restore(chosen.info.path)
        except KimError as e:
            show_error(self, e)
            return False
        self.refresh()
        if ConfirmDialog.ask(self, self.tr("Restore a backup"),
                             self.tr("Close KIM Desktop now? Start it again to finish the "
                                     "restore."), self.tr("Close now"), self.tr("Later")):
            self.window().close()
        return True

    @Slot()
    def cancel_restore(self) -> None:
        self.health.cancel_restore()
        self.refresh()

    @Slot()
    def export_diagnostics(self) -> None:
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M")
        out = FilePicker.ask_save_file(self, self.tr("Export diagnostics"),
                                       Path.home() / f"kim-diagnostik-{stamp}.zip",
                                       self.tr("Zip files (*.zip)"))
        if out is None:
            return
        if out.suffix.lower() != ".zip":
            out = out.with_name(out.name + ".zip")
        self.diagnostics_button.setEnabled(False)
        paths = self._core.paths
        run_in_background(lambda: export_diagnostics(paths, out), self._on_diagnostics_done,
                          self._on_task_failed, owner=self, name="diagnostics")

    def _on_diagnostics_done(self, out: object) -> None:
        self.diagnostics_button.setEnabled(True)
        assert isinstance(out, Path)
        text = self.tr(
            "Saved as %1.\n\nIt holds the log files, the program versions, the sync state "
            "and counts of records and backups. It holds no personal data: no names, NIK, "
            "phone numbers, addresses or complaint texts. Send it to district IT when they "
            "ask for it.").replace("%1", str(out))
        self.message.setText(self.tr("Diagnostics saved as %1").replace("%1", out.name))
        Notice.tell(self, self.tr("Export diagnostics"), text, warning=False)
        self.diagnostics_written.emit(out)

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Backups"))
        names = {"folder": self.tr("Backup folder"), "newest": self.tr("Newest backup"),
                 "keep": self.tr("Daily backups kept")}
        for k, label in self._labels.items():
            label.setText(names[k])
        self.keep.setSuffix(self.tr(" days"))
        self.backup_button.setText(self.tr("Back up now"))
        self.restore_button.setText(self.tr("Restore…"))
        self.diagnostics_button.setText(self.tr("Export diagnostics"))
        self.cancel_restore_button.setText(self.tr("Cancel the restore"))
        self.refresh()

    def changeEvent(self, event: Any) -> None:
        if event.type() == event.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
