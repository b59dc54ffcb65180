"""UI layer: "Kesehatan sinkronisasi" in the district review workspace: one row per village
device with its last contact, the village's records waiting for review and the oldest of them,
what the device has not sent yet and the oldest of that, the app version, the clock offset and
the last error with its time, from ``/v1/review/sync-health``. The unsent work and the last
error are what the device itself last reported; a device that never reported shows them empty.

Villages silent for more than `SILENT_DAYS` and devices whose clock is off by more than
`CLOCK_WARN_SECONDS` are highlighted, and the row says why in words (not only by colour).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kim_desktop.domain.errors import HubRefused
from kim_desktop.domain.reference import Region
from sync.client.review import ReviewClient
from sync.client.review_models import VillageHealth
from ui.errors import error_text, show_error
from ui.formatting import datetime_text
from ui.report_common import (
    ClientGetter,
    Column,
    RowTableModel,
    fetch_health,
    logged_in_client,
    region_name,
    shipped_regions,
    table_view,
)
from ui.tasks import run_in_background

SILENT_DAYS = 7
CLOCK_WARN_SECONDS = 300       # 5 minutes: more than that shifts dates on receipts and deadlines
SILENT_COLOUR = QColor("#fff0cc")
CLOCK_COLOUR = QColor("#fbdcdc")


def _when(value: object) -> datetime | None:
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    if isinstance(value, str) and value:
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            return None
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    return None


def load_health(client: ReviewClient) -> list[VillageHealth]:
    """Blocking: the sync health of every village, as the desktop reads it."""
    try:
        return [VillageHealth.model_validate(v) for v in fetch_health(client)]
    except ValidationError as e:
        raise HubRefused(f"sync health answer not understood ({e.error_count()} problems)"
                         ) from e


def health_rows(villages: list[VillageHealth], regions: Mapping[str, Region],
                now: datetime) -> list[dict[str, Any]]:
    """One flat row per device (a village without devices keeps one row), with the checks."""
    rows: list[dict[str, Any]] = []
    for v in villages:
        region = regions.get(v.village_code)
        last_contact = _when(v.last_contact_at)
        village = {
            "village_code": v.village_code,
            "village_name": region.name if region else v.village_code,
            "kecamatan": region_name(regions, region.parent_code) if region else "",
            "village_last_contact": last_contact,
            "backlog": v.backlog_received,
            "oldest": _when(v.oldest_received_at),
            "silent": last_contact is None or now - last_contact > timedelta(days=SILENT_DAYS),
            "unsent": v.pending, "oldest_unsent": _when(v.oldest_pending_at),
            "set_aside": None, "reported": None, "last_error": "", "last_error_at": None,
        }
        if not v.devices:
            rows.append({**village, "device_id": "", "role": "", "app_version": "",
                         "last_seen": None, "clock_offset": None, "clock_off": False})
        for d in v.devices:
            offset = d.clock_offset_seconds
            reported = d.reported_at is not None
            rows.append({**village, "device_id": d.device_id, "role": d.role,
                         "app_version": d.app_version, "last_seen": _when(d.last_seen_at),
                         "clock_offset": offset,
                         "clock_off": offset is not None and abs(offset) > CLOCK_WARN_SECONDS,
                         "reported": _when(d.reported_at),
                         "unsent": d.pending if reported else None,
                         "oldest_unsent": _when(d.oldest_pending_at),
                         "set_aside": d.set_aside,
                         "last_error": d.last_error or "",
                         "last_error_at": _when(d.last_error_at)})
    return rows


def error_phrase(code: str) -> str:
    """A short phrase for an error code a device reported (the app's own error texts); the
    code itself when the app has no text for it."""
    if not code:
        return ""
    phrase, _ = error_text(code)
    return code if phrase == error_text("")[0] else phrase


class SyncHealthPanel(QWidget):
    """The sync health table with its highlights; loads when shown and on "Perbarui"."""

    health_loaded = Signal(object)        # the rows shown now
    failed = Signal(object)

    def __init__(self, client_getter: ClientGetter, parent: QWidget | None = None, *,
                 regions: dict[str, Region] | None = None,
                 now: Callable[[], datetime] | None = None) -> None:
        super().__init__(parent)
        self._client_getter = client_getter
        self._regions = regions if regions is not None else shipped_regions()
        self._now = now or (lambda: datetime.now(UTC))
        self._asked = 0
        self._busy = False
        self.rows: list[dict[str, Any]] | None = None
        self.status_label = QLabel(wordWrap=True)
        self.summary_label = QLabel(wordWrap=True)
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.refresh)
        self.model = RowTableModel([], highlight=self._highlight)
        self.view = table_view(self.model, self)
        top = QHBoxLayout()
        top.addWidget(self.status_label, 1)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.view, 1)
        self.retranslate_ui()

    @staticmethod
    def _highlight(row: Mapping[str, Any]) -> QColor | None:
        if row.get("clock_off"):
            return CLOCK_COLOUR
        return SILENT_COLOUR if row.get("silent") else None

    def problems(self, row: Mapping[str, Any]) -> str:
        """Why a row is highlighted, in words."""
        out = []
        if row.get("silent"):
            out.append(self.tr("no contact for more than %1 days").replace("%1",
                                                                         str(SILENT_DAYS)))
        if row.get("clock_off"):
            out.append(self.tr("clock off by more than %1 minutes").replace(
                "%1", str(CLOCK_WARN_SECONDS // 60)))
        return "; ".join(out)

    def offset_text(self, seconds: float | None) -> str:
        if seconds is None:
            return ""
        sign = "+" if seconds >= 0 else "−"
        s = abs(seconds)
        if s < 120:
            return self.tr("%1 s").replace("%1", f"{sign}{s:.0f}")
        if s < 7200:
            return self.tr("%1 min").replace("%1", f"{sign}{s / 60:.0f}")
        return self.tr("%1 h").replace("%1", f"{sign}{s / 3600:.1f}".replace(".", ","))

    def error_cell(self, code: str, at: datetime | None) -> str:
        """The last error a device reported, in words, with when it happened."""
        if not code:
            return ""
        if at is None:
            return error_phrase(code)
        return self.tr("%1 (%2)").replace("%1", error_phrase(code)).replace(
            "%2", datetime_text(at))

    @Slot()
    def refresh(self) -> bool:
        client = logged_in_client(self._client_getter)
        if client is None:
            self.status_label.setText(self.tr("Log in first: sync health comes from the hub."))
            return False
        self._asked += 1
        asked = self._asked
        self._busy = True
        self.refresh_button.setEnabled(False)
        self.status_label.setText(self.tr("Loading…"))
        run_in_background(lambda: load_health(client),
                          lambda v: self._on_health_fetched(asked, v),
                          lambda e: self._on_health_failed(asked, e), owner=self,
                          name="sync health")
        return True

    def _on_health_fetched(self, asked: int, villages: list[VillageHealth]) -> None:
        if asked != self._asked:
            return
        now = self._now()
        self._busy = False
        self.refresh_button.setEnabled(True)
        self.rows = health_rows(villages, self._regions, now)
        self.model.set_rows(self.rows)
        self.status_label.setText(self.tr("Updated %1.").replace("%1", datetime_text(now)))
        self._show_summary()
        self.health_loaded.emit(self.rows)

    def _on_health_failed(self, asked: int, error: BaseException) -> None:
        if asked != self._asked:
            return
        self._busy = False
        self.refresh_button.setEnabled(True)
        self.status_label.setText(self.tr("Sync health could not be loaded."))
        show_error(self, error)
        self.failed.emit(error)

    def _show_summary(self) -> None:
        rows = self.rows or []
        villages = {r["village_code"] for r in rows}
        silent = {r["village_code"] for r in rows if r["silent"]}
        clocks = sum(1 for r in rows if r["clock_off"])
        self.summary_label.setText(self.tr(
            "%1 villages · %2 silent for more than %3 days · %4 devices with a clock off by "
            "more than %5 minutes").replace("%1", str(len(villages)))
            .replace("%2", str(len(silent))).replace("%3", str(SILENT_DAYS))
            .replace("%4", str(clocks)).replace("%5", str(CLOCK_WARN_SECONDS // 60)))
        self.summary_label.setVisible(self.rows is not None)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self.rows is None and not self._busy:
            self.refresh()

    def retranslate_ui(self) -> None:
        self.refresh_button.setText(self.tr("&Refresh"))
        self.model.set_columns([
            Column(self.tr("Village"), lambda r: r["village_name"]),
            Column(self.tr("Kecamatan"), lambda r: r["kecamatan"]),
            Column(self.tr("Device"), lambda r: r["device_id"], text=lambda v: str(v)[:8]),
            Column(self.tr("Last contact"), lambda r: r["last_seen"] or r["village_last_contact"],
                   text=lambda v: datetime_text(v) or self.tr("never")),
            Column(self.tr("Waiting for review"), lambda r: r["backlog"], numeric=True),
            Column(self.tr("Oldest waiting since"), lambda r: r["oldest"],
                   text=datetime_text),
            Column(self.tr("Not yet sent from the village"), lambda r: r["unsent"],
                   numeric=True),
            Column(self.tr("Oldest unsent since"), lambda r: r["oldest_unsent"],
                   text=datetime_text),
            Column(self.tr("App version"), lambda r: r["app_version"]),
            Column(self.tr("Clock offset"), lambda r: r["clock_offset"],
                   text=self.offset_text, numeric=True),
            Column(self.tr("Last error"),
                   lambda r: self.error_cell(r["last_error"], r["last_error_at"])),
            Column(self.tr("Attention"), self.problems)])
        if self.rows is not None:
            self._show_summary()
        elif logged_in_client(self._client_getter) is None:
            self.status_label.setText(self.tr("Log in first: sync health comes from the hub."))
        self.summary_label.setVisible(self.rows is not None)

    def changeEvent(self, event: Any) -> None:
        if event.type() == event.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
