"""Services layer: complaint use cases: save a draft, submit, withdraw, resubmit after return,
show, list/search and reveal a hidden identity. Each method is one transaction."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar
from uuid import UUID

from sqlalchemy import ColumnElement, func, or_, select, tuple_
from sqlalchemy.orm import Session

from kim_desktop.domain.deadlines import WorkingCalendar
from kim_desktop.domain.enums import Entity, Status
from kim_desktop.domain.errors import InvalidTransition, NotFound, ValidationFailed
from kim_desktop.domain.messages import render
from kim_desktop.domain.models import (
    Complaint,
    ComplaintContent,
    ComplaintQuery,
    ComplaintSummary,
    Page,
    Reporter,
    complaint_content_to_dict,
)
from kim_desktop.domain.preferences import Preferences
from kim_desktop.domain.problems import Problem
from kim_desktop.domain.status import EDITABLE, check_transition
from kim_desktop.domain.tracking import is_tracking_no, normalise_tracking_no
from kim_desktop.domain.validation import errors_only, parse_complaint
from kim_desktop.services import deadlines_view, export_rows
from kim_desktop.services.attachments import AttachmentStore, CheckedFile
from kim_desktop.services.base import ServiceContext
from kim_desktop.services.device import current_device, next_tracking_no
from kim_desktop.services.importing import prepare_items
from kim_desktop.services.mapping import (
    apply_complaint_content,
    record_status,
    to_complaint,
)
from kim_desktop.services.outbox import enqueue, withdraw_pending
from kim_desktop.services.reference import ReferenceService
from kim_desktop.services.search import matches
from kim_desktop.storage.db import transaction
from kim_desktop.storage.rows import (
    ComplaintAttachmentRow,
    ComplaintRow,
    IdentityViewRow,
)

SORT_COLUMNS = {
    "created_at": ComplaintRow.created_at, "incident_date": ComplaintRow.incident_date,
    "tracking_no": ComplaintRow.tracking_no, "title": ComplaintRow.title,
    "status": ComplaintRow.status, "category_code": ComplaintRow.category_code,
}

#: Above this many matches a search page walks the date index instead of sorting every match
#: (see ``search.matches``); below it, fetching and sorting the few matches is cheaper.
WALK_DATE_INDEX_FROM = 300

#: A text search counts its matches up to this many; beyond, the page says "more than" (its
#: ``total_exact`` is False). Counting every match of a one-letter word checks ~100,000 rows
#: (~40 ms with 100,000 complaints); stopping at the cap takes ~10 ms.
SEARCH_COUNT_CAP = 1000

Where = list[ColumnElement[bool]]
T = TypeVar("T")
#: Reads one chunk: (session, conditions, position to start after or None, limit)
#: -> (its records, the position of the last one or None when there was none).
ReadChunk = Callable[[Session, Where, Any, int], tuple[Iterable[T], Any]]


class ComplaintService:
    def __init__(self, ctx: ServiceContext, refs: ReferenceService, files: AttachmentStore,
                 prefs: Callable[[], Preferences]) -> None:
        self._ctx, self._refs, self._files, self._prefs = ctx, refs, files, prefs
        self._calendar_cache: tuple[tuple[object, ...], WorkingCalendar] | None = None

    # -- validation -------------------------------------------------------------------------
    def validate(self, data: Mapping[str, Any], *, for_submit: bool
                 ) -> tuple[ComplaintContent, list[Problem]]:
        return parse_complaint(data, self._refs.data(), today=self._ctx.today(),
                               for_submit=for_submit)

    def check_files(self, paths: Sequence[Path]) -> tuple[list[CheckedFile], list[Problem]]:
        p = self._prefs()
        return self._files.check(list(paths), max_bytes=p.max_attachment_mb * 1024 * 1024,
                                 max_files=p.max_attachments)

    # -- writing ----------------------------------------------------------------------------
    def save_draft(self, content: ComplaintContent, *, complaint_id: UUID | None = None,
                   new_files: Sequence[CheckedFile] = (),
                   keep: Sequence[str] | None = None) -> Complaint:
        """Create or update a draft (or a returned complaint being corrected).

        A draft may be incomplete; what is typed is kept. ``keep`` lists the sha256 of existing
        attachments to keep (None keeps all); ``new_files`` are added.
        """
        with transaction(self._ctx.sessions) as s:
            row = self._save(s, content, complaint_id, new_files, keep)
            return to_complaint(s, row)

    def add(self, items: Sequence[tuple[Mapping[str, Any], Path]], *, submit: bool
            ) -> list[Complaint]:
        """Import records (CLI): validate every item first; write all in one transaction or none.

        Each item is ``(data, base_dir)``; attachment paths are relative to ``base_dir``.
        Raises `ValidationFailed` whose problems' fields are prefixed with ``[n]`` for lists.
        """
        def validate(data: Mapping[str, Any]) -> tuple[ComplaintContent, list[Problem]]:
            content, found = self.validate(data, for_submit=True)
            # a draft may wait for the resident's consent; submitting needs it
            return content, found if submit else [p for p in found
                                                  if p.code != "consent_required"]

        prepared = prepare_items(items, validate, self.check_files)
        out = []
        with transaction(self._ctx.sessions) as s:
            for content, files in prepared:
                row = self._save(s, content, None, files, None)
                if submit:
                    self._submit(s, row)
                out.append(row)
            return [to_complaint(s, r) for r in out]

    def submit(self, key: str | UUID) -> Complaint:
        """Full validation, then queued with an outbox entry in the same transaction."""
        with transaction(self._ctx.sessions) as s:
            row = self._find(s, key)
            self._submit(s, row)
            return to_complaint(s, row)

    def withdraw(self, key: str | UUID) -> Complaint:
        """Take a queued complaint back to draft before it leaves the village."""
        with transaction(self._ctx.sessions) as s:
            row = self._find(s, key)
            check_transition(Entity.COMPLAINT, Status(row.status), Status.DRAFT)
            withdraw_pending(s, Entity.COMPLAINT, row.id, row.revision)
            self._set_status(s, row, Status.DRAFT, note="withdrawn")
            return to_complaint(s, row)

    def reveal_identity(self, key: str | UUID, *, actor: str) -> Reporter:
        """Show a hidden reporter identity; who and when is recorded."""
        with transaction(self._ctx.sessions) as s:
            row = self._find(s, key)
            s.add(IdentityViewRow(complaint_id=row.id, at=self._ctx.now(), actor=actor))
            return to_complaint(s, row).content.reporter

    # -- reading ----------------------------------------------------------------------------
    def get(self, key: str | UUID) -> Complaint:
        with transaction(self._ctx.sessions) as s:
            return to_complaint(s, self._find(s, key))

    def list(self, q: ComplaintQuery) -> Page[ComplaintSummary]:
        """One page of ``q`` and how many match: exactly, or for a text search at least
        `SEARCH_COUNT_CAP` + 1 when there are more (then ``total_exact`` is False)."""
        with transaction(self._ctx.sessions) as s:
            where = self._conditions(q)
            cap = SEARCH_COUNT_CAP if q.text.strip() else None
            total = self._count(s, where, cap)
            col = SORT_COLUMNS.get(q.sort, ComplaintRow.created_at)
            if q.text.strip() and col is ComplaintRow.created_at and total > WALK_DATE_INDEX_FROM:
                where = self._conditions(q, drive_by_text=False)
            order = (col.desc(), ComplaintRow.id.desc()) if q.descending else (col, ComplaintRow.id)
            rows = s.scalars(select(ComplaintRow).where(*where).order_by(*order)
                             .offset(q.offset).limit(q.limit)).all()
            items = deadlines_view.summaries(s, rows, self._calendar(), self._ctx.today())
            exact = cap is None or total <= cap
            if not exact and q.offset == 0 and len(rows) < q.limit:
                total, exact = len(rows), True          # one page holds every match
            return Page(tuple(items), total, q.offset, q.limit, total_exact=exact)

    def iter_all(self, q: ComplaintQuery | None = None, chunk: int = 500) -> Iterator[Complaint]:
        """Every matching complaint, full, oldest first, in chunks (see `_walk`)."""
        return self._walk(q, chunk, _full_chunk)

    def iter_export(self, q: ComplaintQuery | None = None, chunk: int = 500
                    ) -> Iterator[dict[str, Any]]:
        """Every matching complaint in its exported form (`export_rows`: data-dictionary fields,
        an anonymous reporter's identity removed), oldest first, in chunks: what
        ``kim complaint list --json`` and ``kim export complaints`` write."""
        return self._walk(q, chunk, export_rows.read_chunk)

    def export_record(self, key: str | UUID) -> dict[str, Any]:
        """One complaint in its exported form, as `iter_export` gives it."""
        with transaction(self._ctx.sessions) as s:
            row = self._find(s, key)
            [record], _ = export_rows.read_chunk(s, [ComplaintRow.id == row.id], None, 1)
            return record

    def counts_by_status(self) -> dict[str, int]:
        with transaction(self._ctx.sessions) as s:
            return dict(s.execute(select(ComplaintRow.status, func.count())
                                  .where(ComplaintRow.deleted.is_(False))
                                  .group_by(ComplaintRow.status)).tuples().all())

    # -- internals --------------------------------------------------------------------------
    @staticmethod
    def _count(s: Session, where: Where, cap: int | None) -> int:
        """How many rows match ``where``; with ``cap``, at most ``cap + 1``."""
        if cap is None:
            return s.scalar(select(func.count()).select_from(ComplaintRow).where(*where)) or 0
        first = select(ComplaintRow.id).where(*where).limit(cap + 1).subquery()
        return s.scalar(select(func.count()).select_from(first)) or 0

    def _find(self, s: Session, key: str | UUID) -> ComplaintRow:
        row: ComplaintRow | None = None
        if isinstance(key, UUID):
            row = s.get(ComplaintRow, key)
        else:
            text = key.strip()
            try:
                row = s.get(ComplaintRow, UUID(text))
            except ValueError:
                if is_tracking_no(text):
                    row = s.scalar(select(ComplaintRow).where(
                        ComplaintRow.tracking_no == normalise_tracking_no(text)))
        if row is None or row.deleted:
            raise NotFound("complaint", key)
        return row

    def _save(self, s: Session, content: ComplaintContent, complaint_id: UUID | None,
              new_files: Sequence[CheckedFile], keep: Sequence[str] | None) -> ComplaintRow:
        now = self._ctx.now()
        if complaint_id is None:
            dev = current_device(s)
            row = ComplaintRow(
                id=self._ctx.new_id(), tracking_no=next_tracking_no(s), status=Status.DRAFT.value,
                revision=1, dirty=True, deleted=False, created_at=now,
                recorded_by=dev.operator_name, device_id=dev.device_id)
            apply_complaint_content(row, content)
            row.updated_at = now
            s.add(row)
            s.flush()
            record_status(s, Entity.COMPLAINT, row.id, Status.DRAFT, now, dev.operator_name)
        else:
            row = self._find(s, complaint_id)
            if Status(row.status) not in EDITABLE:
                raise InvalidTransition("complaint", row.status, "edit")
            apply_complaint_content(row, content)
            row.updated_at, row.dirty = now, True
        if keep is not None:
            row.attachments = [a for a in row.attachments if a.sha256 in set(keep)]
        have = {a.sha256 for a in row.attachments}
        for f in new_files:
            if f.sha256 in have:
                continue
            self._files.store(s, f, now)
            row.attachments.append(ComplaintAttachmentRow(
                sha256=f.sha256, filename=f.filename, position=len(row.attachments)))
            have.add(f.sha256)
        return row

    def _submit(self, s: Session, row: ComplaintRow) -> None:
        current = Status(row.status)
        check_transition(Entity.COMPLAINT, current, Status.QUEUED)
        content = to_complaint(s, row).content
        _, problems = self.validate(complaint_content_to_dict(content), for_submit=True)
        missing = [a.sha256 for a in row.attachments if not self._files.path_for(a.sha256).exists()]
        errors = errors_only(problems)
        if missing:
            errors.append(Problem("attachments", "file_missing",
                                  *render("file_missing", "attachments", value=missing[0][:12])))
        if errors:
            raise ValidationFailed(errors)
        if current is Status.RETURNED:
            row.revision += 1       # a corrected complaint is a new revision for the district
        row.submitted_at = self._ctx.now()
        row.set_aside_reason = None
        self._set_status(s, row, Status.QUEUED)
        enqueue(s, Entity.COMPLAINT, row.id, row.revision, self._ctx.now())

    def _set_status(self, s: Session, row: ComplaintRow, status: Status, note: str = "") -> None:
        now = self._ctx.now()
        row.status, row.updated_at = status.value, now
        record_status(s, Entity.COMPLAINT, row.id, status, now, current_device(s).operator_name,
                      note)

    def _walk(self, q: ComplaintQuery | None, chunk: int, read: ReadChunk[T]) -> Iterator[T]:
        """The records ``read`` makes of every complaint matching ``q``, oldest first.

        Each chunk is read in its own short transaction, continuing after the last
        ``(created_at, id)`` seen (an index range, not an offset); its records are handed out
        once that transaction has closed. 500 a chunk: larger chunks were slower (the
        garbage collector, the CPU cache), smaller ones spend more on queries.
        """
        where = self._conditions(q or ComplaintQuery(), drive_by_text=False)
        after: Any = None
        while True:
            with transaction(self._ctx.sessions) as s:
                records, after = read(s, where, after, chunk)
            if after is None:
                return
            yield from records

    def _calendar(self) -> WorkingCalendar:
        """The working-day calendar, rebuilt only when the year or the district-added days change
        (building it from the ``holidays`` package takes milliseconds, on every list page)."""
        key = (self._ctx.today().year, *self._refs.district_holidays())
        if self._calendar_cache is None or self._calendar_cache[0] != key:
            self._calendar_cache = (key, self._refs.calendar())
        return self._calendar_cache[1]

    def _conditions(self, q: ComplaintQuery, *, drive_by_text: bool = True) -> Where:
        """The WHERE terms of ``q``; ``drive_by_text`` as in `search.matches`."""
        where: Where = [ComplaintRow.deleted.is_(False)]
        if q.text.strip():
            where.append(matches(q.text, drive=drive_by_text))
        if q.statuses:
            where.append(ComplaintRow.status.in_([x.value for x in q.statuses]))
        if q.kinds:
            where.append(ComplaintRow.kind.in_([k.value for k in q.kinds]))
        if q.category_codes:
            where.append(or_(*(
                (ComplaintRow.category_code == c) | ComplaintRow.category_code.startswith(c + "/")
                for c in q.category_codes)))
        if q.village_code:
            where.append(ComplaintRow.village_code == q.village_code)
        if q.date_from:
            where.append(ComplaintRow.created_at >= deadlines_view.wita_start(q.date_from))
        if q.date_to:
            where.append(ComplaintRow.created_at
                         < deadlines_view.wita_start(q.date_to, plus_days=1))
        return where


def _full_chunk(s: Session, where: Where, after: tuple[Any, Any] | None, limit: int
                ) -> tuple[list[Complaint], tuple[Any, Any] | None]:
    """A `ReadChunk` of whole `Complaint`s, from plain ``complaint`` table rows."""
    stmt = select(ComplaintRow.__table__).where(*where)
    if after is not None:
        stmt = stmt.where(tuple_(ComplaintRow.created_at, ComplaintRow.id) > tuple_(*after))
    rows = s.connection().execute(
        stmt.order_by(ComplaintRow.created_at, ComplaintRow.id).limit(limit)).all()
    last = (rows[-1].created_at, rows[-1].id) if rows else None
    return deadlines_view.full_records(s, rows), last
