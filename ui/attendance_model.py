"""UI layer: the attendance list (daftar hadir) of one session as an editable Qt table model.

The last row is always blank: typing into it adds a participant. Gender goes through the domain's
``normalise_gender`` (L/P, Laki-laki, Wanita, …) and age through ``parse_age``; anything else is
refused rather than guessed. Counts by gender and age band are derived from the rows, never typed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from kim_desktop.domain.models import Participant, gender_counts
from kim_desktop.domain.validation import normalise_gender, parse_age

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()
COL_NAME, COL_GENDER, COL_AGE, COL_ROLE, COL_DUSUN, COL_PHONE = range(6)
COLUMNS = 6
ItemRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2
# Age bands for the gender/age breakdown: (key, lowest age, highest age).
AGE_BANDS: tuple[tuple[str, int, int], ...] = (
    ("<18", 0, 17), ("18-35", 18, 35), ("36-59", 36, 59), ("60+", 60, 200))
# Roles offered in the grid (data as written on Indonesian sign-in sheets; free text allowed).
ROLE_CHOICES = ("perangkat desa", "PKK", "karang taruna", "BPD", "tokoh masyarakat",
                "tokoh agama", "KIM", "warga")
_FIELDS = ("name", "gender", "age", "role", "dusun", "phone")
_EMPTY = Participant("")
_DUPLICATE_COLOUR = (255, 228, 181)
_CELL_FLAGS = (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
               | Qt.ItemFlag.ItemIsEditable)
_ITEM, _SORT = int(ItemRole), int(SortRole)
_TEXT = frozenset({int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.EditRole)})
_BACKGROUND, _TOOLTIP = int(Qt.ItemDataRole.BackgroundRole), int(Qt.ItemDataRole.ToolTipRole)
_ANSWERED = _TEXT | {_ITEM, _SORT, _BACKGROUND, _TOOLTIP}


@dataclass(frozen=True)
class AttendanceCounts:
    """Derived counts: by gender (L, P, unknown, total) and by age band ("?" = age not given)."""
    gender: dict[str, int]
    age_bands: dict[str, int]


def name_key(name: str) -> str:
    return " ".join(name.lower().split())


def attendance_counts(participants: Sequence[Participant]) -> AttendanceCounts:
    bands: Counter[str] = Counter()
    for p in participants:
        band = "?"
        if p.age is not None:
            band = next((k for k, lo, hi in AGE_BANDS if lo <= p.age <= hi), "?")
        bands[band] += 1
    return AttendanceCounts(gender_counts(list(participants)),
                            {k: bands[k] for k, _, _ in AGE_BANDS} | {"?": bands["?"]})


def is_blank(p: Participant) -> bool:
    return p == _EMPTY


class AttendanceTableModel(QAbstractTableModel):
    counts_changed = Signal()
    duplicates_changed = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Participant] = [_EMPTY]
        self._duplicates: set[str] = set()

    # ---- our API --------------------------------------------------------------------------
    def set_participants(self, items: Sequence[Participant]) -> None:
        self.beginResetModel()
        self._rows = [p for p in items if not is_blank(p)] + [_EMPTY]
        self.endResetModel()
        self._after_change()

    def add_participants(self, items: Sequence[Participant]) -> None:
        """Append (e.g. imported rows) before the blank entry row."""
        items = [p for p in items if not is_blank(p)]
        if not items:
            return
        at = len(self._rows) - 1
        self.beginInsertRows(ROOT, at, at + len(items) - 1)
        self._rows[at:at] = items
        self.endInsertRows()
        self._after_change()

    def participants(self) -> list[Participant]:
        return [p for p in self._rows if not is_blank(p)]

    def counts(self) -> AttendanceCounts:
        return attendance_counts(self.participants())

    def duplicate_names(self) -> list[str]:
        """Names (as typed first) that appear more than once in this session."""
        seen: dict[str, str] = {}
        for p in self._rows:
            if p.name.strip():
                seen.setdefault(name_key(p.name), p.name.strip())
        return [seen[k] for k in sorted(self._duplicates)]

    def remove_rows(self, rows: Sequence[int]) -> None:
        for r in sorted(set(rows), reverse=True):
            if 0 <= r < len(self._rows) - 1:
                self.beginRemoveRows(ROOT, r, r)
                del self._rows[r]
                self.endRemoveRows()
        self._after_change()

    # ---- Qt model -------------------------------------------------------------------------
    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1) if section < len(self._rows) - 1 else "*"
        names = (self.tr("Name"), self.tr("L/P"), self.tr("Age"), self.tr("Role"),
                 self.tr("Dusun"), self.tr("Phone"))
        return names[section] if 0 <= section < COLUMNS else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return _CELL_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # called for every role of every visible cell on each repaint: roles this model does
        # not answer leave first, and the roles are compared as plain ints
        role = int(role)
        if role not in _ANSWERED or not index.isValid():
            return None
        row = index.row()
        if not 0 <= row < len(self._rows):
            return None
        p, col = self._rows[row], index.column()
        if role == _ITEM:
            return p
        if role in _TEXT:
            value = getattr(p, _FIELDS[col])
            return "" if value is None else str(value)
        if col != COL_NAME or not self._duplicates or not p.name.strip() \
                or name_key(p.name) not in self._duplicates:
            if role == _SORT:
                value = getattr(p, _FIELDS[col])
                return value if value is not None else -1
            return None
        if role == _BACKGROUND:
            return QBrush(QColor(*_DUPLICATE_COLOUR))
        if role == _TOOLTIP:
            return self.tr("This name is already on the list of this session.")
        return p.name if role == _SORT else None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        row, col = index.row(), index.column()
        text = "" if value is None else str(value).strip()
        p = self._rows[row]
        if col == COL_GENDER:
            gender = normalise_gender(text)
            if gender is None:
                return False
            new = replace(p, gender=gender)
        elif col == COL_AGE:
            age, ok = parse_age(text)
            if not ok:
                return False
            new = replace(p, age=age)
        else:
            changes: dict[str, Any] = {_FIELDS[col]: text}
            new = replace(p, **changes)
        if new == p:
            return True
        self._rows[row] = new
        self.dataChanged.emit(index, index)
        if row == len(self._rows) - 1 and not is_blank(new):
            self.beginInsertRows(ROOT, row + 1, row + 1)      # keep a blank entry row
            self._rows.append(_EMPTY)
            self.endInsertRows()
            self.headerDataChanged.emit(Qt.Orientation.Vertical, row, row)
        self._after_change(name_changed=col == COL_NAME)
        return True

    def refresh_labels(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMNS - 1)

    def _after_change(self, *, name_changed: bool = True) -> None:
        if name_changed:
            keys = Counter(name_key(p.name) for p in self._rows if p.name.strip())
            dupes = {k for k, n in keys.items() if n > 1}
            if dupes != self._duplicates:
                self._duplicates = dupes
                if len(self._rows) > 0:
                    self.dataChanged.emit(self.index(0, COL_NAME),
                                          self.index(len(self._rows) - 1, COL_NAME))
                self.duplicates_changed.emit()
        self.counts_changed.emit()
