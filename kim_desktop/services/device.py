"""Services layer: the device/KIM profile set up on first run (`kim init`)."""

from __future__ import annotations

import uuid

from sqlalchemy.orm import Session

from kim_desktop.domain.enums import Role
from kim_desktop.domain.errors import InvalidInput, NotInitialised, ValidationFailed
from kim_desktop.domain.messages import render
from kim_desktop.domain.models import DeviceProfile
from kim_desktop.domain.problems import Problem
from kim_desktop.domain.reference import ReferenceData
from kim_desktop.domain.tracking import format_tracking_no, new_device_tag
from kim_desktop.services.base import ServiceContext
from kim_desktop.storage.db import transaction
from kim_desktop.storage.rows import DeviceRow


def to_profile(row: DeviceRow) -> DeviceProfile:
    return DeviceProfile(row.device_id, row.device_tag, row.village_code, row.kim_name,
                         row.operator_name, Role(row.role), row.hub_url,
                         row.enrolled_at is not None, row.hub_device_id)


class DeviceService:
    def __init__(self, ctx: ServiceContext, refs: ReferenceData) -> None:
        self._ctx, self._refs = ctx, refs

    def init(self, *, village_code: str, kim_name: str, operator_name: str,
             role: Role = Role.OPERATOR, hub_url: str | None = None) -> DeviceProfile:
        """Set up (or update) this device's profile. The device id and tag never change."""
        problems = []
        if not self._refs.is_village(village_code):
            problems.append(Problem("village_code", "unknown_village",
                                    *render("unknown_village", "village_code", value=village_code)))
        for field, value in (("kim_name", kim_name), ("operator_name", operator_name)):
            if not value.strip():
                problems.append(Problem(field, "required", *render("required", field)))
        if role not in (Role.OPERATOR, Role.TRAINER, Role.REVIEWER):
            raise InvalidInput(f"role must be operator, trainer or reviewer, not {role}")
        if problems:
            raise ValidationFailed(problems)
        with transaction(self._ctx.sessions) as s:
            row = s.get(DeviceRow, 1)
            if row is None:
                row = DeviceRow(id=1, device_id=str(uuid.uuid4()), device_tag=new_device_tag(),
                                next_sequence=1, created_at=self._ctx.now())
                s.add(row)
            elif row.village_code != village_code and row.next_sequence > 1:
                # tracking numbers already issued carry the old village digits; keep them unique
                row.device_tag = new_device_tag()
            row.village_code, row.kim_name = village_code, kim_name.strip()
            row.operator_name, row.role = operator_name.strip(), role.value
            if hub_url is not None:
                row.hub_url = hub_url
            return to_profile(row)

    def profile(self) -> DeviceProfile:
        with transaction(self._ctx.sessions) as s:
            row = s.get(DeviceRow, 1)
            if row is None:
                raise NotInitialised("this data folder has not been set up; run 'kim init'")
            return to_profile(row)

    def profile_or_none(self) -> DeviceProfile | None:
        try:
            return self.profile()
        except NotInitialised:
            return None

    def set_hub(self, hub_url: str | None, *, enrolled: bool,
                hub_device_id: str | None = None) -> DeviceProfile:
        with transaction(self._ctx.sessions) as s:
            row = _row(s)
            row.hub_url = hub_url
            row.enrolled_at = self._ctx.now() if enrolled else None
            if hub_device_id is not None:
                row.hub_device_id = hub_device_id
            return to_profile(row)


def _row(s: Session) -> DeviceRow:
    row = s.get(DeviceRow, 1)
    if row is None:
        raise NotInitialised("this data folder has not been set up; run 'kim init'")
    return row


def next_tracking_no(s: Session) -> str:
    """Reserve the next tracking number inside the caller's transaction."""
    row = _row(s)
    seq = row.next_sequence
    row.next_sequence = seq + 1
    return format_tracking_no(row.village_code, row.device_tag, seq)


def current_device(s: Session) -> DeviceRow:
    return _row(s)
