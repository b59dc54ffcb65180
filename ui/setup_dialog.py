"""UI layer: first-run setup: kecamatan, then desa/kelurahan with search as you type, KIM name,
operator, role; the hub address and enrolment code may be given now or later (the app works
fully without them). Also used from Settings to change the profile."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt, QUrl, Slot
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kim_desktop.core import Core
from kim_desktop.domain.enums import Role
from kim_desktop.domain.errors import KimError, ValidationFailed
from kim_desktop.domain.models import DeviceProfile
from ui.errors import show_error
from ui.i18n import current_language
from ui.labels import role_label
from ui.widgets import FieldMessage, combo_select_data

CodeRole = Qt.ItemDataRole.UserRole + 1
KecamatanRole = Qt.ItemDataRole.UserRole + 2


def valid_hub_url(text: str) -> bool:
    url = QUrl(text.strip())
    return url.isValid() and url.scheme() in ("http", "https") and bool(url.host())


class VillageFilter(QSortFilterProxyModel):
    """Villages of the chosen kecamatan (or all) whose name contains the typed text."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.kecamatan: str | None = None
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def set_kecamatan(self, code: str | None) -> None:
        self.beginFilterChange()
        self.kecamatan = code
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
        index = self.sourceModel().index(row, 0, parent)
        if self.kecamatan and index.data(KecamatanRole) != self.kecamatan:
            return False
        return super().filterAcceptsRow(row, parent)


class SetupDialog(QDialog):
    def __init__(self, core: Core, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._core = core
        refs = core.reference.data()
        self.profile: DeviceProfile | None = None
        self.enrolment_code = ""
        self.hub_url = ""
        self._kim_name_typed = False
        self.intro = QLabel(wordWrap=True)
        self.kecamatan = QComboBox()
        self.kecamatan.addItem("", None)
        for r in sorted((r for r in refs.regions.values() if r.level == "kecamatan"),
                        key=lambda r: r.name):
            self.kecamatan.addItem(r.name, r.code)
        self.search = QLineEdit(clearButtonEnabled=True)
        self.villages = QStandardItemModel(self)
        for v in sorted(refs.villages(), key=lambda v: v.name):
            kec = refs.kecamatan_of(v.code)
            item = QStandardItem(f"{refs.village_label(v.code)}")
            item.setData(v.code, CodeRole)
            item.setData(v.parent_code, KecamatanRole)
            item.setToolTip(f"{v.code} · {kec.name if kec else ''}")
            item.setEditable(False)
            self.villages.appendRow(item)
        self.filter = VillageFilter(self)
        self.filter.setSourceModel(self.villages)
        self.village_list = QListView()
        self.village_list.setModel(self.filter)
        self.village_list.setMinimumHeight(150)
        self.kim_name, self.operator, self.hub, self.code = (QLineEdit() for _ in range(4))
        self.role = QComboBox()
        for role in Role:
            self.role.addItem("", role.value)
        self.messages = {k: FieldMessage() for k in ("village_code", "kim_name",
                                                     "operator_name", "hub_url")}
        self.later = QLabel(wordWrap=True)
        self.later.setStyleSheet("color: palette(mid);")
        self.ok_button, self.cancel_button = QPushButton(), QPushButton()
        self.ok_button.setDefault(True)
        self.ok_button.clicked.connect(self.complete)
        self.cancel_button.clicked.connect(self.reject)

        self.form = QFormLayout()
        self._labels: dict[str, QLabel] = {}
        village_box = QVBoxLayout()
        for w in (self.search, self.village_list, self.messages["village_code"]):
            village_box.addWidget(w)
        for key, field in (("kecamatan", self.kecamatan), ("village", village_box),
                           ("kim_name", self.kim_name), ("operator", self.operator),
                           ("role", self.role), ("hub", self.hub), ("code", self.code)):
            self._labels[key] = QLabel()
            box = field if not isinstance(field, QWidget) else QVBoxLayout()
            if isinstance(field, QWidget):
                box.addWidget(field)
                msg = {"kim_name": "kim_name", "operator": "operator_name", "hub": "hub_url"}
                if key in msg:
                    box.addWidget(self.messages[msg[key]])
            self.form.addRow(self._labels[key], box)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.ok_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.later)
        layout.addLayout(buttons)
        self.resize(620, 640)

        self.kecamatan.currentIndexChanged.connect(self._on_kecamatan_changed)
        self.search.textChanged.connect(self.filter.setFilterFixedString)
        self.search.textChanged.connect(self._select_first_if_one)
        self.search.returnPressed.connect(self._on_search_return_pressed)
        self.village_list.selectionModel().currentChanged.connect(self._on_village_changed)
        self.kim_name.textEdited.connect(self._on_kim_name_edited)
        self.retranslate_ui()
        self._prefill()

    def _prefill(self) -> None:
        prof = self._core.device.profile_or_none()
        self.hub.setText((prof.hub_url if prof else None)
                         or self._core.preferences.get().hub_url or "")
        if prof is None:
            return
        self.select_village(prof.village_code)
        self.kim_name.setText(prof.kim_name)
        self._kim_name_typed = True
        self.operator.setText(prof.operator_name)
        combo_select_data(self.role, prof.role.value)

    # -- choosing the village -----------------------------------------------------------------
    def select_village(self, code: str) -> bool:
        refs = self._core.reference.data()
        if not refs.is_village(code):
            return False
        kec = refs.regions[code].parent_code
        combo_select_data(self.kecamatan, kec)
        for row in range(self.filter.rowCount()):
            index = self.filter.index(row, 0)
            if index.data(CodeRole) == code:
                self.village_list.setCurrentIndex(index)
                return True
        return False

    def village_code(self) -> str | None:
        index = self.village_list.currentIndex()
        return index.data(CodeRole) if index.isValid() else None

    @Slot()
    def _on_kecamatan_changed(self) -> None:
        self.filter.set_kecamatan(self.kecamatan.currentData())
        self._select_first_if_one()

    @Slot()
    def _select_first_if_one(self) -> None:
        if self.filter.rowCount() == 1 or (self.search.text() and self.filter.rowCount()):
            self.village_list.setCurrentIndex(self.filter.index(0, 0))

    @Slot()
    def _on_search_return_pressed(self) -> None:
        if self.filter.rowCount():
            self.village_list.setCurrentIndex(self.filter.index(0, 0))
            self.kim_name.setFocus()

    @Slot()
    def _on_village_changed(self) -> None:
        code = self.village_code()
        if code is None:
            return
        self.messages["village_code"].clear_problem()
        if not self._kim_name_typed:
            self.kim_name.setText(f"KIM {self._core.reference.data().regions[code].name}")

    @Slot()
    def _on_kim_name_edited(self) -> None:
        self._kim_name_typed = True

    # -- finishing --------------------------------------------------------------------------
    @Slot()
    def complete(self) -> bool:
        """Check and save the profile; closes the dialog when it worked."""
        for m in self.messages.values():
            m.clear_problem()
        code, hub = self.village_code() or "", self.hub.text().strip()
        missing = [(not code, "village_code", self.tr("Choose the village from the list.")),
                   (not self.kim_name.text().strip(), "kim_name", self.tr("Enter the KIM name.")),
                   (not self.operator.text().strip(), "operator_name",
                    self.tr("Enter the operator's name.")),
                   (bool(hub) and not valid_hub_url(hub), "hub_url",
                    self.tr("Enter the full address, e.g. https://kim.luwutimurkab.go.id")),
                   (not hub and bool(self.code.text().strip()), "hub_url",
                    self.tr("The enrolment code needs the hub address too."))]
        for bad, key, text in missing:
            if bad:
                self.messages[key].show_problem(text)
        if any(bad for bad, _, _ in missing):
            return False
        try:
            self.profile = self._core.device.init(
                village_code=code, kim_name=self.kim_name.text(),
                operator_name=self.operator.text(), role=self._role())
            prefs = self._core.preferences.get()
            self._core.preferences.save(replace(prefs, hub_url=hub or None))
        except ValidationFailed as e:
            lang = current_language()
            for p in e.problems:
                self.messages.get(p.field, self.messages["village_code"]).show_problem(
                    p.message(lang))
            return False
        except KimError as e:
            show_error(self, e)
            return False
        self.enrolment_code, self.hub_url = self.code.text().strip(), hub
        self.accept()
        return True

    def _role(self) -> Role:
        return Role(self.role.currentData())

    @classmethod
    def run(cls, core: Core, parent: QWidget | None = None) -> DeviceProfile | None:
        dlg = cls(core, parent)
        return dlg.profile if dlg.exec() == QDialog.DialogCode.Accepted else None

    # -- text -------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Set up KIM Desktop"))
        self.intro.setText(self.tr("Welcome. Tell us where this computer is used. You can change "
                                   "this later in Settings."))
        self.kecamatan.setItemText(0, self.tr("All kecamatan"))
        self.search.setPlaceholderText(self.tr("Type part of the village name…"))
        for i, r in enumerate(Role):
            self.role.setItemText(i, role_label(r))
        names = {"kecamatan": self.tr("Kecamatan"), "village": self.tr("Village *"),
                 "kim_name": self.tr("KIM name *"), "operator": self.tr("Operator name *"),
                 "role": self.tr("Role"), "hub": self.tr("Hub address"),
                 "code": self.tr("Enrolment code")}
        for k, label in self._labels.items():
            label.setText(names[k])
        self.hub.setPlaceholderText(self.tr("optional, e.g. https://kim.luwutimurkab.go.id"))
        self.code.setPlaceholderText(self.tr("optional"))
        self.later.setText(self.tr("The hub address and enrolment code come from Diskominfo-SP. "
                                   "Without them the app works fully and keeps everything on "
                                   "this computer; you can add them later in Settings."))
        self.ok_button.setText(self.tr("Start using KIM Desktop"))
        self.cancel_button.setText(self.tr("Cancel"))

    def changeEvent(self, event: Any) -> None:
        if event.type() == event.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
