"""Hub layer: content-addressed attachment storage with resumable range uploads.

A photo or PDF is stored once per SHA-256 under ``attachments/ab/cdef…`` however many records
refer to it. Uploads arrive as ``PUT`` byte ranges (``Content-Range: bytes START-END/TOTAL``) that
must continue exactly where the hub stopped (``received_bytes``), so a dropped connection costs at
most one chunk. Bytes go to a ``.part`` file; when the last byte arrives the whole file is hashed,
and only a matching file is renamed into place (atomic), otherwise it is discarded.

What is stored is decided by content, not by name: the first byte range must start like a JPEG,
PNG or PDF (`kim_desktop.domain.files`), or the upload is refused with 415 before anything is
written. Paths are made from the SHA-256 only, which must be 64 lower-case hex digits.

A device may only upload and query contents referred to by a record in its own scope. The
attachment row is locked for the duration of a chunk, so concurrent uploads of the same content
cannot interleave.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from kim_desktop.domain.files import ALLOWED_MEDIA_TYPES, SNIFF_BYTES, sniff_media_type
from sync.protocol import AttachmentStatus, ErrorCode
from sync.server.db import Database
from sync.server.errors import HubError, not_found
from sync.server.identity import DeviceInfo
from sync.server.models import AttachmentLinkRow, AttachmentRow, CurrentRecordRow
from sync.server.settings import Clock

log = logging.getLogger(__name__)

_RANGE = re.compile(r"^bytes (\d+)-(\d+)/(\d+)$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_HASH_CHUNK = 1024 * 1024


@dataclass(frozen=True, slots=True)
class ContentRange:
    start: int
    end: int  # inclusive
    total: int

    @classmethod
    def parse(cls, header: str | None) -> ContentRange:
        m = _RANGE.match((header or "").strip())
        if m is None:
            raise HubError(400, ErrorCode.BAD_RANGE, "Content-Range must be bytes START-END/TOTAL")
        start, end, total = (int(g) for g in m.groups())
        if not start <= end < total:
            raise HubError(400, ErrorCode.BAD_RANGE, "Content-Range needs START <= END < TOTAL")
        return cls(start, end, total)


def _status(row: AttachmentRow) -> AttachmentStatus:
    return AttachmentStatus(sha256=row.sha256, size=row.size, received_bytes=row.received_bytes,
                            complete=row.complete)


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(_HASH_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


class AttachmentStore:
    def __init__(self, db: Database, *, root: Path, clock: Clock, max_bytes: int) -> None:
        self._db, self._root, self._clock, self._max = db, root, clock, max_bytes

    def relative_path(self, sha256: str) -> str:
        return f"{sha256[:2]}/{sha256[2:]}"

    def path(self, sha256: str) -> Path:
        if not _SHA256.match(sha256):  # the only outside text that becomes a path here
            raise HubError(422, ErrorCode.INVALID_REQUEST, "sha256 must be 64 lower-case hex digits")
        return self._root / sha256[:2] / sha256[2:]

    def status(self, device: DeviceInfo, sha256: str) -> AttachmentStatus:
        with self._db.reads() as s:
            return _status(self._in_scope(s, device, sha256, lock=False))

    def put(self, device: DeviceInfo, sha256: str, content_range: str | None,
            body: bytes) -> AttachmentStatus:
        """Store one byte range; completes (or discards) the content on its last byte."""
        rng = ContentRange.parse(content_range)
        if len(body) != rng.end - rng.start + 1:
            raise HubError(400, ErrorCode.BAD_RANGE, "body length differs from Content-Range")
        if rng.total > self._max:
            raise HubError(413, ErrorCode.PAYLOAD_TOO_LARGE,
                           f"attachments are limited to {self._max} bytes")
        discarded = False
        with self._db.writes.begin() as s:
            row = self._in_scope(s, device, sha256, lock=True)
            if row.complete:
                return _status(row)
            if rng.total != row.size:
                raise HubError(422, ErrorCode.SIZE_MISMATCH,
                               f"the record declares {row.size} bytes, not {rng.total}")
            part = self.path(sha256).with_name(self.path(sha256).name + ".part")
            on_disk = part.stat().st_size if part.exists() else 0
            expected = min(row.received_bytes, on_disk)  # a lost .part restarts where it ends
            if rng.start != expected:
                raise HubError(409, ErrorCode.RANGE_MISMATCH,
                               f"upload must resume at byte {expected}", received_bytes=expected)
            if rng.start == 0:
                _check_content(body, rng.total)
            _write_at(part, rng.start, body)
            row.received_bytes = rng.end + 1
            if row.received_bytes == row.size:
                if _file_sha256(part) == sha256:
                    os.replace(part, self.path(sha256))
                    row.complete, row.completed_at = True, self._clock()
                    row.stored_path = self.relative_path(sha256)
                    log.info("attachment complete sha256=%s size=%d", sha256, row.size)
                else:
                    part.unlink()
                    row.received_bytes, discarded = 0, True
            result = _status(row)
        if discarded:
            log.warning("attachment discarded, hash mismatch sha256=%s", sha256)
            raise HubError(422, ErrorCode.HASH_MISMATCH,
                           "uploaded bytes do not match the sha256; upload again from byte 0")
        return result

    @staticmethod
    def _in_scope(s: Session, device: DeviceInfo, sha256: str, *, lock: bool) -> AttachmentRow:
        """The attachment row, if a record in the device's scope refers to it; else 404."""
        query = (select(AttachmentRow)
                 .join(AttachmentLinkRow, AttachmentLinkRow.sha256 == AttachmentRow.sha256)
                 .join(CurrentRecordRow, CurrentRecordRow.id == AttachmentLinkRow.record_id)
                 .where(AttachmentRow.sha256 == sha256, CurrentRecordRow.scope == device.scope)
                 .limit(1))
        if lock:
            query = query.with_for_update(of=AttachmentRow).execution_options(
                populate_existing=True)
        row = s.scalars(query).first()
        if row is None:
            raise not_found("attachment")
        return row


def _check_content(first: bytes, total: int) -> None:
    """Refuse an upload whose first bytes are not those of an allowed type (JPEG, PNG, PDF)."""
    if len(first) < min(SNIFF_BYTES, total):
        raise HubError(400, ErrorCode.BAD_RANGE,
                       f"the first range must hold at least {SNIFF_BYTES} bytes")
    if sniff_media_type(first) not in ALLOWED_MEDIA_TYPES:
        raise HubError(415, ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                       "attachments must be JPEG or PNG photos or PDF documents")


def _write_at(part: Path, offset: int, data: bytes) -> None:
    """Write ``data`` at ``offset`` of ``part`` and cut anything after it, durably."""
    part.parent.mkdir(parents=True, exist_ok=True)
    with part.open("r+b" if part.exists() else "w+b") as f:
        f.seek(offset)
        f.write(data)
        f.truncate()
        f.flush()
        os.fsync(f.fileno())
