"""Domain layer: the one typed preferences model, with every default in this file.

Stored as versioned JSON in the store; ``upgrade`` brings older versions forward.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from typing import Any

PREFERENCES_VERSION = 1


@dataclass(frozen=True)
class Preferences:
    language: str = "id"                 # "id" | "en"
    hub_url: str | None = None
    photo_max_side_px: int = 1600        # photos are downscaled to this before upload
    max_attachment_mb: int = 10
    max_attachments: int = 5
    backup_keep: int = 7                 # daily backups kept
    auto_sync: bool = True
    allow_insecure_http: bool = False    # plain HTTP to a non-loopback hub
    ca_bundle: str | None = None         # the district's own CA certificates (PEM file)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, version: int, data: dict[str, Any]) -> Preferences:
        data = upgrade(version, dict(data))
        known = {f.name for f in fields(cls)}
        return replace(cls(), **{k: v for k, v in data.items() if k in known})


def upgrade(version: int, data: dict[str, Any]) -> dict[str, Any]:
    """Bring stored preferences of ``version`` up to `PREFERENCES_VERSION`."""
    # version 1 is the first; later versions add steps here, oldest first
    return data
