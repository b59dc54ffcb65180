"""Services layer: the first half of every import (`kim complaint add`, `kim activity add`):
read every item, check its content and its attachment files, and collect all problems with
the item's number, before anything is written."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

from kim_desktop.domain.errors import ValidationFailed
from kim_desktop.domain.problems import Problem
from kim_desktop.domain.validation import errors_only
from kim_desktop.services.attachments import CheckedFile

C = TypeVar("C")


def attachment_paths(data: Mapping[str, Any], base: Path) -> list[Path]:
    """Attachment paths of an input item, relative to the folder of its file."""
    raw = data.get("attachments")
    if not isinstance(raw, list):
        return []
    return [base / str(a.get("path") or a.get("filename") if isinstance(a, Mapping) else a)
            for a in raw]


def prepare_items(items: Sequence[tuple[Mapping[str, Any], Path]],
                  validate: Callable[[Mapping[str, Any]], tuple[C, list[Problem]]],
                  check_files: Callable[[Sequence[Path]], tuple[list[CheckedFile],
                                                                list[Problem]]],
                  ) -> list[tuple[C, list[CheckedFile]]]:
    """Validated content and checked files per item; `ValidationFailed` with every problem
    (fields prefixed ``[n].`` when there are several items) if any item is invalid."""
    prepared: list[tuple[C, list[CheckedFile]]] = []
    problems: list[Problem] = []
    many = len(items) > 1
    for n, (data, base) in enumerate(items, start=1):
        content, found = validate(data)
        paths = attachment_paths(data, base) if isinstance(data, Mapping) else []
        files, file_problems = check_files(paths)
        found = errors_only(found) + file_problems
        if many:
            found = [replace(p, field=f"[{n}].{p.field}") for p in found]
        problems += found
        prepared.append((content, files))
    if problems:
        raise ValidationFailed(problems)
    return prepared
