"""Services layer: attachment files, stored once under the data folder by SHA-256.

The type is decided by the file's first bytes (JPEG, PNG, PDF: `kim_desktop.domain.files`),
never by its name, and the name kept is made safe the same way; size and count limits come from
preferences. Files are copied with a temporary name and renamed, so a
crash never leaves a half file under a real hash.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from kim_desktop.domain.files import SNIFF_BYTES, safe_filename, sniff_media_type
from kim_desktop.domain.messages import render
from kim_desktop.domain.problems import Problem
from kim_desktop.storage.rows import BlobRow


@dataclass(frozen=True)
class CheckedFile:
    path: Path
    filename: str
    media_type: str
    size: int
    sha256: str


class AttachmentStore:
    def __init__(self, root: Path) -> None:
        self.root = root

    def path_for(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256

    def check(self, paths: list[Path], *, max_bytes: int, max_files: int,
              field: str = "attachments") -> tuple[list[CheckedFile], list[Problem]]:
        """Read each file once: existence, size, type by content, hash. Writes nothing."""
        problems: list[Problem] = []
        out: list[CheckedFile] = []

        def bad(code: str, **params: object) -> None:
            problems.append(Problem(field, code, *render(code, field, **params)))

        if len(paths) > max_files:
            bad("too_many", max=max_files)
        for p in paths:
            name = p.name
            if not p.is_file():
                bad("file_missing", value=name)
                continue
            try:
                size = p.stat().st_size
                if size > max_bytes:
                    bad("file_too_large", value=name, max=max_bytes // (1024 * 1024))
                    continue
                with p.open("rb") as f:
                    head = f.read(SNIFF_BYTES)
                    media_type = sniff_media_type(head)
                    if media_type is None:
                        bad("file_type", value=name)
                        continue
                    h = hashlib.sha256(head)
                    for chunk in iter(lambda: f.read(1 << 16), b""):
                        h.update(chunk)
            except OSError:
                bad("file_unreadable", value=name)
                continue
            out.append(CheckedFile(p, safe_filename(name), media_type, size, h.hexdigest()))
        return out, problems

    def store(self, s: Session, f: CheckedFile, now: object) -> None:
        """Copy a checked file into the store (once per content) and record its blob row."""
        target = self.path_for(f.sha256)
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".part-")
            try:
                with os.fdopen(fd, "wb") as out, f.path.open("rb") as src:
                    shutil.copyfileobj(src, out)
                    out.flush()
                    os.fsync(out.fileno())
                if _sha256(Path(tmp)) != f.sha256:
                    raise OSError("file changed while it was being copied")
                os.replace(tmp, target)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        if s.get(BlobRow, f.sha256) is None:
            s.add(BlobRow(sha256=f.sha256, media_type=f.media_type, size=f.size,
                          uploaded_bytes=0, uploaded=False, created_at=now))


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 16), b""):
            h.update(chunk)
    return h.hexdigest()
