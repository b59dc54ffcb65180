"""UI layer: what the district decided about a session, as the sessions list and the session
form show it: the district's note, and a banner above the form (returned: correct and submit
again; rejected; verified; refused by the hub)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel, QWidget

from kim_desktop.domain.enums import Status
from kim_desktop.domain.models import Activity
from ui.labels import status_label
from ui.widgets import ERROR_COLOUR, OK_COLOUR, WARNING_COLOUR

DECIDED_WITH_NOTE = (Status.RETURNED, Status.REJECTED)


def district_note(a: Activity) -> str:
    """The district's note on a returned or rejected session ("" otherwise)."""
    return (a.review_note or "") if a.status in DECIDED_WITH_NOTE else ""


class ActivityStatusBanner(QLabel):
    """A line above the session form saying what the district decided; hidden when nothing
    was decided yet."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self._activity: Activity | None = None
        self.hide()

    def show_for(self, activity: Activity | None) -> None:
        self._activity = activity
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        a = self._activity
        text, colour = self._text(a) if a is not None else ("", "")
        self.setText(text)
        self.setStyleSheet(f"color: {colour}; font-weight: bold; padding: 4px;" if text else "")
        self.setAccessibleName(text)
        self.setVisible(bool(text))

    def _text(self, a: Activity) -> tuple[str, str]:
        note = a.review_note or self.tr("(no note)")
        if a.status is Status.RETURNED:
            return (self.tr("%1: the district returned this session for correction. Note: %2. "
                            "Correct it, then submit it again.")
                    .replace("%1", status_label(a.status)).replace("%2", note), WARNING_COLOUR)
        if a.status is Status.REJECTED:
            return (self.tr("%1 by the district. Note: %2").replace("%1", status_label(a.status))
                    .replace("%2", note), ERROR_COLOUR)
        if a.set_aside_reason:
            return (self.tr("The district hub could not accept this session: %1")
                    .replace("%1", a.set_aside_reason), ERROR_COLOUR)
        if a.status in (Status.VERIFIED, Status.RECEIVED):
            return self.tr("Status: %1").replace("%1", status_label(a.status)), OK_COLOUR
        return "", ""

    def changeEvent(self, event: Any) -> None:
        if event.type() == event.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
