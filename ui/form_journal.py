"""UI layer: the crash-safe copy of what is typed in the open complaint form.

Every change is written (debounced, at most a couple of seconds late) as JSON to
``DataPaths.drafts``, atomically: a temporary file is written, flushed and renamed over the old
one, so a crash or power cut leaves either the previous or the new copy, never half a file. On
the next start the form is restored from it and saved as a real draft. The journal is removed
when the form is saved and closed, or submitted. It holds what the store holds (the same folder
and permissions), so no more personal data leaves the data folder than before.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

JOURNAL_VERSION = 1
JOURNAL_NAME = "complaint-form.json"


class FormJournal:
    def __init__(self, directory: Path, name: str = JOURNAL_NAME) -> None:
        self.path = directory / name

    def write(self, state: dict[str, Any]) -> None:
        payload = {"version": JOURNAL_VERSION,
                   "written_at": datetime.now(UTC).isoformat(timespec="seconds"), **state}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".journal-", suffix=".part")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(payload, f, ensure_ascii=False)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def read(self) -> dict[str, Any] | None:
        """The saved state, or None. A damaged file is moved aside (kept for IT), not lost."""
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
        except OSError:
            log.exception("form journal cannot be read")
            return None
        try:
            data = json.loads(text)
            if not isinstance(data, dict) or not isinstance(data.get("data"), dict):
                raise ValueError("not a form journal")
        except ValueError:
            aside = self.path.with_suffix(".damaged.json")
            log.error("form journal is damaged; moved to %s", aside.name)
            os.replace(self.path, aside)
            return None
        return data

    def exists(self) -> bool:
        return self.path.exists()

    def clear(self) -> None:
        self.path.unlink(missing_ok=True)
