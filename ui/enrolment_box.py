"""UI layer: "Pendaftaran ke hub" in Settings: the hub address, the one-time code from
Diskominfo-SP, "Daftarkan", and this computer's state (registered with which hub, or not).

The code is traded for a device token on the sync thread (`SyncController.enroll`); the outcome
comes back as a signal and is told in plain words: a refused code (wrong, used or expired: ask
for a new one), a hub that cannot be reached (try again later), or success, with a warning when
no system password store could keep the token (it then lasts only while the app is open).
After a successful enrolment the controller starts a sync run.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kim_desktop.core import Core
from kim_desktop.domain.errors import KimError
from ui.errors import error_text, show_error
from ui.setup_dialog import valid_hub_url
from ui.sync_controller import SyncControllerLike
from ui.widgets import OK_COLOUR, FieldMessage

log = logging.getLogger(__name__)


def enrolment_failure_text(error: object) -> str:
    """What went wrong with an enrolment and what to do next, in the current language."""
    code = error.code if isinstance(error, KimError) else "unexpected"
    if code in ("offline", "hub_unavailable", "outcome_unknown"):
        return QCoreApplication.translate(
            "EnrolmentBox", "The hub cannot be reached right now, so this computer is not "
                            "registered yet. Check the hub address and the connection, then try "
                            "again later.")
    if code == "invalid_input":
        return QCoreApplication.translate(
            "EnrolmentBox", "The hub address was not accepted. Use the address from "
                            "Diskominfo-SP; it starts with https://.")
    message, next_step = error_text(code)
    return f"{message} {next_step}"


class EnrolmentBox(QGroupBox):
    # severity ("ok", "warning" or "error") and the text shown, after each enrolment attempt
    outcome_shown = Signal(str, str)

    def __init__(self, core: Core, controller: SyncControllerLike | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._core, self._controller = core, controller
        self.busy = False
        self.state_label = QLabel(wordWrap=True)
        self.hub, self.code = QLineEdit(), QLineEdit()
        self.hub_message, self.code_message = FieldMessage(), FieldMessage()
        self.enrol_button = QPushButton()
        self.enrol_button.clicked.connect(self._on_enrol_clicked)
        self.result_label = FieldMessage()
        self.hint = QLabel(wordWrap=True)
        self.hint.setStyleSheet("color: palette(mid);")
        self._labels = {k: QLabel() for k in ("hub", "code")}
        form = QFormLayout()
        for key, field, message in (("hub", self.hub, self.hub_message),
                                    ("code", self.code, self.code_message)):
            box = QVBoxLayout()
            box.addWidget(field)
            box.addWidget(message)
            form.addRow(self._labels[key], box)
        button_row = QHBoxLayout()
        button_row.addWidget(self.enrol_button)
        button_row.addWidget(self.hint, 1)
        form.addRow(button_row)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state_label)
        layout.addLayout(form)
        layout.addWidget(self.result_label)
        self.code.returnPressed.connect(self._on_enrol_clicked)
        if controller is not None:
            controller.enrolled.connect(self._on_controller_enrolled)
            controller.enrol_failed.connect(self._on_controller_enrol_failed)
        self.retranslate_ui()

    def load(self) -> None:
        profile = self._core.device.profile_or_none()
        hub = (profile.hub_url if profile else None) or self._core.preferences.get().hub_url
        self.hub.setText(hub or "")
        self._render_state()

    # -- enrolling --------------------------------------------------------------------------
    def enroll(self, hub: str, code: str) -> bool:
        """Check the address and code, keep the address, ask the controller. Returns whether
        the request went out (the outcome follows as a signal)."""
        hub, code = hub.strip(), code.strip()
        self.hub.setText(hub)
        for m in (self.hub_message, self.code_message, self.result_label):
            m.clear_problem()
        if self._controller is None or self.busy:
            return False
        problems = [(not valid_hub_url(hub), self.hub_message,
                     self.tr("Enter the full address, e.g. https://kim.luwutimurkab.go.id")),
                    (not code, self.code_message,
                     self.tr("Enter the one-time code from Diskominfo-SP."))]
        for bad, message, text in problems:
            if bad:
                message.show_problem(text)
        if any(bad for bad, _, _ in problems):
            return False
        try:
            prefs = self._core.preferences.get()
            if prefs.hub_url != hub:
                self._core.preferences.save(replace(prefs, hub_url=hub))
        except KimError as e:
            show_error(self, e)
            return False
        self._set_busy(True)
        log.info("enrolment requested")
        self._controller.enroll(hub, code)
        return True

    @Slot()
    def _on_enrol_clicked(self) -> None:
        self.enroll(self.hub.text(), self.code.text())

    @Slot(object)
    def _on_controller_enrolled(self, enrolment: Any) -> None:
        self._set_busy(False)
        self.code.clear()
        self._render_state()
        if getattr(enrolment, "persistent", True):
            self._show("ok", self.tr("This computer is now registered with the hub. "
                                     "Synchronization has started."))
        else:
            self._show("warning", self.tr(
                "Registered, but this computer has no usable system password store: the "
                "registration is kept only while the app is open. After closing the app this "
                "computer must be registered again with a new code. Ask your IT helper to enable "
                "the password store."))

    @Slot(object)
    def _on_controller_enrol_failed(self, error: object) -> None:
        self._set_busy(False)
        if not isinstance(error, KimError):
            assert isinstance(error, BaseException)
            show_error(self, error)
        self._show("error", enrolment_failure_text(error))

    def _show(self, severity: str, text: str) -> None:
        self.result_label.show_problem(text, severity)
        self.outcome_shown.emit(severity, text)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.retranslate_ui()

    # -- text -------------------------------------------------------------------------------
    def _render_state(self) -> None:
        profile = self._core.device.profile_or_none()
        enrolled = profile is not None and profile.enrolled and bool(profile.hub_url)
        # the keyring is asked only when there is a token to lose (its first use costs ~0.1 s)
        token_lost = enrolled and self._controller is not None \
            and not self._controller.has_token()
        if profile is not None and profile.enrolled and profile.hub_url and token_lost:
            self.state_label.setText(self.tr("Registered with the hub %1, but its key was only "
                                             "kept while the app was open (no system keyring). "
                                             "Register again with a new code.")
                                     .replace("%1", profile.hub_url))
            self.state_label.setStyleSheet("font-weight: bold;")
        elif profile is not None and profile.enrolled and profile.hub_url:
            self.state_label.setText("✔ " + self.tr("Registered with the hub %1.")
                                     .replace("%1", profile.hub_url))
            self.state_label.setStyleSheet(f"color: {OK_COLOUR}; font-weight: bold;")
        else:
            self.state_label.setText(self.tr("Not registered yet. Until then everything stays "
                                             "safely on this computer."))
            self.state_label.setStyleSheet("font-weight: bold;")

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Registration with the hub"))
        self._labels["hub"].setText(self.tr("Hub address"))
        self._labels["code"].setText(self.tr("One-time code"))
        self.hub.setPlaceholderText(self.tr("e.g. https://kim.luwutimurkab.go.id (from "
                                            "Diskominfo-SP)"))
        self.code.setPlaceholderText(self.tr("from Diskominfo-SP, valid once"))
        self.enrol_button.setText(self.tr("Registering…") if self.busy else self.tr("Register"))
        self.enrol_button.setEnabled(self._controller is not None and not self.busy)
        self.hint.setText(
            self.tr("Synchronization is not available in this installation.")
            if self._controller is None else
            self.tr("The code can be used once and expires after 7 days."))
        self._render_state()

    def changeEvent(self, event: Any) -> None:
        if event.type() == event.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
