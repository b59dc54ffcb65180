"""Hub layer: enrolment of devices, handshakes and revocation.

District IT runs ``kim-hub enroll --village CODE`` and reads the one-time code to the village; the
device exchanges it for a bearer token (`EnrolmentService.enroll`). A code works once and for
seven days; the claim is a single conditional UPDATE, so two devices racing with one code cannot
both win. Codes and tokens are stored only as hashes.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update

from kim_desktop.domain.errors import NotFound
from sync.protocol import (
    MIN_PROTOCOL_VERSION,
    PROTOCOL_VERSION,
    EnrollRequest,
    EnrollResponse,
    ErrorCode,
    HandshakeRequest,
    HandshakeResponse,
)
from sync.server.db import Database
from sync.server.errors import HubError
from sync.server.identity import (
    DeviceInfo,
    hash_secret,
    new_enrolment_code,
    new_token,
    normalise_code,
)
from sync.server.models import DeviceRow, EnrolmentCodeRow
from sync.server.settings import Clock

log = logging.getLogger(__name__)

ROLES = ("operator", "trainer")


@dataclass(frozen=True, slots=True)
class IssuedCode:
    code: str
    village_code: str
    role: str
    expires_at: datetime


def _refused() -> HubError:
    # one answer for unknown, used and expired codes: nothing to learn by guessing
    return HubError(403, ErrorCode.ENROLMENT_REFUSED,
                    "enrolment code unknown, already used or expired")


class EnrolmentService:
    def __init__(self, db: Database, *, clock: Clock, code_ttl: timedelta) -> None:
        self._db, self._clock, self._ttl = db, clock, code_ttl

    def create_code(self, *, village_code: str, role: str = "operator") -> IssuedCode:
        """A new one-time code for a device of ``village_code`` (checked by the caller)."""
        if role not in ROLES:
            raise ValueError(f"role must be one of {ROLES}")
        code, now = new_enrolment_code(), self._clock()
        with self._db.writes.begin() as s:
            s.add(EnrolmentCodeRow(code_hash=hash_secret(normalise_code(code)),
                                   village_code=village_code, role=role, created_at=now,
                                   expires_at=now + self._ttl, used_at=None, device_id=None))
        log.info("enrolment code issued role=%s village=%s", role, village_code)
        return IssuedCode(code, village_code, role, now + self._ttl)

    def enroll(self, request: EnrollRequest) -> EnrollResponse:
        """Exchange a one-time code for a new device id and token (403 when refused)."""
        now, code_hash = self._clock(), hash_secret(normalise_code(request.code))
        device_id, token = str(uuid.uuid4()), new_token()
        with self._db.writes.begin() as s:
            code = s.get(EnrolmentCodeRow, code_hash)
            if code is None or code.used_at is not None or code.expires_at <= now:
                raise _refused()
            s.add(DeviceRow(id=device_id, village_code=code.village_code, role=code.role,
                            token_hash=hash_secret(token), device_tag=request.device_tag,
                            device_name=request.device_name, app_version=request.app_version,
                            protocol_version=None, enrolled_at=now, revoked_at=None,
                            last_seen_at=now, clock_offset_seconds=None))
            s.flush()
            claimed = s.execute(
                update(EnrolmentCodeRow)
                .where(EnrolmentCodeRow.code_hash == code_hash,
                       EnrolmentCodeRow.used_at.is_(None), EnrolmentCodeRow.expires_at > now)
                .values(used_at=now, device_id=device_id)
                .execution_options(synchronize_session=False))
            if claimed.rowcount != 1:  # type: ignore[attr-defined]
                raise _refused()  # another device claimed it first; the device row rolls back
            village_code, role = code.village_code, code.role
        log.info("device enrolled device=%s role=%s village=%s", device_id, role, village_code)
        return EnrollResponse(device_id=device_id, token=token, village_code=village_code,
                              role=role)  # type: ignore[arg-type]

    def handshake(self, device: DeviceInfo, request: HandshakeRequest) -> HandshakeResponse:
        """Record the device's app version and clock offset; the caller checked the version."""
        now = self._clock()
        offset = (now - request.client_time).total_seconds()
        with self._db.writes.begin() as s:
            s.execute(update(DeviceRow).where(DeviceRow.id == device.id).values(
                app_version=request.app_version, protocol_version=request.protocol_version,
                clock_offset_seconds=offset, last_seen_at=now))
        if abs(offset) > 300:
            log.warning("device clock skew device=%s offset_s=%.0f", device.id, offset)
        return HandshakeResponse(
            protocol_version=PROTOCOL_VERSION, min_protocol_version=MIN_PROTOCOL_VERSION,
            server_time=now, device_id=device.id, village_code=device.village_code,
            role=device.role, clock_offset_seconds=offset)  # type: ignore[arg-type]

    def revoke(self, device_id: str) -> bool:
        """Revoke a device's token; False when it was already revoked. `NotFound` if unknown."""
        now = self._clock()
        with self._db.writes.begin() as s:
            row = s.get(DeviceRow, device_id)
            if row is None:
                raise NotFound("device", device_id)
            if row.revoked_at is not None:
                return False
            row.revoked_at = now
        log.info("device revoked device=%s", device_id)
        return True

    def device(self, device_id: str) -> DeviceRow | None:
        with self._db.reads() as s:
            return s.scalars(select(DeviceRow).where(DeviceRow.id == device_id)).first()
