"""UI layer: the complaint list page: search as you type, filters, sorting, open by
double-click or Enter. The query goes to the store; the view only shows what it returns."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QModelIndex, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kim_desktop.core import Core
from kim_desktop.domain.enums import Kind, Status
from kim_desktop.domain.errors import KimError
from kim_desktop.domain.models import ComplaintQuery
from kim_desktop.domain.tracking import is_tracking_no
from ui.complaint_model import (
    COL_DATE,
    COL_STATUS,
    COL_TITLE,
    ComplaintProxyModel,
    ComplaintTableModel,
    ItemRole,
)
from ui.errors import show_error
from ui.labels import kind_label, status_label
from ui.widgets import StatusBadgeDelegate


class ComplaintListPage(QWidget):
    open_requested = Signal(object)    # complaint id (UUID)
    new_requested = Signal()

    def __init__(self, core: Core, parent: QWidget | None = None,
                 search_delay_ms: int = 0) -> None:
        super().__init__(parent)
        self._core = core
        refs = core.reference.data()
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.new_button = QPushButton()
        self.new_button.clicked.connect(self.new_requested)
        self.search = QLineEdit(clearButtonEnabled=True)
        self.status_filter, self.kind_filter, self.category_filter = QComboBox(), QComboBox(), \
            QComboBox()
        self.status_filter.addItem("", None)
        for s in Status:
            self.status_filter.addItem("", s.value)
        self.kind_filter.addItem("", None)
        for k in Kind:
            self.kind_filter.addItem("", k.value)
        self.category_filter.addItem("", None)
        for c in sorted((c for c in refs.categories.values() if c.parent_code is None),
                        key=lambda c: c.name):
            self.category_filter.addItem(c.name.capitalize(), c.code)
        for combo in (self.status_filter, self.kind_filter, self.category_filter):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(10)     # shrinks on small screens, grows on big
        self.date_check = QCheckBox()
        t = core.ctx.today()
        today = QDate(t.year, t.month, t.day)
        self.date_from, self.date_to = QDateEdit(today.addMonths(-1)), QDateEdit(today)
        for d in (self.date_from, self.date_to):
            d.setDisplayFormat("dd/MM/yyyy")
            d.setCalendarPopup(True)
            d.setEnabled(False)
        self.count_label = QLabel()
        self.empty_label = QLabel(wordWrap=True, alignment=Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet("color: palette(mid); font-size: 12pt; padding: 30px;")

        # 50 lines fill a tall screen twice; each line costs its status history and deadline
        self.model = ComplaintTableModel(core.complaints.list, refs, page_size=50, parent=self)
        self.proxy = ComplaintProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.setItemDelegateForColumn(COL_STATUS, StatusBadgeDelegate(self.table))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        for col, width in ((0, 150), (1, 95), (3, 180), (4, 130), (5, 200), (6, 105)):
            self.table.setColumnWidth(col, width)
        # the indicator first: enabling sorting then asks for the model's own order (newest
        # first), so the page is queried once, by apply_filters() below, not three times
        header.setSortIndicator(COL_DATE, Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        enter = QShortcut(QKeySequence(Qt.Key.Key_Return), self.table)
        enter.setContext(Qt.ShortcutContext.WidgetShortcut)
        enter.activated.connect(self._open_current)

        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.new_button)
        filters = QHBoxLayout()
        for w, stretch in ((self.status_filter, 2), (self.kind_filter, 2),
                           (self.category_filter, 3), (self.date_check, 0), (self.date_from, 0),
                           (self.date_to, 0)):
            filters.addWidget(w, stretch)
        layout = QVBoxLayout(self)
        self._layout = layout
        layout.addLayout(top)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addWidget(self.count_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label, 1)

        # No fixed debounce: the query runs once the event loop has handled the typing that
        # is waiting (a zero timer). Keys typed while a query runs arrive together after it and
        # cause one query for all of them, so fast typing is coalesced by the query's own time
        # and a single keystroke is not delayed (see docs/benchmarks.md, "Desktop app").
        self._search_timer = QTimer(self, singleShot=True, interval=search_delay_ms)
        self._search_timer.timeout.connect(self._on_search_text_settled)
        self.search.textChanged.connect(self._search_timer.start)
        self.search.returnPressed.connect(self._on_search_return_pressed)
        for combo in (self.status_filter, self.kind_filter, self.category_filter):
            combo.currentIndexChanged.connect(self.apply_filters)
        self.date_check.toggled.connect(self._on_date_check_toggled)
        self.date_from.dateChanged.connect(self.apply_filters)
        self.date_to.dateChanged.connect(self.apply_filters)
        self.model.modelReset.connect(self._update_counts)
        # new results start at the top; left scrolled down, the view would also fetch the next
        # page at once (the last row of the first page is in sight) and hide the first rows
        self.model.modelReset.connect(self.table.scrollToTop)
        self.model.rowsInserted.connect(self._update_counts)
        self.retranslate_ui()
        self.apply_filters()

    # -- query ------------------------------------------------------------------------------
    def build_query(self) -> ComplaintQuery:
        status, kind, cat = (self.status_filter.currentData(), self.kind_filter.currentData(),
                             self.category_filter.currentData())
        base = self.model.query
        text = self.search.text().strip()
        return ComplaintQuery(
            text="" if is_tracking_no(text) else text,
            statuses=(Status(status),) if status else (), kinds=(Kind(kind),) if kind else (),
            category_codes=(cat,) if cat else (),
            date_from=self._date(self.date_from), date_to=self._date(self.date_to),
            sort=base.sort, descending=base.descending)

    def _date(self, edit: QDateEdit) -> date | None:
        if not self.date_check.isChecked():
            return None
        d = edit.date()
        return date(d.year(), d.month(), d.day())

    @Slot()
    def apply_filters(self) -> None:
        self._search_timer.stop()
        try:
            self.model.set_query(self.build_query())
        except KimError as e:
            show_error(self, e)

    @Slot()
    def _on_search_text_settled(self) -> None:
        """Typing that leaves the query as it is (a space, a report number) runs no query;
        the line above the table still follows the text."""
        query = self.build_query()
        if replace(query, limit=self.model.query.limit) != self.model.query:
            self.apply_filters()
        else:
            self._update_counts()

    def add_banner(self, widget: QWidget) -> None:
        """Show ``widget`` between the heading and the search box (the "Perlu perbaikan"
        inbox of reports the district returned)."""
        self._layout.insertWidget(1, widget)

    def reload(self) -> None:
        """The store changed (saved, submitted, synced): fetch the first page again."""
        try:
            self.model.reload()
        except KimError as e:
            show_error(self, e)

    # -- opening ----------------------------------------------------------------------------
    @Slot(QModelIndex)
    def _on_table_double_clicked(self, index: QModelIndex) -> None:
        summary = index.data(ItemRole)
        if summary is not None:
            self.open_requested.emit(summary.id)

    @Slot()
    def _open_current(self) -> None:
        self._on_table_double_clicked(self.table.currentIndex())

    @Slot()
    def _on_search_return_pressed(self) -> None:
        text = self.search.text().strip()
        if is_tracking_no(text):
            try:
                c = self._core.complaints.get(text)
            except KimError as e:
                show_error(self, e)
                return
            self.open_requested.emit(c.id)
            return
        self.apply_filters()
        if self.proxy.rowCount():
            self.table.setFocus()
            self.table.selectRow(0)

    @Slot(bool)
    def _on_date_check_toggled(self, on: bool) -> None:
        self.date_from.setEnabled(on)
        self.date_to.setEnabled(on)
        self.apply_filters()

    # -- text -------------------------------------------------------------------------------
    @Slot()
    def _update_counts(self) -> None:
        total, shown = self.model.total, self.model.rowCount()
        text = self.search.text().strip()
        if is_tracking_no(text):
            self.count_label.setText(self.tr("Report number %1: press Enter to open it.")
                                     .replace("%1", text.upper()))
        elif total == 0:
            self.count_label.setText(self.tr("No report matches."))
        elif not self.model.total_exact:     # a search counts its matches up to a cap
            self.count_label.setText(self.tr("More than %1 reports (%2 shown)")
                                     .replace("%1", str(total - 1))
                                     .replace("%2", str(shown)))
        else:
            self.count_label.setText(self.tr("%1 reports (%2 shown)").replace("%1", str(total))
                                     .replace("%2", str(shown)))
        filtered = self.build_query() != ComplaintQuery(sort=self.model.query.sort,
                                                       descending=self.model.query.descending)
        empty = total == 0 and not filtered
        self.empty_label.setVisible(empty)
        self.table.setVisible(not empty)

    def retranslate_ui(self) -> None:
        self.heading.setText(self.tr("Reports"))
        self.new_button.setText(self.tr("New report"))
        self.new_button.setToolTip(self.tr("Ctrl+N"))
        self.search.setPlaceholderText(self.tr("Search title, text, location, or type a report "
                                               "number…"))
        self.status_filter.setItemText(0, self.tr("All statuses"))
        for i, s in enumerate(Status, start=1):
            self.status_filter.setItemText(i, status_label(s))
        self.kind_filter.setItemText(0, self.tr("All classifications"))
        for i, k in enumerate(Kind, start=1):
            self.kind_filter.setItemText(i, kind_label(k))
        self.category_filter.setItemText(0, self.tr("All categories"))
        self.date_check.setText(self.tr("Created from"))
        self.date_to.setToolTip(self.tr("until"))
        self.empty_label.setText(self.tr("No reports yet. Press \"New report\" to record a "
                                         "resident's complaint."))
        self.table.setAccessibleName(self.tr("Reports"))
        self.model.refresh_labels()
        self._update_counts()

    def changeEvent(self, event: Any) -> None:
        if event.type() == event.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
