"""UI layer: what the Sinkronisasi page shows, read off the GUI thread, and how it reads.

`load_overview()` gathers the store status, the records the hub set aside, the recent sync runs
and the enrolment state in one background task. `SyncRunTableModel` lists the runs (model/view);
`reason_text()` turns the hub's reason codes for a set-aside record into plain words.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from kim_desktop.core import Core
from kim_desktop.domain.enums import Status
from kim_desktop.domain.messages import LABELS
from kim_desktop.domain.models import Activity, Complaint, ComplaintQuery
from kim_desktop.services.status import StoreStatus
from ui.errors import error_text
from ui.formatting import datetime_text
from ui.i18n import current_language

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()     # the invalid index: the table's root
ItemRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2
COL_STARTED, COL_OUTCOME, COL_SENT, COL_RECEIVED, COL_SET_ASIDE, COL_KB, COL_ERROR = range(7)
NUMERIC_COLUMNS = (COL_SENT, COL_RECEIVED, COL_SET_ASIDE, COL_KB)
# The hub's clock and this computer's may differ this much before the page warns.
CLOCK_WARNING_SECONDS = 5 * 60

_REASONS: dict[str, object] = {   # the hub's reason codes (sync.protocol.ReasonCode)
    "content_mismatch": QT_TRANSLATE_NOOP(
        "SyncTexts", "The hub already holds different content for this record. Contact "
                     "Diskominfo-SP."),
    "stale_revision": QT_TRANSLATE_NOOP(
        "SyncTexts", "The hub already has a newer version of this record."),
    "base_version_mismatch": QT_TRANSLATE_NOOP(
        "SyncTexts", "The district changed this record meanwhile; check its status first."),
    "closed_by_district": QT_TRANSLATE_NOOP(
        "SyncTexts", "The district has already decided on this record; it can no longer be "
                     "changed."),
    "out_of_scope": QT_TRANSLATE_NOOP(
        "SyncTexts", "This record is for another village than this computer's. Change the "
                     "village, or record it on that village's KIM computer."),
    "entity_mismatch": QT_TRANSLATE_NOOP(
        "SyncTexts", "The hub already uses this record's number for something else. Contact "
                     "Diskominfo-SP."),
    "tracking_no_taken": QT_TRANSLATE_NOOP(
        "SyncTexts", "Another report at the hub already has this tracking number. Contact "
                     "Diskominfo-SP."),
    "content_hash_mismatch": QT_TRANSLATE_NOOP(
        "SyncTexts", "The record arrived damaged at the hub. Send it again."),
    "invalid": QT_TRANSLATE_NOOP(
        "SyncTexts", "Some entries do not meet the hub's rules: %1."),
}


def reason_text(reason: str) -> str:
    """Plain words for a set-aside reason: the hub sends ``reason_code: detail`` (for
    ``invalid`` the detail is ``field: rule; field: rule``); other text is shown as it is."""
    code, _, detail = reason.partition(":")
    known = _REASONS.get(code.strip())
    if known is None:
        return reason
    text = QCoreApplication.translate("SyncTexts", str(known))
    if code.strip() != "invalid":
        return text
    lang = 0 if current_language() == "id" else 1
    fields = [part.partition(":")[0].strip() for part in detail.split(";") if part.strip()]
    labels = dict.fromkeys(LABELS.get(f, (f, f))[lang] for f in fields)
    return text.replace("%1", ", ".join(labels) or "–")


def kb_text(n_bytes: int) -> str:
    """``2048`` → ``2,0 KB`` (decimal separator of the current language)."""
    return f"{QLocale().toString(n_bytes / 1024, 'f', 1)} KB"


def clock_warning(offset_seconds: float | None) -> str:
    """The warning for a clock that differs from the hub's by more than five minutes, else ""."""
    if offset_seconds is None or abs(offset_seconds) <= CLOCK_WARNING_SECONDS:
        return ""
    minutes = QLocale().toString(round(abs(offset_seconds) / 60))
    return QCoreApplication.translate(
        "SyncTexts", "This computer's clock differs from the hub by %1 minutes; the data stays "
                     "safe.").replace("%1", minutes)


@dataclass(frozen=True)
class SyncRun:
    started_at: datetime
    finished_at: datetime | None
    outcome: str                 # ok | failed | cancelled | running
    pushed: int
    pulled: int
    set_aside: int
    bytes_sent: int
    error_code: str | None

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> SyncRun:
        return cls(d["started_at"], d["finished_at"], d["outcome"], d["pushed"] or 0,
                   d["pulled"] or 0, d["set_aside"] or 0, d["bytes_sent"] or 0, d["error_code"])


@dataclass(frozen=True)
class SyncOverview:
    status: StoreStatus
    complaints_set_aside: tuple[Complaint, ...]
    activities_set_aside: tuple[Activity, ...]
    runs: tuple[SyncRun, ...] = ()
    enrolled: bool = False
    hub_url: str | None = None


def load_overview(core: Core, recent_runs: Callable[[], Sequence[dict[str, Any]]] | None = None
                  ) -> SyncOverview:
    """Runs off the GUI thread. Set-aside records are back in draft with a reason."""
    drafts = core.complaints.iter_all(ComplaintQuery(statuses=(Status.DRAFT, Status.QUEUED)))
    profile = core.device.profile_or_none()
    runs = tuple(SyncRun.from_dict(d) for d in recent_runs()) if recent_runs else ()
    return SyncOverview(core.status.status(),
                        tuple(c for c in drafts if c.set_aside_reason),
                        tuple(a for a in core.activities.list() if a.set_aside_reason),
                        runs, bool(profile and profile.enrolled),
                        profile.hub_url if profile else None)


class SyncRunTableModel(QAbstractTableModel):
    """The recent sync runs, newest first: start, outcome, records sent, updates pulled from the
    hub, set aside, KB sent, problem."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runs: list[SyncRun] = []
        # a run is in progress: the newest "running" row is that run, older ones were cut off
        self.live = False

    def set_runs(self, runs: Sequence[SyncRun]) -> None:
        self.beginResetModel()
        self._runs = list(runs)
        self.endResetModel()

    def set_live(self, live: bool) -> None:
        self.live = live
        if self._runs:
            self.dataChanged.emit(self.index(0, COL_OUTCOME), self.index(0, COL_OUTCOME))

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        if self._runs:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(self.rowCount() - 1, self.columnCount() - 1))

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._runs)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else 7

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        names = (self.tr("Started"), self.tr("Outcome"), self.tr("Sent"), self.tr("Updates from the hub"),
                 self.tr("Set aside"), self.tr("KB sent"), self.tr("Problem"))
        return names[section] if 0 <= section < len(names) else None

    def data(self, index: Index,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._runs):
            return None
        run, col = self._runs[index.row()], index.column()
        if role == ItemRole:
            return run
        if role == SortRole:
            return (run.started_at.timestamp(), run.outcome, run.pushed, run.pulled,
                    run.set_aside, run.bytes_sent, run.error_code or "")[col]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(run, col, index.row())
        if role == Qt.ItemDataRole.TextAlignmentRole and col in NUMERIC_COLUMNS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and col == COL_OUTCOME:
            colour = {"ok": "#1d7a1a", "failed": "#b3261e"}.get(run.outcome)
            return QColor(colour) if colour else None
        return None

    def _text(self, run: SyncRun, col: int, row: int) -> str:
        if col == COL_STARTED:
            return datetime_text(run.started_at)
        if col == COL_OUTCOME:
            return self.outcome_label(run, live=self.live and row == 0)
        if col == COL_KB:
            return kb_text(run.bytes_sent)
        if col == COL_ERROR:
            return error_text(run.error_code)[0] if run.error_code else ""
        return str((run.pushed, run.pulled, run.set_aside)[col - COL_SENT])

    def outcome_label(self, run: SyncRun, *, live: bool = False) -> str:
        if run.outcome == "running":
            return self.tr("Running") if live else self.tr("Interrupted")
        return {"ok": self.tr("Succeeded"), "failed": self.tr("Failed"),
                "cancelled": self.tr("Stopped")}.get(run.outcome, run.outcome)
