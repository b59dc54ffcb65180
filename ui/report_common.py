"""UI layer: what the district reports and the sync-health view share: the report period and
its query parameters, the calls to the hub's report routes (run off the GUI thread by the
panels), a read-only table model over plain rows, and writing a downloaded file in one piece.

The hub answers in the shape of the review API contract (``/v1/review/reports/summary``,
``/reports/export``, ``/sync-health``); an answer missing a part of that shape is refused as a
hub error, never half shown.
"""

from __future__ import annotations

import calendar
import contextlib
import functools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHeaderView, QTableView, QWidget

from kim_desktop.domain.enums import Status
from kim_desktop.domain.errors import HubRefused
from kim_desktop.domain.reference import WILAYAH_FILE, Region, load_regions
from kim_desktop.paths import resource_path
from sync.client.review import ReviewClient
from ui.errors import FileNotWritten
from ui.labels import status_label

SUMMARY_PATH = "/reports/summary"        # under /v1/review, like every ReviewClient path
EXPORT_PATH = "/reports/export"
HEALTH_PATH = "/sync-health"
EXPORT_FORMATS = ("csv", "xlsx")
SUMMARY_LISTS = ("by_kecamatan", "by_village", "by_category", "by_status", "by_month")
COVERAGE_KEYS = ("sessions_by_kecamatan", "sessions_by_village", "participants_by_gender",
                 "kim_villages_without_session_90d")

Row = Mapping[str, Any]


#: Returns the logged-in review client, or None when nobody is logged in.
ClientGetter = Callable[[], ReviewClient | None]


@dataclass(frozen=True)
class ReportPeriod:
    """Which complaints a report covers: WITA calendar dates (both ends included, either may
    be open) and optionally one kecamatan."""

    date_from: date | None = None
    date_to: date | None = None
    kecamatan_code: str | None = None

    @classmethod
    def month(cls, year: int, month: int, kecamatan_code: str | None = None) -> ReportPeriod:
        last = calendar.monthrange(year, month)[1]
        return cls(date(year, month, 1), date(year, month, last), kecamatan_code)

    def params(self) -> dict[str, str]:
        out: dict[str, str] = {}
        if self.date_from:
            out["date_from"] = self.date_from.isoformat()
        if self.date_to:
            out["date_to"] = self.date_to.isoformat()
        if self.kecamatan_code:
            out["kecamatan_code"] = self.kecamatan_code
        return out

    def file_stem(self) -> str:
        """``laporan-2026-11-01_2026-11-30[-73.24.04]`` for suggested file names."""
        ends = "_".join(d.isoformat() for d in (self.date_from, self.date_to) if d) or "semua"
        kec = f"-{self.kecamatan_code}" if self.kecamatan_code else ""
        return f"laporan-{ends}{kec}"


def logged_in_client(getter: ClientGetter) -> ReviewClient | None:
    """The client to ask the hub with, or None when nobody is logged in (anymore)."""
    client = getter()
    return client if client is not None and client.logged_in else None


def _refuse(what: str) -> HubRefused:
    return HubRefused(f"report answer lacks {what}")


def check_summary(body: Any) -> dict[str, Any]:
    """The summary answer, checked for the parts the panels and the PDF read."""
    if not isinstance(body, dict):
        raise _refuse("an object")
    for key in ("total", "overdue"):
        if not isinstance(body.get(key), int):
            raise _refuse(key)
    for key in SUMMARY_LISTS:
        if not isinstance(body.get(key), list):
            raise _refuse(key)
    coverage = body.get("coverage")
    if not isinstance(coverage, dict) or any(k not in coverage for k in COVERAGE_KEYS):
        raise _refuse("coverage")
    return body


def fetch_summary(client: ReviewClient, period: ReportPeriod) -> dict[str, Any]:
    """Blocking: the report summary of ``period`` (call it off the GUI thread)."""
    return check_summary(client.get_json(SUMMARY_PATH, period.params()))


def fetch_health(client: ReviewClient) -> list[dict[str, Any]]:
    """Blocking: the sync health of every village."""
    body = client.get_json(HEALTH_PATH)
    if not isinstance(body, list) or not all(isinstance(v, dict) for v in body):
        raise _refuse("a list of villages")
    return body


def write_file(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` in one piece: a partial file never has the final name."""
    tmp = path.with_name(path.name + ".part")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(data)
        tmp.replace(path)
    except OSError as e:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise FileNotWritten(type(e).__name__) from e
    return path


def download_export(client: ReviewClient, period: ReportPeriod, fmt: str, path: Path) -> Path:
    """Blocking: download the complaint rows of ``period`` as ``fmt`` and save them at ``path``."""
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"unknown export format {fmt!r}")
    data = client.get_bytes(EXPORT_PATH, {**period.params(), "format": fmt}).content
    if not data:
        raise _refuse("file content")
    return write_file(path, data)


@functools.cache
def shipped_regions() -> dict[str, Region]:
    """The kabupaten's kecamatan and villages as shipped with the app (names for codes)."""
    return {r.code: r for r in load_regions(resource_path("data", WILAYAH_FILE))}


def region_name(regions: Mapping[str, Region], code: str | None) -> str:
    region = regions.get(code or "")
    return region.name if region else (code or "")


def fill_kecamatan_combo(combo: QComboBox, regions: Mapping[str, Region], all_text: str) -> None:
    """"All kecamatan" (None) and each kecamatan by name (its code as data); keeps the choice."""
    chosen = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(all_text, None)
    for r in sorted((r for r in regions.values() if r.level == "kecamatan"), key=lambda r: r.name):
        combo.addItem(r.name, r.code)
    combo.setCurrentIndex(max(0, combo.findData(chosen)))
    combo.blockSignals(False)


def count_of(value: Any) -> int:
    return int(value or 0)


def month_label(month: str) -> str:
    """``2026-11`` → ``11/2026``."""
    year, _, mm = month.partition("-")
    return f"{mm}/{year}" if mm else month


def iso_date(value: object) -> date | None:
    """A ``YYYY-MM-DD`` date from the hub, or None."""
    if isinstance(value, str) and value:
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def iso_date_text(value: object) -> str:
    """``2026-11-20`` → ``20/11/2026`` (empty when there is no date)."""
    d = iso_date(value)
    return f"{d:%d/%m/%Y}" if d else ""


def status_text(raw: object) -> str:
    """The translated label of a status value from the hub (unknown values as they came)."""
    try:
        return status_label(Status(str(raw)))
    except ValueError:
        return str(raw)


def share_text(count: int, total: int) -> str:
    """``12,5%`` (Indonesian decimal comma); empty when there is no total."""
    if total <= 0:
        return ""
    return f"{100 * count / total:.1f}%".replace(".", ",")


# --- a read-only table over plain rows --------------------------------------------------------

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()     # the invalid index: the table's root
ItemRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True)
class Column:
    """One column: its header (translated by the owner) and how a row shows in it."""

    header: str
    value: Callable[[Row], Any]
    text: Callable[[Any], str] = field(default=lambda v: "" if v is None else str(v))
    numeric: bool = False


class RowTableModel(QAbstractTableModel):
    """Plain rows (dicts from the hub) under fixed columns; ``highlight`` may colour a row."""

    def __init__(self, columns: Sequence[Column],
                 highlight: Callable[[Row], QColor | None] | None = None) -> None:
        super().__init__()
        self._columns = list(columns)
        self._rows: list[Row] = []
        self._highlight = highlight

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def set_columns(self, columns: Sequence[Column]) -> None:
        """New columns, or new headers for the same columns (a language change)."""
        if len(columns) != len(self._columns):
            self.beginResetModel()
            self._columns = list(columns)
            self.endResetModel()
            return
        self._columns = list(columns)
        if self._columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)

    def row(self, n: int) -> Row:
        return self._rows[n]

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, col = self._rows[index.row()], self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return col.text(col.value(row))
        if role == SortRole:
            value = col.value(row)
            return "" if value is None else value
        if role == ItemRole:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole and col.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and self._highlight is not None:
            return self._highlight(row)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self._columns)):
            return self._columns[section].header
        return None

    def as_text(self) -> list[list[str]]:
        """Every row as shown (for tests and copying)."""
        return [[self.data(self.index(r, c)) for c in range(self.columnCount())]
                for r in range(self.rowCount())]


def table_view(model: RowTableModel, parent: QWidget | None = None) -> QTableView:
    """A read-only, sortable view of ``model`` (through its own sort proxy)."""
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SortRole)
    view = QTableView(parent)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view
