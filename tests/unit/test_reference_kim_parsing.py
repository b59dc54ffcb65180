"""The villages list's optional ``has_kim`` column: accepted spellings, blank as not known, and
bad values refused with the file, line, field and rule; the shipped list says nothing."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from kim_desktop.domain.reference import (
    ReferenceData,
    ReferenceFileError,
    load_regions,
    parse_has_kim,
)
from kim_desktop.paths import resource_path

HEADER = ("code", "name", "level", "parent_code", "has_kim")


def _write(path: Path, *rows: tuple[str, ...]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([HEADER, ("73.24", "Kabupaten Luwu Timur", "kabupaten", "", ""),
                                 ("73.24.04", "Malili", "kecamatan", "73.24", ""), *rows])
    return path


@pytest.mark.parametrize(("text", "expected"), [
    ("1", True), ("ya", True), ("YA", True), ("true", True), (" True ", True),
    ("0", False), ("tidak", False), ("Tidak", False), ("false", False),
    ("", None), ("  ", None)])
def test_accepted_values(text: str, expected: bool | None) -> None:
    assert parse_has_kim(text, "desa") is expected
    assert parse_has_kim(text, "kelurahan") is expected


@pytest.mark.parametrize(("text", "level", "rule"), [
    ("y", "desa", "'y' must be one of 1/0, ya/tidak, true/false"),
    ("2", "desa", "'2' must be one of"),
    ("ada", "kelurahan", "'ada' must be one of"),
    ("1", "kecamatan", "only a desa or kelurahan can have a KIM, not a kecamatan"),
    ("ya", "kabupaten", "only a desa or kelurahan can have a KIM, not a kabupaten")])
def test_refused_values_name_the_rule(text: str, level: str, rule: str) -> None:
    with pytest.raises(ValueError) as e:
        parse_has_kim(text, level)
    assert rule in str(e.value)


def test_a_kecamatan_may_say_it_has_none() -> None:
    assert parse_has_kim("0", "kecamatan") is False


def test_load_regions_reads_the_column(tmp_path: Path) -> None:
    path = _write(tmp_path / "desa.csv",
                  ("73.24.04.2010", "Balantang", "desa", "73.24.04", "ya"),
                  ("73.24.04.2001", "Harapan", "desa", "73.24.04", "0"),
                  ("73.24.04.1001", "Malili", "kelurahan", "73.24.04", ""))
    refs = ReferenceData.build(load_regions(path), [], [])
    assert [(r.code, r.has_kim) for r in refs.villages()] == [
        ("73.24.04.2010", True), ("73.24.04.2001", False), ("73.24.04.1001", None)]
    assert refs.kim_known() and refs.kim_villages() == {"73.24.04.2010"}


def test_load_regions_names_file_line_and_field(tmp_path: Path) -> None:
    path = _write(tmp_path / "desa.csv",
                  ("73.24.04.2010", "Balantang", "desa", "73.24.04", "ya"),
                  ("73.24.04.2001", "Harapan", "desa", "73.24.04", "mungkin"))
    with pytest.raises(ReferenceFileError) as e:
        load_regions(path)
    assert str(e.value).startswith("desa.csv line 5: has_kim: 'mungkin' must be one of")


def test_the_shipped_list_says_nothing_about_kim() -> None:
    refs = ReferenceData.build(load_regions(resource_path("data", "luwu_timur_wilayah.csv")),
                               [], [])
    assert len(refs.villages()) == 128
    assert not refs.kim_known() and refs.kim_villages() == set()
