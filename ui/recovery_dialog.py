"""UI layer: the start-up check of the local store and the guided recovery from a backup.

``ensure_store_usable(paths)`` runs before the store is opened: it first does a restore asked
for in Settings last time, then checks the store (`kim_desktop.services.store_health`). A damaged,
truncated or unreadable store leads to `RecoveryDialog`: restore the newest sound backup (its
date and what it holds are shown), choose another one, or quit. The damaged file is kept in the
backup folder, never deleted, and the dialog says what the restored data lacks.
"""

from __future__ import annotations

import atexit
import logging

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kim_desktop.domain.errors import KimError
from kim_desktop.paths import DataPaths
from kim_desktop.services.store_health import (
    BackupChoice,
    HealthReport,
    RecoveryDone,
    StoreHealth,
    Verdict,
)
from ui.errors import show_error
from ui.formatting import datetime_text

log = logging.getLogger(__name__)


def size_text(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB" if size >= 1024 * 1024 else f"{size / 1024:.0f} KB"


class RecoveryDialog(QDialog):
    """Asks how to get a usable store back; ``outcome`` holds what was done (None: quit)."""

    def __init__(self, health: StoreHealth, report: HealthReport,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._health, self._report = health, report
        self.outcome: RecoveryDone | None = None
        self.choices = health.choices()
        self.setWindowTitle(self.tr("KIM Desktop: data file problem"))
        self.setMinimumWidth(560)
        self.pages = QStackedWidget()
        self.problem = QLabel(wordWrap=True)
        self.newest = QLabel(wordWrap=True)
        self.backup_list = QListWidget()
        self.backup_list.hide()
        self.restore_button = QPushButton()
        self.other_button = QPushButton()
        self.empty_button = QPushButton()
        self.quit_button = QPushButton()
        self.done_text = QLabel(wordWrap=True)
        self.done_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.continue_button = QPushButton()

        choose = QWidget()
        col = QVBoxLayout(choose)
        col.addWidget(self.problem)
        col.addWidget(self.newest)
        col.addWidget(self.backup_list)
        row = QHBoxLayout()
        for b in (self.restore_button, self.other_button, self.empty_button):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(self.quit_button)
        col.addLayout(row)
        done = QWidget()
        col = QVBoxLayout(done)
        col.addWidget(self.done_text)
        col.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.continue_button)
        col.addLayout(row)
        self.pages.addWidget(choose)
        self.pages.addWidget(done)
        QVBoxLayout(self).addWidget(self.pages)

        for c in self.choices:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, c)
            self.backup_list.addItem(item)
        if self.choices:
            self.backup_list.setCurrentRow(0)
        self.other_button.setVisible(len(self.choices) > 1)
        self.restore_button.setVisible(bool(self.choices))
        self.empty_button.setVisible(not self.choices)
        self.restore_button.clicked.connect(self._on_restore_clicked)
        self.other_button.clicked.connect(self._on_other_clicked)
        self.empty_button.clicked.connect(self._on_empty_clicked)
        self.quit_button.clicked.connect(self.reject)
        self.continue_button.clicked.connect(self.accept)
        self.backup_list.currentRowChanged.connect(self._on_list_row_changed)
        self.retranslate_ui()

    def selected(self) -> BackupChoice | None:
        item = self.backup_list.currentItem()
        data = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return data if isinstance(data, BackupChoice) else None

    @Slot()
    def _on_other_clicked(self) -> None:
        self.backup_list.show()
        self.other_button.hide()

    @Slot()
    def _on_list_row_changed(self) -> None:
        self._show_selected()

    @Slot()
    def _on_restore_clicked(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            self._recover(chosen)

    @Slot()
    def _on_empty_clicked(self) -> None:
        self._recover(None)

    def _recover(self, chosen: BackupChoice | None) -> None:
        try:
            self.outcome = self._health.recover(chosen.info.path if chosen else None)
        except KimError as e:
            show_error(self, e)
            return
        self.done_text.setText(self._done_message(chosen))
        self.pages.setCurrentIndex(1)

    def _problem_text(self) -> str:
        texts = {
            Verdict.DAMAGED: self.tr(
                "The data file of KIM Desktop is damaged. This can happen after a power cut or "
                "a disk fault."),
            Verdict.NOT_A_DATABASE: self.tr(
                "The data file of KIM Desktop cannot be read: it is no longer a KIM data file "
                "(it may have been overwritten or cut short)."),
            Verdict.EMPTY: self.tr(
                "The data file of KIM Desktop is empty, although the backups show that it held "
                "data. This can happen after a power cut."),
            Verdict.UNREADABLE: self.tr(
                "The data file of KIM Desktop cannot be opened (the disk may be failing or "
                "another program may be blocking the file)."),
        }
        return texts.get(self._report.verdict, texts[Verdict.DAMAGED]) + "\n\n" + self.tr(
            "The damaged file is not deleted: it is kept in the backup folder so that district "
            "IT can try to rescue it.")

    def _show_selected(self) -> None:
        chosen = self.selected()
        if chosen is None:
            self.newest.setText(self.tr(
                "There is no usable backup. You can start with empty data (the damaged file is "
                "kept) and ask district IT for help, or quit."))
            return
        first = chosen is (self.choices[0] if self.choices else None)
        head = self.tr("Newest good backup:") if first else self.tr("Chosen backup:")
        self.newest.setText(head + " " + self.tr(
            "%1, holding %2 complaints and %3 activities. Everything recorded after that time "
            "is not in it.").replace("%1", datetime_text(chosen.info.created_at))
            .replace("%2", str(chosen.complaints)).replace("%3", str(chosen.activities)))

    def _done_message(self, chosen: BackupChoice | None) -> str:
        kept = str(self.outcome.kept_aside) if self.outcome and self.outcome.kept_aside else "-"
        if chosen is None:
            return self.tr(
                "KIM Desktop starts with empty data. The damaged file is kept as %1; give it to "
                "district IT. Complaints already sent to the district are safe at the district "
                "hub.").replace("%1", kept)
        when = datetime_text(chosen.info.created_at)
        return self.tr(
            "The data was restored from the backup of %1 (%2 complaints).\n\n"
            "What is missing: everything recorded or changed after %1. Complaints that were "
            "sent to the district before the damage are safe at the district hub, and their "
            "status comes back with the next sync. Complaints recorded after %1 that were not "
            "yet sent exist only in the damaged file: enter them again from the paper forms "
            "and receipts, or ask district IT to rescue them from it. Records waiting in the "
            "backup are sent again at the next sync; the hub recognises what it already has, "
            "so nothing is doubled.\n\n"
            "The damaged file is kept as %3.").replace("%1", when).replace(
            "%2", str(chosen.complaints)).replace("%3", kept)

    def retranslate_ui(self) -> None:
        self.problem.setText(self._problem_text())
        self._show_selected()
        for i, c in enumerate(self.choices):
            item = self.backup_list.item(i)
            item.setText(self.tr("%1: %2 complaints, %3 activities, %4").replace(
                "%1", datetime_text(c.info.created_at)).replace("%2", str(c.complaints))
                .replace("%3", str(c.activities)).replace("%4", size_text(c.info.size)))
        self.restore_button.setText(self.tr("Restore from this backup"))
        self.other_button.setText(self.tr("Choose another backup…"))
        self.empty_button.setText(self.tr("Start with empty data"))
        self.quit_button.setText(self.tr("Quit"))
        self.continue_button.setText(self.tr("Open KIM Desktop"))


def _tell_restored(parent: QWidget | None, done: RecoveryDone) -> None:
    when = datetime_text(done.restored.created_at) if done.restored else "-"
    QMessageBox.information(parent, "KIM Desktop", QCoreApplication.translate(
        "RecoveryDialog",
        "The data was restored from the backup of %1, as asked in Settings. The data as it "
        "was before is kept as %2.").replace("%1", when).replace("%2", str(done.kept_aside)))


def ensure_store_usable(paths: DataPaths, parent: QWidget | None = None) -> bool:
    """Make sure the store can be opened; False when the user chose to quit.

    Call before the store is opened. On success the store is marked as in use until the
    process exits normally, so a power cut makes the next start check it fully.
    """
    health = StoreHealth(paths)
    try:
        done = health.apply_pending_restore()
    except KimError as e:
        log.error("asked-for restore failed: %s", e.code)
        show_error(parent, e)
    else:
        if done is not None:
            _tell_restored(parent, done)
    report = health.check()
    if not report.usable:
        log.warning("store unusable at start: %s", report.verdict.value)
        dialog = RecoveryDialog(health, report, parent)
        dialog.exec()
        if dialog.outcome is None:
            log.info("recovery declined; quitting")
            return False
    health.mark_started()
    atexit.register(health.mark_stopped)
    return True
