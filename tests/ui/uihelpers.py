"""Helpers for the widget tests: what the district hub will do to a complaint (the sync client
is not part of these tests), sample files."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from uuid import UUID

from PySide6.QtGui import QColor, QImage
from sqlalchemy import update

from kim_desktop.core import Core
from kim_desktop.domain.enums import Status
from kim_desktop.storage.rows import ComplaintRow, OutboxRow, StatusHistoryRow


def district_sets(core: Core, complaint_id: UUID, status: Status, at: datetime, *,
                  note: str = "", lapor_id: str | None = None) -> None:
    """Apply a status decided by the district, as the pulled change feed will."""
    with core.ctx.sessions.begin() as s:
        row = s.get(ComplaintRow, complaint_id)
        assert row is not None
        row.status, row.updated_at = status.value, at
        if note:
            row.review_note = note
        if lapor_id:
            row.lapor_tracking_id = lapor_id
        s.add(StatusHistoryRow(entity="complaint", record_id=row.id, status=status.value, at=at,
                               actor="Diskominfo-SP", note=note))
        s.execute(update(OutboxRow).where(OutboxRow.record_id == row.id).values(state="done"))


def photo(path: Path, colour: str = "#7a8a55", size: tuple[int, int] = (640, 480)) -> Path:
    img = QImage(*size, QImage.Format.Format_RGB32)
    img.fill(QColor(colour))
    assert img.save(str(path), "JPEG")
    return path
