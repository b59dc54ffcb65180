"""UI layer: the socialization sessions recorded on this computer: a filterable list (kecamatan,
village, date range, topic) and the form of one session (``ui/activity_form.py``)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any
from uuid import UUID

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kim_desktop.core import Core
from kim_desktop.domain.deadlines import WITA
from kim_desktop.domain.models import Activity
from kim_desktop.domain.reference import ReferenceData
from ui.activity_form import ActivityForm
from ui.activity_status import district_note
from ui.coverage_view import CoverageDialog
from ui.errors import show_error
from ui.formatting import datetime_text
from ui.labels import status_label
from ui.tasks import run_in_background
from ui.widgets import STATUS_ROLE, StatusBadgeDelegate, combo_data, make_filtering_combo

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()
COL_TITLE, COL_WHEN, COL_VILLAGE, COL_PEOPLE, COL_STATUS, COL_NOTE = range(6)
NCOLS = 6
ItemRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2


class ActivityTableModel(QAbstractTableModel):
    def __init__(self, refs: ReferenceData, parent: Any = None) -> None:
        super().__init__(parent)
        self._refs = refs
        self._items: list[Activity] = []

    def set_items(self, items: Sequence[Activity]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else NCOLS

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        names = (self.tr("Session"), self.tr("Time"), self.tr("Village"),
                 self.tr("Participants"), self.tr("Status"), self.tr("District note"))
        return names[section] if 0 <= section < len(names) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        a, col = self._items[index.row()], index.column()
        if role == ItemRole:
            return a
        if role == STATUS_ROLE and col == COL_STATUS:
            return a.status
        if role == SortRole:
            return (a.content.title, a.content.starts_at.isoformat() if a.content.starts_at
                    else "", a.content.village_code, a.gender_counts["total"], a.status.value,
                    district_note(a))[col]
        if role == Qt.ItemDataRole.ToolTipRole and col in (COL_STATUS, COL_NOTE):
            return district_note(a) or None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if col == COL_NOTE:
            return district_note(a)
        if col == COL_TITLE:
            return a.content.title
        if col == COL_WHEN:
            return datetime_text(a.content.starts_at)
        if col == COL_VILLAGE:
            r = self._refs.regions.get(a.content.village_code)
            return r.name if r else a.content.village_code
        if col == COL_PEOPLE:
            c = a.gender_counts
            return self.tr("%1 (L %2 · P %3)").replace("%1", str(c["total"])) \
                .replace("%2", str(c["L"])).replace("%3", str(c["P"]))
        return status_label(a.status)

    def refresh_labels(self) -> None:
        if self._items:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._items) - 1, NCOLS - 1))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, NCOLS - 1)


class ActivityFilterProxy(QSortFilterProxyModel):
    """Filters on kecamatan, village, WITA date range and topic (all optional)."""

    def __init__(self, refs: ReferenceData, parent: Any = None) -> None:
        super().__init__(parent)
        self._refs = refs
        self.kecamatan = self.village = self.topic = ""
        self.date_from: date | None = None
        self.date_to: date | None = None
        self.setSortRole(SortRole)

    def set_filter(self, *, kecamatan: str = "", village: str = "", topic: str = "",
                   date_from: date | None = None, date_to: date | None = None) -> None:
        self.beginFilterChange()
        self.kecamatan, self.village, self.topic = kecamatan, village, topic.strip().lower()
        self.date_from, self.date_to = date_from, date_to
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: Index) -> bool:
        a = self.sourceModel().index(row, 0, parent).data(ItemRole)
        if not isinstance(a, Activity):
            return False
        c = a.content
        if self.village and c.village_code != self.village:
            return False
        if self.kecamatan:
            kec = self._refs.kecamatan_of(c.village_code)
            if kec is None or kec.code != self.kecamatan:
                return False
        if self.topic and self.topic not in c.topic.lower():
            return False
        day = c.starts_at.astimezone(WITA).date() if c.starts_at else None
        if self.date_from and (day is None or day < self.date_from):
            return False
        return not (self.date_to and (day is None or day > self.date_to))


def _qdate_value(edit: QDateEdit) -> date | None:
    d = edit.date()
    return None if d == edit.minimumDate() else date(d.year(), d.month(), d.day())


class ActivityListPage(QWidget):
    complaint_requested = Signal(object)     # activity id: start a complaint for that session

    def __init__(self, core: Core, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._core = core
        self.loaded = False
        self.form: ActivityForm | None = None
        refs = core.reference.data()
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.intro = QLabel(wordWrap=True)
        self.new_button = QPushButton()
        self.coverage_button = QPushButton()
        self.coverage_dialog: CoverageDialog | None = None
        self.model = ActivityTableModel(refs, self)
        self.proxy = ActivityFilterProxy(refs, self)
        self.proxy.setSourceModel(self.model)
        self.kecamatan = QComboBox()
        self.kecamatan.addItem("", "")
        for r in sorted((r for r in refs.regions.values() if r.level == "kecamatan"),
                        key=lambda r: r.name):
            self.kecamatan.addItem(r.name, r.code)
        self.village = make_filtering_combo(QComboBox())
        self.village.addItem("", "")
        for v in sorted(refs.villages(), key=lambda r: refs.village_label(r.code)):
            self.village.addItem(refs.village_label(v.code), v.code)
        self.date_from, self.date_to = QDateEdit(), QDateEdit()
        for d in (self.date_from, self.date_to):
            d.setCalendarPopup(True)
            d.setDisplayFormat("dd/MM/yyyy")
            d.setMinimumDate(QDate(2000, 1, 1))
            d.setDate(d.minimumDate())          # the minimum shows as "any date"
            d.dateChanged.connect(self._on_filter_changed)
        self.topic = QLineEdit()
        self.kecamatan.currentIndexChanged.connect(self._on_filter_changed)
        self.village.currentIndexChanged.connect(self._on_filter_changed)
        self.topic.textChanged.connect(self._on_filter_changed)
        self.new_button.clicked.connect(self._on_new_clicked)
        self.coverage_button.clicked.connect(self._on_coverage_clicked)
        filters = QGridLayout()         # two rows: fits an old 1024×768 screen
        self._filter_labels = [QLabel() for _ in range(5)]
        for n, (label, w) in enumerate(zip(self._filter_labels, (
                self.kecamatan, self.village, self.topic, self.date_from, self.date_to),
                strict=True)):
            label.setBuddy(w)
            row, col = (0, n * 2) if n < 2 else (1, (n - 2) * 2)
            filters.addWidget(label, row, col)
            filters.addWidget(w, row, col + 1)
        filters.setColumnStretch(3, 1)
        filters.addWidget(self.new_button, 0, 5)
        filters.addWidget(self.coverage_button, 1, 5)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setItemDelegateForColumn(COL_STATUS, StatusBadgeDelegate(self.table))
        self.table.horizontalHeader().setSectionResizeMode(COL_TITLE,
                                                           QHeaderView.ResizeMode.Stretch)
        for col, width in ((COL_WHEN, 170), (COL_VILLAGE, 140), (COL_PEOPLE, 150),
                           (COL_STATUS, 190), (COL_NOTE, 220)):
            self.table.setColumnWidth(col, width)
        self.empty_label = QLabel(wordWrap=True, alignment=Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet("color: palette(mid); font-size: 12pt; padding: 30px;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label, 1)
        self.retranslate_ui()
        self._update_empty()

    def reload(self) -> None:
        run_in_background(self._core.activities.list, self._on_loaded, self._on_load_failed,
                          owner=self, name="load activities")

    def _on_load_failed(self, error: BaseException) -> None:
        show_error(self, error)

    @Slot(object)
    def _on_loaded(self, items: list[Activity]) -> None:
        self.model.set_items(items)
        self.loaded = True
        self._update_empty()

    @Slot()
    def _on_filter_changed(self) -> None:
        self.proxy.set_filter(kecamatan=str(combo_data(self.kecamatan) or ""),
                              village=str(combo_data(self.village) or ""),
                              topic=self.topic.text(), date_from=_qdate_value(self.date_from),
                              date_to=_qdate_value(self.date_to))

    @Slot()
    def _on_new_clicked(self) -> None:
        self.open_form(None)

    @Slot()
    def _on_coverage_clicked(self) -> None:
        if self.coverage_dialog is None:
            self.coverage_dialog = CoverageDialog(self._core, self)
        self.coverage_dialog.show()
        self.coverage_dialog.raise_()
        self.coverage_dialog.activateWindow()

    @Slot(QModelIndex)
    def _on_table_double_clicked(self, index: QModelIndex) -> None:
        a = index.data(ItemRole)
        if isinstance(a, Activity):
            self.open_form(a)

    def open_form(self, activity: Activity | None, *, restore: bool = False) -> ActivityForm:
        """Show the form of a session (a new one when ``activity`` is None)."""
        if self.form is not None:
            self.form.close()
        self.form = ActivityForm(self._core, activity, self)
        if restore:
            self.form.restore_from_journal()
        self.form.saved.connect(self._on_form_saved)
        self.form.complaint_requested.connect(self._on_form_complaint_requested)
        self.form.show()
        self.form.grid.start_entry() if activity else self.form.title.setFocus()
        return self.form

    def restore_form(self) -> bool:
        """After a crash: reopen the session form from its journal, if there is one."""
        if not self.form_journal_exists():
            return False
        self.open_form(None, restore=True)
        return True

    def form_journal_exists(self) -> bool:
        return bool(ActivityForm.journal_path(self._core).exists())

    @Slot(object)
    def _on_form_saved(self, _activity: Activity) -> None:
        self.reload()

    @Slot(object)
    def _on_form_complaint_requested(self, activity_id: UUID) -> None:
        if self.form is not None:
            self.form.close()
            self.form = None
        self.complaint_requested.emit(activity_id)

    def _update_empty(self) -> None:
        empty = self.model.rowCount() == 0
        self.empty_label.setVisible(empty)
        self.table.setVisible(not empty)

    def retranslate_ui(self) -> None:
        self.heading.setText(self.tr("Socialization sessions"))
        self.intro.setText(self.tr("Sessions recorded on this computer, with attendance counted "
                                   "by gender from the attendance list."))
        self.empty_label.setText(self.tr("No socialization session has been recorded yet. "
                                         "Use \u201cNew session\u201d to record one."))
        self.new_button.setText(self.tr("&New session"))
        self.coverage_button.setText(self.tr("Co&verage"))
        self.coverage_button.setToolTip(self.tr("Sessions and participants per kecamatan and "
                                                "village, and KIMs without a recent session"))
        for label, text in zip(self._filter_labels, (
                self.tr("Kecamatan"), self.tr("Village"), self.tr("Topic"), self.tr("From"),
                self.tr("To")), strict=True):
            label.setText(text)
        for d in (self.date_from, self.date_to):
            d.setSpecialValueText(self.tr("any date"))
        self.model.refresh_labels()

    def changeEvent(self, event: Any) -> None:
        if event.type() == event.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
