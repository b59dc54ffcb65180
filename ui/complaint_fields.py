"""UI layer: the input fields of a complaint (every field of DOMAIN.md), their labels, help
texts and the validation message beside each. Knows the data-dictionary field names: `data()`
returns what is typed as the mapping `ComplaintService.validate` reads, `set_data()` fills it."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kim_desktop.domain.enums import Channel, Kind
from kim_desktop.domain.models import Activity
from kim_desktop.domain.problems import Problem
from kim_desktop.domain.reference import ReferenceData
from ui.attachments_widget import AttachmentsWidget
from ui.formatting import date_text
from ui.i18n import current_language
from ui.labels import channel_label, gender_label, kind_label
from ui.widgets import WARNING_COLOUR, FieldMessage, combo_data, combo_select_data, make_filtering_combo

REPORTER_KEYS = ("name", "nik", "phone", "email", "address", "gender", "birth_year")
#: Where a problem of a field is shown when the field has no message of its own.
MESSAGE_OF = {"longitude": "latitude"}


class ComplaintFields(QWidget):
    changed = Signal()

    def __init__(self, refs: ReferenceData, attachments: AttachmentsWidget,
                 activities: Sequence[Activity], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._refs = refs
        self._labels: dict[str, QLabel] = {}
        self.messages: dict[str, FieldMessage] = {}
        self._problems: list[Problem] = []
        self._groups: dict[str, QGroupBox] = {}
        self._help: dict[str, QLabel] = {}
        self.widgets: dict[str, QWidget] = {}

        self.kind = QComboBox()
        for kind in Kind:
            self.kind.addItem("", kind.value)
        self.title = QLineEdit(maxLength=150)
        self.body = QPlainTextEdit()
        self.body.setTabChangesFocus(True)
        self.body.setMinimumHeight(100)
        self.body.setMaximumHeight(170)
        self.incident_date = QLineEdit(maxLength=10)
        self.today_button = QPushButton()
        self.village = make_filtering_combo(QComboBox())
        for r in sorted(refs.villages(), key=lambda v: (refs.kecamatan_of(v.code) or v).name + v.name):
            self.village.addItem(refs.village_label(r.code), r.code)
        self.location = QLineEdit(maxLength=500)
        self.latitude, self.longitude = QLineEdit(maxLength=20), QLineEdit(maxLength=20)
        self.category = make_filtering_combo(QComboBox())
        self.category.addItem("", "")
        for code in sorted(refs.categories, key=refs.category_label):
            self.category.addItem(refs.category_label(code), code)
        self.agency = make_filtering_combo(QComboBox())
        self.agency.addItem("", None)
        for a in sorted(refs.agencies.values(), key=lambda a: a.name):
            self.agency.addItem(f"{a.name} ({a.short_name})" if a.short_name != a.name else a.name,
                                a.code)
        self.channel = QComboBox()
        for channel in Channel:
            self.channel.addItem("", channel.value)
        self.activity = QComboBox()
        self.set_activities(activities)
        self.reporter = {k: QLineEdit(maxLength=254) for k in REPORTER_KEYS if k != "gender"}
        self.reporter["nik"].setMaxLength(16)
        self.reporter["birth_year"].setMaxLength(4)
        self.gender = QComboBox()
        for g in ("", "L", "P"):
            self.gender.addItem("", g)
        self.anonymous, self.confidential, self.consent = QCheckBox(), QCheckBox(), QCheckBox()
        self.attachments = attachments
        self.general_message = FieldMessage()
        for combo in (self.village, self.category, self.agency, self.activity):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(24)
        self.setMaximumWidth(1000)

        # -- layout (creation order above is the tab order) ---------------------------------
        report = self._group("report")
        self._row(report, "kind", self.kind)
        self._row(report, "title", self.title)
        self._row(report, "body", self.body)
        self._row(report, "category_code", self.category)
        self._row(report, "agency_code", self.agency)
        where = self._group("where")
        date_box = QHBoxLayout()
        date_box.addWidget(self.incident_date)
        date_box.addWidget(self.today_button)
        date_box.addStretch(1)
        self._row(where, "incident_date", date_box, self.incident_date)
        self._row(where, "village_code", self.village)
        self._row(where, "location_detail", self.location)
        coords = QHBoxLayout()
        coords.addWidget(self.latitude)
        coords.addWidget(self.longitude)
        self._row(where, "latitude", coords, self.latitude)
        self._row(where, "channel", self.channel)
        self._row(where, "activity_id", self.activity)
        person = self._group("reporter")
        self.messages["reporter"] = FieldMessage()
        person.addRow(self.messages["reporter"])
        for k in REPORTER_KEYS:
            self._row(person, f"reporter.{k}", self.gender if k == "gender" else self.reporter[k])
        privacy = self._group("privacy")
        self._check_row(privacy, "anonymous", self.anonymous)
        self._check_row(privacy, "confidential", self.confidential)
        files = self._group("attachments")
        self._help["photo_warning"] = QLabel(wordWrap=True)
        self._help["photo_warning"].setStyleSheet(f"color: {WARNING_COLOUR};")
        files.addRow(self._help["photo_warning"])
        self._row(files, "attachments", self.attachments)
        agree = self._group("consent")
        self._check_row(agree, "consent", self.consent)

        layout = QVBoxLayout(self)
        layout.addWidget(self.general_message)
        for box in self._groups.values():
            layout.addWidget(box)
        layout.addStretch(1)

        for w in (self.title, self.incident_date, self.location, self.latitude, self.longitude,
                  *self.reporter.values()):
            w.textChanged.connect(self.changed)
        self.body.textChanged.connect(self.changed)
        for c in (self.kind, self.village, self.category, self.agency, self.channel,
                  self.activity, self.gender):
            c.currentIndexChanged.connect(self.changed)
            c.editTextChanged.connect(self.changed)
        for cb in (self.anonymous, self.confidential, self.consent):
            cb.toggled.connect(self.changed)
        self.anonymous.toggled.connect(self._update_photo_warning)
        attachments.changed.connect(self.changed)
        attachments.changed.connect(self._update_photo_warning)
        self.retranslate_ui()

    # -- building -------------------------------------------------------------------------
    def _group(self, key: str) -> QFormLayout:
        box = QGroupBox()
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self._groups[key] = box
        return form

    def _row(self, form: QFormLayout, key: str, field: Any, focus: QWidget | None = None) -> None:
        label, message = QLabel(), FieldMessage()
        label.setMinimumWidth(150)          # the same label column in every group
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._labels[key], self.messages[key] = label, message
        self.widgets[key] = focus or field
        label.setBuddy(focus or field)
        box = QVBoxLayout()
        box.setSpacing(2)
        if isinstance(field, QWidget):
            box.addWidget(field)
        else:
            box.addLayout(field)
        box.addWidget(message)
        form.addRow(label, box)

    def _check_row(self, form: QFormLayout, key: str, check: QCheckBox) -> None:
        help_label, message = QLabel(wordWrap=True), FieldMessage()
        help_label.setStyleSheet("color: #555555; margin-left: 22px;")
        self._help[key], self.messages[key], self.widgets[key] = help_label, message, check
        box = QVBoxLayout()
        box.setSpacing(2)
        for w in (check, help_label, message):
            box.addWidget(w)
        form.addRow(box)

    # -- text -----------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        req = " *"
        titles = {"report": self.tr("The report"), "where": self.tr("When and where"),
                  "reporter": self.tr("Reporter (the resident)"),
                  "privacy": self.tr("Privacy"), "attachments": self.tr("Attachments"),
                  "consent": self.tr("Consent")}
        for group_key, box in self._groups.items():
            box.setTitle(titles[group_key])
        labels = {
            "kind": self.tr("Classification"), "title": self.tr("Report title") + req,
            "body": self.tr("Report text") + req, "category_code": self.tr("Category") + req,
            "agency_code": self.tr("Target agency"),
            "incident_date": self.tr("Incident date") + req,
            "village_code": self.tr("Village") + req, "location_detail": self.tr("Location"),
            "latitude": self.tr("Coordinates"), "channel": self.tr("Source"),
            "activity_id": self.tr("Socialization session"),
            "reporter.name": self.tr("Name"), "reporter.nik": self.tr("NIK"),
            "reporter.phone": self.tr("Mobile phone"), "reporter.email": self.tr("Email"),
            "reporter.address": self.tr("Address"), "reporter.gender": self.tr("Gender"),
            "reporter.birth_year": self.tr("Year of birth"),
            "attachments": self.tr("Photos and documents"),
        }
        for key, label in self._labels.items():
            label.setText(labels[key])
        for i, kind in enumerate(Kind):
            self.kind.setItemText(i, kind_label(kind))
        for i, channel in enumerate(Channel):
            self.channel.setItemText(i, channel_label(channel))
        for i, gender in enumerate(("", "L", "P")):
            self.gender.setItemText(i, gender_label(gender))
        self.agency.setItemText(0, self.tr("(not chosen)"))
        self.activity.setItemText(0, self.tr("(not linked to a session)"))
        self.title.setPlaceholderText(self.tr("Short and clear, e.g. \"Village road damaged in "
                                              "Dusun 2\""))
        self.body.setPlaceholderText(self.tr("What happened, when, where, and what remedy the "
                                             "resident asks for."))
        self.incident_date.setPlaceholderText(self.tr("dd/mm/yyyy"))
        self.today_button.setText(self.tr("Today"))
        for combo, hint in ((self.village, self.tr("Type part of the name")),
                            (self.category, self.tr("Type to search, e.g. jalan"))):
            line = combo.lineEdit()
            if line is not None:
                line.setPlaceholderText(hint)
        self.location.setPlaceholderText(self.tr("Dusun, RT/RW, landmark"))
        self.latitude.setPlaceholderText(self.tr("Latitude, e.g. -2.5786"))
        self.longitude.setPlaceholderText(self.tr("Longitude, e.g. 121.1092"))
        self.reporter["phone"].setPlaceholderText(self.tr("e.g. 0812xxxxxxxx"))
        self.reporter["nik"].setPlaceholderText(self.tr("16 digits (optional)"))
        self.messages["reporter"].setToolTip("")
        self.anonymous.setText(self.tr("Anonymous: hide the resident's identity"))
        self._help["anonymous"].setText(self.tr(
            "The name and contact of the resident are not shown to the party being reported or "
            "to the public. If the resident refuses to give their identity, tick this box and "
            "leave the identity empty."))
        self.confidential.setText(self.tr("Confidential: hide the whole report from the public"))
        self._help["confidential"].setText(self.tr(
            "The report is not published at all; only the officers who handle it can read it."))
        self.consent.setText(self.tr("The resident agrees that this report is sent to the "
                                     "district (Diskominfo-SP) and to SP4N-LAPOR!") + req)
        self._help["consent"].setText(self.tr(
            "Read this to the resident. Without their agreement the report can be saved as a "
            "draft but not sent."))
        self._update_photo_warning()
        self._render_problems()

    def _update_photo_warning(self) -> None:
        text = self.tr("Careful with photos: a face, a house or the surroundings in a photo can "
                       "reveal who reported, even when the report is anonymous. Choose photos "
                       "that show only the problem. Location data in photos is removed before "
                       "sending.")
        if self.anonymous.isChecked() and self.attachments.has_photos():
            text = self.tr("This anonymous report has photos. Check each photo: nothing in it "
                           "may show who the resident is.") + " " + text
        self._help["photo_warning"].setText(text)

    # -- data -----------------------------------------------------------------------------
    def data(self) -> dict[str, Any]:
        def code(combo: QComboBox) -> Any:
            value = combo_data(combo)
            return value if value is not None or not combo.isEditable() else combo.currentText()

        agency = code(self.agency)
        return {
            "kind": self.kind.currentData(), "title": self.title.text(),
            "body": self.body.toPlainText(), "incident_date": self.incident_date.text().strip(),
            "village_code": code(self.village) or "", "location_detail": self.location.text(),
            "latitude": self.latitude.text().strip(), "longitude": self.longitude.text().strip(),
            "category_code": code(self.category) or "",
            "agency_code": agency if agency and agency != self.agency.itemText(0) else None,
            "channel": self.channel.currentData(), "activity_id": self.activity.currentData(),
            "reporter": {k: (self.gender.currentData() if k == "gender"
                             else self.reporter[k].text()) for k in REPORTER_KEYS},
            "anonymous": self.anonymous.isChecked(),
            "confidential": self.confidential.isChecked(), "consent": self.consent.isChecked(),
        }

    def set_data(self, d: dict[str, Any]) -> None:
        def text(v: Any) -> str:
            return "" if v is None else str(v)

        def pick(combo: QComboBox, value: Any) -> None:
            if not combo_select_data(combo, value) and combo.isEditable():
                combo.setEditText(text(value))

        pick(self.kind, d.get("kind") or Kind.COMPLAINT.value)
        self.title.setText(text(d.get("title")))
        self.body.setPlainText(text(d.get("body")))
        self.incident_date.setText(text(d.get("incident_date")))
        pick(self.village, d.get("village_code") or "")
        self.location.setText(text(d.get("location_detail")))
        self.latitude.setText(text(d.get("latitude")))
        self.longitude.setText(text(d.get("longitude")))
        pick(self.category, d.get("category_code") or "")
        pick(self.agency, d.get("agency_code"))
        pick(self.channel, d.get("channel") or Channel.WALK_IN.value)
        if not combo_select_data(self.activity, d.get("activity_id")):
            self.activity.setCurrentIndex(0)
        rep = d.get("reporter") or {}
        for k in REPORTER_KEYS:
            if k == "gender":
                combo_select_data(self.gender, rep.get("gender") or "")
            else:
                self.reporter[k].setText(text(rep.get(k)))
        self.anonymous.setChecked(bool(d.get("anonymous")))
        self.confidential.setChecked(bool(d.get("confidential")))
        self.consent.setChecked(bool(d.get("consent")))

    def set_activities(self, activities: Sequence[Activity]) -> None:
        """The sessions a complaint can be linked to (the choice is kept when still there)."""
        chosen = self.activity.currentData()
        self.activity.blockSignals(True)
        self.activity.clear()
        self.activity.addItem(self.tr("(not linked to a session)"), None)
        for act in activities:
            when = date_text(act.content.starts_at) if act.content.starts_at else ""
            self.activity.addItem(f"{act.content.title} {when}".strip(), str(act.id))
        combo_select_data(self.activity, chosen)
        if self.activity.currentIndex() < 0:
            self.activity.setCurrentIndex(0)
        self.activity.blockSignals(False)

    def set_today(self, today: Any) -> None:
        self.incident_date.setText(date_text(today))

    # -- problems -------------------------------------------------------------------------
    def show_problems(self, problems: Sequence[Problem], skip: str | None = None) -> None:
        """Show each problem beside its field. ``skip``: the field being typed in, whose new
        message waits until the user leaves it (an old message is still updated)."""
        self._problems = [p for p in problems
                          if not (skip and self._key(p) == skip
                                  and not self.messages[skip].isVisible())]
        self._render_problems()

    def _key(self, p: Problem) -> str:
        key = MESSAGE_OF.get(p.field, p.field)
        return key if key in self.messages else "general"

    def _render_problems(self) -> None:
        lang = current_language()
        grouped: dict[str, list[Problem]] = defaultdict(list)
        for p in self._problems:
            grouped[self._key(p)].append(p)
        for key, msg in [*self.messages.items(), ("general", self.general_message)]:
            found = grouped.get(key, [])
            if not found:
                msg.clear_problem()
                continue
            severity = "error" if any(p.is_error for p in found) else "warning"
            msg.show_problem("\n".join(self._text(p, lang) for p in found), severity)

    def _text(self, p: Problem, lang: str) -> str:
        # the domain's texts for unknown codes point to the command line; here one picks
        if p.code == "unknown_village":
            return self.tr("Choose the village from the list (type part of its name).")
        if p.code == "unknown_category":
            return self.tr("Choose the category from the list (type part of its name).")
        if p.code == "unknown_agency":
            return self.tr("Choose the agency from the list, or leave it empty.")
        return p.message(lang)

    def first_problem_widget(self) -> QWidget | None:
        for key in self.widgets:
            if self.messages[key].severity == "error":
                return self.widgets[key]
        return None

    def key_of(self, widget: QWidget | None) -> str | None:
        while widget is not None:
            for key, w in self.widgets.items():
                if w is widget:
                    return key
            widget = widget.parentWidget()
        return None

    def changeEvent(self, event: Any) -> None:
        if event.type() == event.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
