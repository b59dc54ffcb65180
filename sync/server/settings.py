"""Hub layer: the hub's settings, one frozen object built by the CLI or a test.

No module reads the environment or keeps a global: `create_app` and the CLI commands receive a
`HubSettings` and pass what each part needs. The clock and the payload check are injected so that
tests can move time forward and plug the domain validation in.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from kim_desktop.domain.problems import Problem
from sync.protocol import RecordEnvelope
from sync.server.payload_check import default_rules
from sync.server.ratelimit import RateLimits

Clock = Callable[[], datetime]
PayloadCheck = Callable[[RecordEnvelope], Sequence[Problem]]

MIB = 1024 * 1024


def utc_now() -> datetime:
    return datetime.now(UTC)


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


@dataclass(frozen=True)
class HubSettings:
    """Everything a hub process needs to know; defaults suit one district server."""

    db_url: str
    data_dir: Path
    #: largest request body after decompression (push batches, attachment chunks)
    max_body_bytes: int = 16 * MIB
    #: largest attachment the hub stores
    max_attachment_bytes: int = 25 * MIB
    enrolment_code_ttl: timedelta = timedelta(days=7)
    #: connections per hub process (PostgreSQL); SQLite writers queue on one lock anyway
    db_pool_size: int = 10
    db_max_overflow: int = 20
    clock: Clock = utc_now
    #: how long a reviewer/admin login token stays valid
    login_ttl: timedelta = timedelta(hours=8)
    #: per-client-address limits on enrolment and login (`sync.server.ratelimit`)
    rate_limits: RateLimits = field(default_factory=RateLimits)
    #: content rules applied to each pushed record; problems → outcome ``rejected``.
    #: None: the domain's rules against the reference data shipped with the hub.
    payload_check: PayloadCheck | None = None
    #: the key that seals reporter identity in the database (`sealing`); None: ``identity.key``
    #: in the data folder. Never stored in the database.
    identity_key_file: Path | None = None

    def __post_init__(self) -> None:
        if self.payload_check is None:
            object.__setattr__(self, "payload_check", default_rules(self.clock))

    @property
    def content_check(self) -> PayloadCheck:
        assert self.payload_check is not None  # set in __post_init__
        return self.payload_check

    @property
    def attachments_dir(self) -> Path:
        return self.data_dir / "attachments"

    @property
    def identity_key_path(self) -> Path:
        return self.identity_key_file or self.data_dir / "identity.key"

    @property
    def escrow_public_key_path(self) -> Path:
        """The district's escrow public key (`escrow`), published to devices; optional."""
        return self.data_dir / "escrow.pub"

    @property
    def escrow_dir(self) -> Path:
        """The devices' data keys, each wrapped to the escrow public key (`escrow`)."""
        return self.data_dir / "escrow"

    @property
    def lapor_config_path(self) -> Path:
        """The SP4N-LAPOR! API configuration (`sync.server.lapor.LaporConfig`); optional."""
        return self.data_dir / "lapor.json"

    @classmethod
    def for_data_dir(cls, data_dir: Path, db_url: str | None = None) -> HubSettings:
        """Settings with the default SQLite database inside ``data_dir``."""
        return cls(db_url=db_url or sqlite_url(data_dir / "hub.sqlite3"), data_dir=data_dir)
