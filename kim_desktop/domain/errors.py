"""Domain layer: the one error hierarchy of KIM Desktop.

Every failure a user can meet is a `KimError` with a stable `code`; the UI and the CLI map codes
to translated text. Foreign exceptions (SQLAlchemy, OS, HTTP, keyring) are converted into these at
the boundary with ``raise ... from exc``. Messages here are English and carry no personal data.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from kim_desktop.domain.problems import Problem


class KimError(Exception):
    """Base of every error the application expects and can explain."""

    code: ClassVar[str] = "internal"
    retryable: ClassVar[bool] = False
    #: CLI exit code: 2 for invalid input or usage, 3 for hub/sync trouble, 1 for the rest.
    exit_code: ClassVar[int] = 1


class ValidationFailed(KimError):
    """Input broke one or more rules; nothing was written."""

    code = "invalid"
    exit_code = 2

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("; ".join(f"{p.field}: {p.message_en}" for p in self.problems))


class InvalidInput(KimError):
    """Input that could not even be read (malformed JSON, unreadable file, bad argument)."""

    code = "invalid_input"
    exit_code = 2


class NotFound(KimError):
    code = "not_found"
    exit_code = 2

    def __init__(self, kind: str, key: object) -> None:
        self.kind, self.key = kind, key
        super().__init__(f"{kind} {key} not found")


class InvalidTransition(KimError):
    """A status change the status machine does not allow."""

    code = "invalid_transition"
    exit_code = 2

    def __init__(self, entity: str, current: str, target: str) -> None:
        self.entity, self.current, self.target = entity, current, target
        super().__init__(f"{entity} cannot go from {current} to {target}")


class NotInitialised(KimError):
    code = "not_initialised"
    exit_code = 2


class StoreError(KimError):
    """The local store cannot be used right now."""

    code = "store"


class StoreLocked(StoreError):
    code = "store_locked"
    retryable = True


class StoreReadOnly(StoreError):
    code = "store_read_only"


class DiskFull(StoreError):
    code = "disk_full"


class StoreTooNew(StoreError):
    """The store was written by a newer app version; it is left untouched."""

    code = "store_too_new"


class StoreCorrupt(StoreError):
    code = "store_corrupt"


class SyncFailed(KimError):
    code = "sync_failed"
    exit_code = 3


class Offline(SyncFailed):
    code, retryable = "offline", True


class HubUnavailable(SyncFailed):
    """The hub answered with a server error or timed out."""

    code, retryable = "hub_unavailable", True


class OutcomeUnknown(SyncFailed):
    """A request may or may not have reached the hub; reconcile before resending."""

    code, retryable = "outcome_unknown", True


class NotEnrolled(SyncFailed):
    code = "not_enrolled"


class EnrolmentRevoked(SyncFailed):
    """The hub no longer accepts this device's token: enrol again."""

    code = "enrolment_revoked"


class EnrolmentRefused(SyncFailed):
    code = "enrolment_refused"


class UpdateRequired(SyncFailed):
    """The hub speaks a protocol version this app does not: please update the app."""

    code = "update_required"


class HubRefused(SyncFailed):
    """The hub refused a request for a reason that retrying will not change."""

    code = "hub_refused"


class KeyringUnavailable(KimError):
    """No usable OS keyring: secrets are kept in memory for this run only."""

    code = "keyring_unavailable"
    exit_code = 3
