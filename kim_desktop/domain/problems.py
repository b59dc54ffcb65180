"""Domain layer: one validation problem, with its text in Indonesian and English."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
    """One broken rule: which field (dotted path, e.g. ``reporter.nik``), which rule, what to do."""

    field: str
    code: str
    message_id: str
    message_en: str
    severity: str = "error"     # "error" blocks; "warning" is shown but does not block

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def message(self, language: str = "id") -> str:
        return self.message_id if language == "id" else self.message_en

    def as_dict(self) -> dict[str, str]:
        return {"field": self.field, "code": self.code,
                "message_id": self.message_id, "message_en": self.message_en,
                "severity": self.severity}
