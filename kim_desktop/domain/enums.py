"""Domain layer: the closed vocabularies of DOMAIN.md (statuses, kinds, channels, roles)."""

from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    DRAFT = "draft"
    QUEUED = "queued"
    SENDING = "sending"
    RECEIVED = "received"
    RETURNED = "returned"
    REJECTED = "rejected"
    VERIFIED = "verified"
    FORWARDED = "forwarded"
    DISPOSITIONED = "dispositioned"
    IN_PROGRESS = "in_progress"
    RESOLVED = "resolved"
    ARCHIVED = "archived"


STATUS_LABELS_ID: dict[Status, str] = {
    Status.DRAFT: "Draf",
    Status.QUEUED: "Menunggu dikirim",
    Status.SENDING: "Sedang dikirim",
    Status.RECEIVED: "Diterima kabupaten",
    Status.RETURNED: "Perlu perbaikan",
    Status.REJECTED: "Ditolak",
    Status.VERIFIED: "Terverifikasi",
    Status.FORWARDED: "Diteruskan ke SP4N-LAPOR!",
    Status.DISPOSITIONED: "Terdisposisi ke instansi",
    Status.IN_PROGRESS: "Ditindaklanjuti instansi",
    Status.RESOLVED: "Selesai",
    Status.ARCHIVED: "Diarsipkan",
}


class Kind(StrEnum):
    COMPLAINT = "complaint"
    ASPIRATION = "aspiration"
    INFORMATION_REQUEST = "information_request"


class Channel(StrEnum):
    WALK_IN = "walk_in"
    PHONE = "phone"
    SOCIALIZATION = "socialization"
    SOCIAL_MEDIA = "social_media"
    OTHER = "other"


class Gender(StrEnum):
    MALE = "L"
    FEMALE = "P"


class Role(StrEnum):
    OPERATOR = "operator"
    TRAINER = "trainer"
    REVIEWER = "reviewer"


class Entity(StrEnum):
    """Kinds of synced record."""

    COMPLAINT = "complaint"
    ACTIVITY = "activity"
