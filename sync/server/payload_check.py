"""Hub layer: the one place where content rules are applied to a pushed record.

The wire models in `sync.protocol` already guarantee the *structure* of a record. Content rules
(title length, NIK format, consent, codes that exist in the reference data, …) are pure domain
rules; when ``kim_desktop.domain.validation.validate_complaint_payload`` exists it plugs in here,
in `check_payload`, and nowhere else. A record with problems is answered ``rejected`` with reason
code ``invalid`` and the rest of its batch is stored as usual.
"""

from __future__ import annotations

from collections.abc import Sequence

from kim_desktop.domain.problems import Problem
from sync.protocol import RecordEnvelope


def check_payload(envelope: RecordEnvelope) -> Sequence[Problem]:
    """Problems with the content of ``envelope`` (empty when it may be stored).

    Hook: structure-only for now. Domain validation will be called from here, e.g.
    ``return validate_complaint_payload(envelope.complaint)`` for complaints.
    """
    del envelope
    return ()


def describe(problems: Sequence[Problem]) -> str:
    """A reason text naming the fields and rules, never the values (they may be personal data)."""
    return "; ".join(f"{p.field}: {p.code}" for p in problems)
