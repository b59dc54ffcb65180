"""Hub layer: device tokens, the authenticated device and its scope.

A token is 32 random bytes (URL-safe text) handed out once at enrolment; the hub keeps only its
SHA-256. ``Authorization: Bearer <token>`` identifies the device on every /v1 call. An unknown
token is ``unauthorized``; a revoked one is ``enrolment_revoked`` so the client can tell the user to
enrol again. Scope: an operator device sees and changes the records of its village; a trainer
device only the records it pushed itself.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy import select

from sync.protocol import ErrorCode
from sync.server.context import Hub, get_hub
from sync.server.errors import unauthorized
from sync.server.models import DeviceRow

TOKEN_BYTES = 32


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def scope_of(role: str, village_code: str, device_id: str) -> str:
    """The scope key of records pushed by such a device (see ``current_records.scope``)."""
    return f"village:{village_code}" if role == "operator" else f"device:{device_id}"


@dataclass(frozen=True, slots=True)
class DeviceInfo:
    """The device behind a request's token."""

    id: str
    village_code: str
    role: str

    @property
    def scope(self) -> str:
        return scope_of(self.role, self.village_code, self.id)

    @classmethod
    def of(cls, row: DeviceRow) -> DeviceInfo:
        return cls(id=row.id, village_code=row.village_code, role=row.role)


def device_for_token(hub: Hub, token: str) -> DeviceInfo:
    """The enrolled device holding ``token``; raises 401 ``unauthorized``/``enrolment_revoked``."""
    with hub.db.reads() as s:
        row = s.scalars(select(DeviceRow).where(DeviceRow.token_hash == hash_secret(token))).first()
    if row is None:
        raise unauthorized(ErrorCode.UNAUTHORIZED, "unknown device token")
    if row.revoked_at is not None:
        raise unauthorized(ErrorCode.ENROLMENT_REVOKED, "this device's enrolment was revoked")
    return DeviceInfo.of(row)


def bearer_token(request: Request) -> str:
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise unauthorized(ErrorCode.UNAUTHORIZED, "missing bearer token")
    return token.strip()


def current_device(request: Request, hub: Annotated[Hub, Depends(get_hub)]) -> DeviceInfo:
    """FastAPI dependency: the device making this request."""
    return device_for_token(hub, bearer_token(request))


CurrentDevice = Annotated[DeviceInfo, Depends(current_device)]
