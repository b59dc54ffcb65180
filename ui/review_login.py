"""UI layer: the reviewer's login box of the review workspace: hub address (from the device
profile or the preferences, editable), username, password, "Masuk".

The password is handed to `ReviewClient.login` on a worker thread and cleared from the field
right after; the token stays inside the client (memory only). A wrong password or a locked
account is told beside the button; other failures go through `show_error`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QLineEdit, QPushButton, QWidget

from kim_desktop.core import Core
from kim_desktop.domain.errors import InvalidInput
from sync.client.review import LoginRefused, ReviewClient, TooManyAttempts
from ui.errors import show_error
from ui.tasks import run_in_background
from ui.widgets import FieldMessage


class ReviewLoginBox(QGroupBox):
    logged_in = Signal(object)          # the logged-in ReviewClient

    def __init__(self, core: Core, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._core = core
        self.busy = False
        self.hub_edit = QLineEdit(self.default_hub())
        self.user_edit = QLineEdit()
        self.user_edit.setMaxLength(64)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.login_button = QPushButton()
        self.login_button.setDefault(True)
        self.login_button.clicked.connect(self.log_in)
        self.password_edit.returnPressed.connect(self.log_in)
        self.message = FieldMessage()
        self._labels = [QLabel() for _ in range(3)]
        form = QFormLayout(self)
        for label, w in zip(self._labels, (self.hub_edit, self.user_edit, self.password_edit),
                            strict=True):
            label.setBuddy(w)
            form.addRow(label, w)
        form.addRow("", self.login_button)
        form.addRow("", self.message)
        self.setMinimumWidth(460)     # room for a district hub address and the title
        self.setMaximumWidth(560)
        self.retranslate_ui()

    def default_hub(self) -> str:
        prefs = self._core.preferences.get()
        profile = self._core.device.profile_or_none()
        return (profile.hub_url if profile else None) or prefs.hub_url or ""

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Log in as a district reviewer"))
        for label, text in zip(self._labels, (self.tr("&Hub address"), self.tr("User&name"),
                                              self.tr("&Password")), strict=True):
            label.setText(text)
        self.hub_edit.setPlaceholderText("https://hub.luwutimurkab.go.id")
        self.login_button.setText(self.tr("&Log in"))

    def changeEvent(self, event: Any) -> None:
        if event.type() == event.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def make_client(self, hub: str) -> ReviewClient:
        prefs = self._core.preferences.get()
        return ReviewClient(hub, allow_insecure=prefs.allow_insecure_http,
                            ca_bundle=prefs.ca_bundle)

    @Slot()
    def log_in(self) -> None:
        if self.busy:
            return
        hub, user = self.hub_edit.text().strip(), self.user_edit.text().strip()
        password = self.password_edit.text()
        for value, field, text in ((hub, self.hub_edit, self.tr("Hub address: required.")),
                                   (user, self.user_edit, self.tr("Username: required.")),
                                   (password, self.password_edit,
                                    self.tr("Password: required."))):
            if not value:
                self.message.show_problem(text)
                field.setFocus()
                return
        try:
            client = self.make_client(hub)
        except InvalidInput:
            self.message.show_problem(self.tr(
                "Hub address: must start with https:// (plain http:// only for this "
                "computer)."))
            self.hub_edit.setFocus()
            return
        self.password_edit.clear()
        self.busy = True
        self.login_button.setEnabled(False)
        self.message.show_problem(self.tr("Logging in…"), "warning")
        run_in_background(lambda: client.login(user, password),
                          lambda _info: self._on_logged_in(client),
                          lambda error: self._on_failed(client, error),
                          owner=self, name="review-login")

    def _on_logged_in(self, client: ReviewClient) -> None:
        self.busy = False
        self.login_button.setEnabled(True)
        self.message.clear_problem()
        self.logged_in.emit(client)

    def _on_failed(self, client: ReviewClient, error: BaseException) -> None:
        client.close()
        self.busy = False
        self.login_button.setEnabled(True)
        if isinstance(error, LoginRefused):
            self.message.show_problem(self.tr("Wrong username or password."))
            self.password_edit.setFocus()
        elif isinstance(error, TooManyAttempts):
            minutes = max(1, (error.retry_after or 900) // 60)
            self.message.show_problem(self.tr(
                "Too many attempts: this account is locked for a while. Wait %1 minute(s), "
                "then try again.").replace("%1", str(minutes)))
        else:
            self.message.clear_problem()
            show_error(self, error)

    def show_expired(self) -> None:
        self.message.show_problem(self.tr("Your login has expired. Log in again."), "warning")
        self.password_edit.setFocus()
