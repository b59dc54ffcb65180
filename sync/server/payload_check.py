"""Hub layer: the one place where content rules are applied to a pushed record.

The wire models in `sync.protocol` guarantee the *structure* of a record; the content rules are
the domain's own (`kim_desktop.domain.validation`), the same the village applied before it let
the record go. A record with problems is answered ``rejected`` with reason code ``invalid``
(naming fields and rules, never values) and the rest of its batch is stored as usual.

Attachments declared by a record must be of an allowed type (JPEG, PNG, PDF) and carry a file
name that is already safe (`kim_desktop.domain.files.safe_filename`): the hub never turns such a
name into a path, but exports and the review workspace hand it on to people's computers.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from pathlib import Path

from kim_desktop.domain.deadlines import wita_date
from kim_desktop.domain.files import ALLOWED_MEDIA_TYPES, is_safe_filename
from kim_desktop.domain.problems import Problem
from kim_desktop.domain.reference import ReferenceData, load_reference_dir
from kim_desktop.domain.validation import errors_only, parse_activity, parse_complaint
from sync.protocol import RecordEnvelope

#: reference data shipped with the code (wilayah, categories, agencies)
RESOURCES = Path(__file__).resolve().parents[2] / "resources" / "data"
#: a device clock a little ahead of the hub must not turn today's incident into "the future"
CLOCK_TOLERANCE = timedelta(days=1)


class ContentRules:
    """Callable payload check: the domain's submit rules against the hub's reference data."""

    def __init__(self, refs: ReferenceData, clock: Callable[[], datetime]) -> None:
        self.refs, self._clock = refs, clock

    def __call__(self, envelope: RecordEnvelope) -> Sequence[Problem]:
        data = envelope.payload.model_dump(mode="json")
        if envelope.entity == "complaint":
            _, problems = parse_complaint(data, self.refs, for_submit=True,
                                          today=wita_date(self._clock()) + CLOCK_TOLERANCE)
        else:
            _, problems = parse_activity(data, self.refs, for_submit=True)
        return [*errors_only(problems), *attachment_problems(envelope)]


def attachment_problems(envelope: RecordEnvelope) -> list[Problem]:
    """Declared attachments of a type the district does not take, or with an unsafe name."""
    problems = []
    for i, att in enumerate(envelope.payload.attachments):
        if att.media_type not in ALLOWED_MEDIA_TYPES:
            problems.append(Problem(f"attachments.{i}.media_type", "not_allowed",
                                    "Lampiran harus foto JPEG/PNG atau PDF",
                                    "attachments must be JPEG or PNG photos or PDF documents"))
        if not is_safe_filename(att.filename):
            problems.append(Problem(f"attachments.{i}.filename", "unsafe",
                                    "Nama berkas lampiran tidak aman",
                                    "attachment file names must be one plain name, no path"))
    return problems


def default_rules(clock: Callable[[], datetime]) -> ContentRules:
    return ContentRules(load_reference_dir(RESOURCES), clock)


def describe(problems: Sequence[Problem]) -> str:
    """A reason text naming the fields and rules, never the values (they may be personal data)."""
    return "; ".join(f"{p.field}: {p.code}" for p in problems)
