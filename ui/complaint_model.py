"""UI layer: the complaint list as a Qt model: lazy paging through `ComplaintService.list`.

Search, filters and sorting are pushed into the query (SQL), never done in Python over all
rows: `ComplaintTableModel.sort` and `set_query` reload from the first page, and the view pulls
further pages through ``canFetchMore``/``fetchMore`` as the user scrolls. One shared
`ComplaintProxyModel` sits between the model and the view and forwards sorting to the query.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from kim_desktop.domain.models import ComplaintQuery, ComplaintSummary, Page
from kim_desktop.domain.reference import ReferenceData
from ui.formatting import date_text
from ui.labels import kind_label, status_label
from ui.widgets import ERROR_COLOUR, STATUS_ROLE

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()     # the invalid index: the table's root
Fetch = Callable[[ComplaintQuery], Page[ComplaintSummary]]

COL_TRACKING, COL_DATE, COL_TITLE, COL_CATEGORY, COL_VILLAGE, COL_STATUS, COL_DUE = range(7)
COLUMN_COUNT = 7

ItemRole = Qt.ItemDataRole.UserRole + 1      # the ComplaintSummary
SortRole = Qt.ItemDataRole.UserRole + 2      # the raw value the column sorts by

#: Query sort key of each sortable column (None: the column cannot be sorted in SQL).
SORT_KEYS: dict[int, str | None] = {
    COL_TRACKING: "tracking_no", COL_DATE: "created_at", COL_TITLE: "title",
    COL_CATEGORY: "category_code", COL_VILLAGE: None, COL_STATUS: "status", COL_DUE: None,
}


class ComplaintTableModel(QAbstractTableModel):
    """Rows are fetched page by page; only what the user scrolled to is in memory."""

    def __init__(self, fetch: Fetch, refs: ReferenceData, page_size: int = 100,
                 parent: Any = None) -> None:
        super().__init__(parent)
        self._fetch, self._refs, self._page_size = fetch, refs, page_size
        self._query = ComplaintQuery(limit=page_size)
        self._rows: list[ComplaintSummary] = []
        self._total = 0
        self._total_exact = True

    # -- the query --------------------------------------------------------------------------
    @property
    def query(self) -> ComplaintQuery:
        return self._query

    @property
    def total(self) -> int:
        """How many complaints match the query (all pages); at least this many when
        `total_exact` is False (a search counts its matches only up to a cap)."""
        return self._total

    @property
    def total_exact(self) -> bool:
        return self._total_exact

    def set_query(self, query: ComplaintQuery) -> None:
        """Show the first page of ``query`` (search text, filters, sort)."""
        self._query = replace(query, offset=0, limit=self._page_size)
        self.reload()

    def reload(self) -> None:
        page = self._fetch(replace(self._query, offset=0, limit=self._page_size))
        self.beginResetModel()
        self._rows, self._total, self._total_exact = list(page.items), page.total, \
            page.total_exact
        self.endResetModel()

    def summary(self, row: int) -> ComplaintSummary:
        return self._rows[row]

    def row_of(self, complaint_id: object) -> int:
        return next((i for i, s in enumerate(self._rows) if s.id == complaint_id), -1)

    def refresh_labels(self) -> None:
        """The language changed: every text in view must be asked for again."""
        if self._rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._rows) - 1, COLUMN_COUNT - 1))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMN_COUNT - 1)

    # -- lazy fetching ----------------------------------------------------------------------
    def canFetchMore(self, parent: Index = ROOT) -> bool:
        return not parent.isValid() and (len(self._rows) < self._total
                                          or not self._total_exact)

    def fetchMore(self, parent: Index = ROOT) -> None:
        if not self.canFetchMore(parent):
            return
        page = self._fetch(replace(self._query, offset=len(self._rows), limit=self._page_size))
        known = {s.id for s in self._rows}
        fresh = [s for s in page.items if s.id not in known]   # rows may shift under paging
        if not self._total_exact and len(page.items) < self._page_size:
            # the last page of a capped count: now the total is known
            self._total, self._total_exact = len(self._rows) + len(fresh), True
        if not fresh:
            self._total, self._total_exact = len(self._rows), True
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
        self._rows.extend(fresh)
        self.endInsertRows()

    # -- sorting: pushed into the query ------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = SORT_KEYS.get(column)
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) != (self._query.sort, self._query.descending):
            self.set_query(replace(self._query, sort=key, descending=descending))

    # -- the table --------------------------------------------------------------------------
    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else COLUMN_COUNT

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < COLUMN_COUNT:
            return None
        return (self.tr("Tracking no."), self.tr("Date"), self.tr("Title"), self.tr("Category"),
                self.tr("Village"), self.tr("Status"), self.tr("Due by"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        s, col = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(s, col)
        if role == ItemRole:
            return s
        if role == SortRole:
            return (s.tracking_no, s.created_at.isoformat(), s.title, s.category_code,
                    s.village_code, s.status.value, s.due.isoformat() if s.due else "")[col]
        if role == STATUS_ROLE and col == COL_STATUS:
            return s.status
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == COL_DUE and s.overdue:
                return self.tr("Overdue: the district or agency has passed this date.")
            if col == COL_TITLE:
                return f"{kind_label(s.kind)}: {s.title}"
            if col == COL_CATEGORY:
                return self._refs.category_label(s.category_code)
            return None
        if col == COL_DUE and s.overdue:
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor(ERROR_COLOUR))
            if role == Qt.ItemDataRole.FontRole:
                f = QFont()
                f.setBold(True)
                return f
        if role == Qt.ItemDataRole.AccessibleTextRole and col == COL_STATUS:
            return status_label(s.status)
        return None

    def _display(self, s: ComplaintSummary, col: int) -> str:
        if col == COL_TRACKING:
            return s.tracking_no
        if col == COL_DATE:
            return date_text(s.created_at)
        if col == COL_TITLE:
            return s.title or self.tr("(no title yet)")
        if col == COL_CATEGORY:
            c = self._refs.categories.get(s.category_code)
            return c.name.capitalize() if c and c.parent_code is None else (c.name if c else "")
        if col == COL_VILLAGE:
            r = self._refs.regions.get(s.village_code)
            return r.name if r else s.village_code
        if col == COL_STATUS:
            return status_label(s.status)
        if col == COL_DUE:
            if s.due is None:
                return ""
            return ("⚠ " if s.overdue else "") + date_text(s.due)
        return ""


class ComplaintProxyModel(QSortFilterProxyModel):
    """The one proxy between model and view. It keeps the source order and hands sorting to
    the source, whose query sorts in SQL (sorting a lazily fetched list here would only sort
    the rows fetched so far)."""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if source is not None:
            source.sort(column, order)
