"""UI layer: Settings: language (switched live), attachment limits, registration with the hub
(address, one-time code, state: `ui.enrolment_box`), this computer's profile, where the
data is kept, and backups, restore and diagnostics (`ui.backup_box`)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kim_desktop.core import Core
from kim_desktop.domain.errors import KimError
from kim_desktop.domain.preferences import Preferences
from kim_desktop.services.store_key import store_key_in_file
from sync.client.http import check_ca_bundle
from ui.backup_box import BackupBox
from ui.enrolment_box import EnrolmentBox
from ui.errors import show_error
from ui.labels import role_label
from ui.setup_dialog import SetupDialog, valid_hub_url
from ui.sync_controller import SyncControllerLike
from ui.widgets import combo_select_data

#: Each language in its own words, so anyone can find theirs.
LANGUAGE_NAMES = (("id", "Bahasa Indonesia"), ("en", "English"))


class SettingsPage(QWidget):
    language_requested = Signal(str)
    profile_changed = Signal()

    def __init__(self, core: Core, controller: SyncControllerLike | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._core = core
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.language = QComboBox()
        for code, name in LANGUAGE_NAMES:
            self.language.addItem(name, code)
        self.enrolment = EnrolmentBox(core, controller)
        self.hub, self.hub_message = self.enrolment.hub, self.enrolment.hub_message
        self.max_mb = QSpinBox(minimum=1, maximum=50)
        self.photo_px = QSpinBox(minimum=640, maximum=4096, singleStep=160)
        # trust for the hub's certificate; plain HTTP to another computer only when ticked
        self.ca_bundle, self.ca_button = QLineEdit(), QPushButton()
        self.allow_insecure = QCheckBox()
        self.save_button = QPushButton()
        self.saved_label = QLabel()
        self.profile_label = QLabel(wordWrap=True)
        self.profile_button = QPushButton()
        self.folders = {k: QLabel(wordWrap=True) for k in ("data", "backups", "logs")}
        self.open_buttons = {k: QPushButton() for k in self.folders}
        self.key_warning = QLabel(wordWrap=True)     # data key in a file: no OS keyring
        self.boxes = {k: QGroupBox() for k in ("general", "profile", "folders")}
        self.backup = BackupBox(core)
        self._labels = {k: QLabel() for k in ("language", "max_mb", "photo_px", "data",
                                              "backups", "logs", "ca_bundle")}

        general = QFormLayout(self.boxes["general"])
        general.addRow(self._labels["language"], self.language)
        general.addRow(self._labels["max_mb"], self.max_mb)
        general.addRow(self._labels["photo_px"], self.photo_px)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_bundle, 1)
        ca_row.addWidget(self.ca_button)
        general.addRow(self._labels["ca_bundle"], ca_row)
        general.addRow(self.allow_insecure)
        self.ca_button.clicked.connect(self._on_ca_button_clicked)
        save_row = QHBoxLayout()
        save_row.addWidget(self.save_button)
        save_row.addWidget(self.saved_label, 1)
        general.addRow(save_row)
        profile = QHBoxLayout(self.boxes["profile"])
        profile.addWidget(self.profile_label, 1)
        profile.addWidget(self.profile_button)
        folders = QFormLayout(self.boxes["folders"])
        for k, label in self.folders.items():
            row = QHBoxLayout()
            row.addWidget(label, 1)
            row.addWidget(self.open_buttons[k])
            folders.addRow(self._labels[k], row)
            self.open_buttons[k].clicked.connect(lambda _=False, key=k: self._open_folder(key))
        folders.addRow(self.key_warning)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        for box in (self.boxes["general"], self.enrolment, self.boxes["profile"],
                    self.boxes["folders"], self.backup):
            layout.addWidget(box)
        layout.addStretch(1)

        self.language.currentIndexChanged.connect(self._on_language_changed)
        self.save_button.clicked.connect(self.save)
        self.profile_button.clicked.connect(self._on_profile_clicked)
        self.load()
        self.retranslate_ui()

    def folder_paths(self) -> dict[str, Path]:
        p = self._core.paths
        return {"data": p.root, "backups": p.backups, "logs": p.logs}

    def load(self) -> None:
        prefs = self._core.preferences.get()
        self.language.blockSignals(True)
        combo_select_data(self.language, prefs.language)
        self.language.blockSignals(False)
        self.enrolment.load()
        self.max_mb.setValue(prefs.max_attachment_mb)
        self.photo_px.setValue(prefs.photo_max_side_px)
        self.backup.load()
        self.ca_bundle.setText(prefs.ca_bundle or "")
        self.allow_insecure.setChecked(prefs.allow_insecure_http)
        for k, path in self.folder_paths().items():
            self.folders[k].setText(str(path))
        self.key_warning.setVisible(store_key_in_file(self._core.paths))

    @Slot()
    def save(self) -> Preferences | None:
        hub = self.hub.text().strip()
        self.hub_message.clear_problem()
        self.saved_label.clear()
        if hub and not valid_hub_url(hub):
            self.hub_message.show_problem(self.tr("Enter the full address, e.g. "
                                                  "https://kim.luwutimurkab.go.id"))
            return None
        prefs = replace(self._core.preferences.get(), hub_url=hub or None,
                        max_attachment_mb=self.max_mb.value(),
                        photo_max_side_px=self.photo_px.value(),
                        ca_bundle=self.ca_bundle.text().strip() or None,
                        allow_insecure_http=self.allow_insecure.isChecked(),
                        backup_keep=self.backup.keep.value())
        try:
            check_ca_bundle(prefs.ca_bundle)
            saved = self._core.preferences.save(prefs)
        except KimError as e:
            show_error(self, e)
            return None
        self.saved_label.setText(self.tr("Settings saved."))
        return saved

    @Slot()
    def _on_language_changed(self) -> None:
        self.language_requested.emit(self.language.currentData())

    @Slot()
    def _on_profile_clicked(self) -> None:
        dialog = SetupDialog(self._core, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.load()
            self.retranslate_ui()
            self.profile_changed.emit()
            if dialog.enrolment_code:
                self.enrolment.enroll(dialog.hub_url, dialog.enrolment_code)

    @Slot()
    def _on_ca_button_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("District CA certificate"), "",
                                              self.tr("Certificates (*.pem *.crt *.cer)"))
        if path:
            self.ca_bundle.setText(path)

    def _open_folder(self, key: str) -> None:
        path = self.folder_paths()[key]
        path.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def retranslate_ui(self) -> None:
        self.heading.setText(self.tr("Settings"))
        self.boxes["general"].setTitle(self.tr("General"))
        self.boxes["profile"].setTitle(self.tr("This computer"))
        self.boxes["folders"].setTitle(self.tr("Where the data is kept"))
        names = {"language": self.tr("Language"), "max_mb": self.tr("Largest attachment"),
                 "photo_px": self.tr("Photo size when sending"),
                 "data": self.tr("Data folder"), "backups": self.tr("Backup folder"),
                 "logs": self.tr("Log folder"), "ca_bundle": self.tr("District CA certificate")}
        self.ca_button.setText(self.tr("Choose…"))
        self.ca_bundle.setPlaceholderText(self.tr("none: the computer's trusted certificates"))
        self.allow_insecure.setText(self.tr("Allow INSECURE plain http:// to a hub on another "
                                            "computer (not encrypted)"))
        for k, label in self._labels.items():
            label.setText(names[k])
        self.max_mb.setSuffix(" MB")
        self.photo_px.setSuffix(self.tr(" pixels (longest side)"))
        self.save_button.setText(self.tr("Save settings"))
        for b in self.open_buttons.values():
            b.setText(self.tr("Open folder"))
        self.profile_button.setText(self.tr("Change…"))
        self.key_warning.setText(self.tr(
            "Warning: this computer has no system keyring, so the key that protects reporters' "
            "NIK, phone, e-mail and address is kept in a file in the data folder. Anyone who "
            "copies the whole folder can read them. Turn on the system keyring (Windows "
            "Credential Manager) and restart the app."))
        prof = self._core.device.profile_or_none()
        if prof is not None:
            refs = self._core.reference.data()
            self.profile_label.setText(
                self.tr("%1 in %2. Operator: %3 (%4). Device code %5.")
                .replace("%1", prof.kim_name).replace("%2", refs.village_label(prof.village_code))
                .replace("%3", prof.operator_name).replace("%4", role_label(prof.role))
                .replace("%5", prof.device_tag))

    def changeEvent(self, event: Any) -> None:
        if event.type() == event.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
