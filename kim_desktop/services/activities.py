"""Services layer: socialization activity use cases (save draft, submit, withdraw, list, show).
Participant counts by gender are derived from the list, never typed.

A complaint names the session it was collected in (``activity_id``); the session lists it in
``complaint_ids``. Reading a session adds the complaints that name it, and saving or submitting
writes those links, so the record sent to the district carries them too."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any
from uuid import UUID

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from kim_desktop.domain.enums import Entity, Status
from kim_desktop.domain.errors import InvalidTransition, NotFound, ValidationFailed
from kim_desktop.domain.models import Activity, ActivityContent, Complaint, activity_content_to_dict
from kim_desktop.domain.preferences import Preferences
from kim_desktop.domain.problems import Problem
from kim_desktop.domain.status import EDITABLE, check_transition
from kim_desktop.domain.validation import errors_only, parse_activity
from kim_desktop.services.attachments import AttachmentStore, CheckedFile
from kim_desktop.services.base import ServiceContext
from kim_desktop.services.device import current_device
from kim_desktop.services.importing import prepare_items
from kim_desktop.services.mapping import apply_activity_content, record_status, to_activity, to_complaint
from kim_desktop.services.outbox import enqueue, withdraw_pending
from kim_desktop.services.reference import ReferenceService
from kim_desktop.storage.db import transaction
from kim_desktop.storage.rows import (
    ActivityAttachmentRow,
    ActivityComplaintRow,
    ActivityRow,
    ComplaintRow,
)


class ActivityService:
    def __init__(self, ctx: ServiceContext, refs: ReferenceService, files: AttachmentStore,
                 prefs: Callable[[], Preferences]) -> None:
        self._ctx, self._refs, self._files, self._prefs = ctx, refs, files, prefs

    def validate(self, data: Mapping[str, Any], *, for_submit: bool
                 ) -> tuple[ActivityContent, list[Problem]]:
        return parse_activity(data, self._refs.data(), for_submit=for_submit)

    def check_files(self, paths: Sequence[Path]) -> tuple[list[CheckedFile], list[Problem]]:
        p = self._prefs()
        return self._files.check(list(paths), max_bytes=p.max_attachment_mb * 1024 * 1024,
                                 max_files=max(p.max_attachments, 20))

    def save_draft(self, content: ActivityContent, *, activity_id: UUID | None = None,
                   new_files: Sequence[CheckedFile] = (),
                   keep: Sequence[str] | None = None) -> Activity:
        with transaction(self._ctx.sessions) as s:
            return to_activity(s, self._save(s, content, activity_id, new_files, keep))

    def add(self, items: Sequence[tuple[Mapping[str, Any], Path]], *, submit: bool
            ) -> list[Activity]:
        """Import (CLI): validate every item first, then write all in one transaction."""
        prepared = prepare_items(items, lambda d: self.validate(d, for_submit=True),
                                 self.check_files)
        with transaction(self._ctx.sessions) as s:
            rows = []
            for content, files in prepared:
                row = self._save(s, content, None, files, None)
                if submit:
                    self._submit(s, row)
                rows.append(row)
            return [to_activity(s, r) for r in rows]

    def submit(self, activity_id: UUID | str) -> Activity:
        with transaction(self._ctx.sessions) as s:
            row = self._find(s, activity_id)
            self._submit(s, row)
            return to_activity(s, row)

    def withdraw(self, activity_id: UUID | str) -> Activity:
        with transaction(self._ctx.sessions) as s:
            row = self._find(s, activity_id)
            check_transition(Entity.ACTIVITY, Status(row.status), Status.DRAFT)
            withdraw_pending(s, Entity.ACTIVITY, row.id, row.revision)
            self._set_status(s, row, Status.DRAFT, "withdrawn")
            return to_activity(s, row)

    def get(self, activity_id: UUID | str) -> Activity:
        with transaction(self._ctx.sessions) as s:
            row = self._find(s, activity_id)
            return _with_collected(to_activity(s, row), _naming(s, [row.id]))

    def complaints_of(self, activity_id: UUID | str) -> list[Complaint]:
        """Complaints collected in the session: linked from the session or naming it."""
        with transaction(self._ctx.sessions) as s:
            row = self._find(s, activity_id)
            ids = {link.complaint_id for link in row.complaint_links}
            stmt = select(ComplaintRow).where(ComplaintRow.deleted.is_(False)).where(
                ComplaintRow.activity_id == row.id
                if not ids else (ComplaintRow.activity_id == row.id) | ComplaintRow.id.in_(ids))
            return [to_complaint(s, r) for r in s.scalars(stmt.order_by(ComplaintRow.created_at))]

    def list(self, *, village_code: str | None = None) -> list[Activity]:
        return list(self.iter_all(village_code=village_code))

    def iter_all(self, *, village_code: str | None = None) -> Iterator[Activity]:
        with transaction(self._ctx.sessions) as s:
            stmt = (select(ActivityRow).where(ActivityRow.deleted.is_(False))
                    .options(selectinload(ActivityRow.participants),
                             selectinload(ActivityRow.facilitators),
                             selectinload(ActivityRow.complaint_links),
                             selectinload(ActivityRow.attachments))
                    .order_by(ActivityRow.starts_at.desc(), ActivityRow.created_at.desc()))
            if village_code:
                stmt = stmt.where(ActivityRow.village_code == village_code)
            naming = _naming(s, None)
            items = [_with_collected(to_activity(s, r), naming) for r in s.scalars(stmt)]
        yield from items

    def _find(self, s: Session, key: UUID | str) -> ActivityRow:
        try:
            uid = key if isinstance(key, UUID) else UUID(str(key).strip())
        except ValueError:
            raise NotFound("activity", key) from None
        row = s.get(ActivityRow, uid)
        if row is None or row.deleted:
            raise NotFound("activity", key)
        return row

    def _save(self, s: Session, content: ActivityContent, activity_id: UUID | None,
              new_files: Sequence[CheckedFile], keep: Sequence[str] | None) -> ActivityRow:
        now = self._ctx.now()
        if activity_id is None:
            dev = current_device(s)
            row = ActivityRow(id=self._ctx.new_id(), status=Status.DRAFT.value, revision=1,
                              dirty=True, deleted=False, created_at=now, updated_at=now,
                              recorded_by=dev.operator_name, device_id=dev.device_id)
            apply_activity_content(row, content)
            s.add(row)
            s.flush()
            record_status(s, Entity.ACTIVITY, row.id, Status.DRAFT, now, dev.operator_name)
        else:
            row = self._find(s, activity_id)
            if Status(row.status) not in EDITABLE:
                raise InvalidTransition("activity", row.status, "edit")
            apply_activity_content(row, content)
            row.updated_at, row.dirty = now, True
        if keep is not None:
            row.attachments = [a for a in row.attachments if a.sha256 in set(keep)]
        have = {a.sha256 for a in row.attachments}
        for f in new_files:
            if f.sha256 not in have:
                self._files.store(s, f, now)
                row.attachments.append(ActivityAttachmentRow(
                    sha256=f.sha256, filename=f.filename, position=len(row.attachments)))
                have.add(f.sha256)
        _link_collected(s, row)
        return row

    def _submit(self, s: Session, row: ActivityRow) -> None:
        current = Status(row.status)
        check_transition(Entity.ACTIVITY, current, Status.QUEUED)
        _link_collected(s, row)
        s.flush()
        content = to_activity(s, row).content
        _, problems = self.validate(activity_content_to_dict(content), for_submit=True)
        if errors := errors_only(problems):
            raise ValidationFailed(errors)
        if current is Status.RETURNED:
            row.revision += 1
        row.submitted_at, row.set_aside_reason = self._ctx.now(), None
        self._set_status(s, row, Status.QUEUED)
        enqueue(s, Entity.ACTIVITY, row.id, row.revision, self._ctx.now())

    def _set_status(self, s: Session, row: ActivityRow, status: Status, note: str = "") -> None:
        now = self._ctx.now()
        row.status, row.updated_at = status.value, now
        record_status(s, Entity.ACTIVITY, row.id, status, now, current_device(s).operator_name,
                      note)


def _naming(s: Session, activity_ids: Sequence[UUID] | None) -> dict[UUID, list[UUID]]:
    """activity id → the live complaints naming it, oldest first (None: every activity)."""
    stmt = (select(ComplaintRow.activity_id, ComplaintRow.id)
            .where(ComplaintRow.activity_id.is_not(None), ComplaintRow.deleted.is_(False))
            .order_by(ComplaintRow.created_at, ComplaintRow.id))
    if activity_ids is not None:
        stmt = stmt.where(ComplaintRow.activity_id.in_(list(activity_ids)))
    out: dict[UUID, list[UUID]] = {}
    for activity_id, complaint_id in s.execute(stmt):
        out.setdefault(activity_id, []).append(complaint_id)
    return out


def _with_collected(a: Activity, naming: Mapping[UUID, list[UUID]]) -> Activity:
    extra = [c for c in naming.get(a.id, []) if c not in a.content.complaint_ids]
    if not extra:
        return a
    return replace(a, content=replace(a.content,
                                      complaint_ids=(*a.content.complaint_ids, *extra)))


def _link_collected(s: Session, row: ActivityRow) -> None:
    """Write the links of the complaints naming the session; drop links to complaints deleted
    here or moved to another session."""
    linked = [link.complaint_id for link in row.complaint_links]
    gone = set(s.scalars(select(ComplaintRow.id).where(
        ComplaintRow.id.in_(linked),
        ComplaintRow.deleted.is_(True) | (ComplaintRow.activity_id.is_not(None)
                                          & (ComplaintRow.activity_id != row.id))))) \
        if linked else set()
    for link in [x for x in row.complaint_links if x.complaint_id in gone]:
        row.complaint_links.remove(link)
    have = {link.complaint_id for link in row.complaint_links}
    for complaint_id in _naming(s, [row.id]).get(row.id, []):
        if complaint_id not in have:
            row.complaint_links.append(ActivityComplaintRow(complaint_id=complaint_id,
                                                            position=len(row.complaint_links)))
    for position, link in enumerate(row.complaint_links):
        link.position = position
