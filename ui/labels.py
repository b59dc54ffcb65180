"""UI layer: translated names of the closed vocabularies (statuses, kinds, channels, roles,
genders, deadlines) and the status badge colours. The Indonesian status labels in kim_id.ts are
exactly those of DOMAIN.md (a test compares them with ``STATUS_LABELS_ID``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor

from kim_desktop.domain.enums import Channel, Kind, Role, Status

K = TypeVar("K")


def _texts(marked: Mapping[K, object]) -> dict[K, str]:
    """The source texts marked with QT_TRANSLATE_NOOP (typed as object by the stubs)."""
    return {k: str(v) for k, v in marked.items()}


STATUS_TEXT: dict[Status, str] = _texts({
    Status.DRAFT: QT_TRANSLATE_NOOP("Status", "Draft"),
    Status.QUEUED: QT_TRANSLATE_NOOP("Status", "Waiting to be sent"),
    Status.SENDING: QT_TRANSLATE_NOOP("Status", "Being sent"),
    Status.RECEIVED: QT_TRANSLATE_NOOP("Status", "Received by the district"),
    Status.RETURNED: QT_TRANSLATE_NOOP("Status", "Needs correction"),
    Status.REJECTED: QT_TRANSLATE_NOOP("Status", "Rejected"),
    Status.VERIFIED: QT_TRANSLATE_NOOP("Status", "Verified"),
    Status.FORWARDED: QT_TRANSLATE_NOOP("Status", "Forwarded to SP4N-LAPOR!"),
    Status.DISPOSITIONED: QT_TRANSLATE_NOOP("Status", "Dispositioned to an agency"),
    Status.IN_PROGRESS: QT_TRANSLATE_NOOP("Status", "Being followed up by the agency"),
    Status.RESOLVED: QT_TRANSLATE_NOOP("Status", "Resolved"),
    Status.ARCHIVED: QT_TRANSLATE_NOOP("Status", "Archived"),
})

KIND_TEXT: dict[Kind, str] = _texts({
    Kind.COMPLAINT: QT_TRANSLATE_NOOP("Kind", "Complaint"),
    Kind.ASPIRATION: QT_TRANSLATE_NOOP("Kind", "Aspiration"),
    Kind.INFORMATION_REQUEST: QT_TRANSLATE_NOOP("Kind", "Information request"),
})

CHANNEL_TEXT: dict[Channel, str] = _texts({
    Channel.WALK_IN: QT_TRANSLATE_NOOP("Channel", "Came to the office"),
    Channel.PHONE: QT_TRANSLATE_NOOP("Channel", "Phone"),
    Channel.SOCIALIZATION: QT_TRANSLATE_NOOP("Channel", "Socialization session"),
    Channel.SOCIAL_MEDIA: QT_TRANSLATE_NOOP("Channel", "Social media"),
    Channel.OTHER: QT_TRANSLATE_NOOP("Channel", "Other"),
})

ROLE_TEXT: dict[Role, str] = _texts({
    Role.OPERATOR: QT_TRANSLATE_NOOP("Role", "Operator (village office)"),
    Role.TRAINER: QT_TRANSLATE_NOOP("Role", "Trainer (socialization sessions)"),
    Role.REVIEWER: QT_TRANSLATE_NOOP("Role", "Reviewer (district)"),
})

GENDER_TEXT: dict[str, str] = _texts({
    "": QT_TRANSLATE_NOOP("Gender", "Not stated"),
    "L": QT_TRANSLATE_NOOP("Gender", "Male (L)"),
    "P": QT_TRANSLATE_NOOP("Gender", "Female (P)"),
})

DEADLINE_TEXT: dict[str, str] = _texts({
    "verify": QT_TRANSLATE_NOOP("Deadline", "Checked and forwarded by the district"),
    "follow_up": QT_TRANSLATE_NOOP("Deadline", "Follow-up plan from the agency"),
    "auto_close": QT_TRANSLATE_NOOP("Deadline", "Closes by itself if nobody replies"),
    "resolution": QT_TRANSLATE_NOOP("Deadline", "Resolved at the latest (60 days)"),
    "information": QT_TRANSLATE_NOOP("Deadline", "Answer to the information request"),
})

OUTBOX_TEXT: dict[str, str] = _texts({
    "pending": QT_TRANSLATE_NOOP("Outbox", "Waiting to be sent"),
    "sending": QT_TRANSLATE_NOOP("Outbox", "Being sent (outcome not yet known)"),
    "set_aside": QT_TRANSLATE_NOOP("Outbox", "Set aside: needs attention"),
})

#: Badge colours (background, text) per status: grey = still here, amber/blue = on its way,
#: orange/red = needs the village, green = done well.
STATUS_COLOURS: dict[Status, tuple[str, str]] = {
    Status.DRAFT: ("#e0e0e0", "#303030"),
    Status.QUEUED: ("#ffe8a3", "#5c4400"),
    Status.SENDING: ("#cfe3ff", "#0b3a75"),
    Status.RECEIVED: ("#cdeff0", "#0c4a4c"),
    Status.RETURNED: ("#ffd3b0", "#7a3300"),
    Status.REJECTED: ("#f6c4c4", "#7d1010"),
    Status.VERIFIED: ("#d3f0cf", "#1d531a"),
    Status.FORWARDED: ("#e2d7f7", "#3d2474"),
    Status.DISPOSITIONED: ("#e2d7f7", "#3d2474"),
    Status.IN_PROGRESS: ("#d7dcf7", "#26336f"),
    Status.RESOLVED: ("#b9e6b3", "#133f10"),
    Status.ARCHIVED: ("#eeeeee", "#606060"),
}


def _t(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def status_label(s: Status) -> str:
    return _t("Status", STATUS_TEXT[s])


def kind_label(k: Kind) -> str:
    return _t("Kind", KIND_TEXT[k])


def channel_label(c: Channel) -> str:
    return _t("Channel", CHANNEL_TEXT[c])


def role_label(r: Role) -> str:
    return _t("Role", ROLE_TEXT[r])


def gender_label(g: str) -> str:
    return _t("Gender", GENDER_TEXT.get(g, GENDER_TEXT[""]))


def deadline_label(key: str) -> str:
    return _t("Deadline", DEADLINE_TEXT[key]) if key in DEADLINE_TEXT else key


def outbox_label(state: str) -> str:
    return _t("Outbox", OUTBOX_TEXT[state]) if state in OUTBOX_TEXT else state


def status_colours(s: Status) -> tuple[QColor, QColor]:
    bg, fg = STATUS_COLOURS[s]
    return QColor(bg), QColor(fg)
