"""UI layer: how dates and times read on screen and on paper: dd/mm/yyyy, times in WITA.

Stored times are UTC; WITA (UTC+8) is the time people in Luwu Timur live by.
"""

from __future__ import annotations

from datetime import date, datetime

from kim_desktop.domain.deadlines import WITA


def date_text(d: date | datetime | None) -> str:
    if d is None:
        return ""
    if isinstance(d, datetime):
        d = d.astimezone(WITA).date()
    return f"{d:%d/%m/%Y}"


def datetime_text(dt: datetime | None) -> str:
    """``25/11/2026 10:00 WITA``"""
    if dt is None:
        return ""
    return f"{dt.astimezone(WITA):%d/%m/%Y %H:%M} WITA"


def iso_to_display(value: str | None) -> str:
    """``2026-11-20`` → ``20/11/2026`` (other text unchanged)."""
    if not value:
        return ""
    try:
        return date_text(date.fromisoformat(value))
    except ValueError:
        return value
