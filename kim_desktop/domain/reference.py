"""Domain layer: reference data (wilayah, LAPOR! categories, agencies) and its CSV loaders.

The CSV files ship in ``resources/data`` (sources in ``SOURCES.md``) and seed the local store;
later versions arrive from the hub. Everything here keys on codes, never on names: names repeat.

Which villages have a KIM is published by the district, as the optional ``has_kim`` column of
the villages (wilayah) list: ``1/0``, ``ya/tidak`` or ``true/false``; blank means not known.
Only a desa or kelurahan can have one. The shipped list has no such column: nothing is known
until the district publishes it.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

WILAYAH_FILE = "luwu_timur_wilayah.csv"
CATEGORIES_FILE = "lapor_categories.csv"
AGENCIES_FILE = "agencies_luwu_timur.csv"
VILLAGE_LEVELS = ("desa", "kelurahan")
#: the accepted spellings of the ``has_kim`` column (compared lower-case; blank: not known)
KIM_VALUES = {"1": True, "ya": True, "true": True, "0": False, "tidak": False, "false": False}


class ReferenceFileError(ValueError):
    """A reference file that cannot be read; the message names the file, line, field and rule."""


def parse_has_kim(value: str, level: str) -> bool | None:
    """The ``has_kim`` value of one row: True, False or None (blank: not known).

    Raises `ValueError` whose text is the rule that was broken."""
    text = value.strip().lower()
    if not text:
        return None
    if text not in KIM_VALUES:
        raise ValueError(f"{value.strip()!r} must be one of 1/0, ya/tidak, true/false "
                         "(or blank: not known)")
    if KIM_VALUES[text] and level not in VILLAGE_LEVELS:
        raise ValueError(f"only a desa or kelurahan can have a KIM, not a {level}")
    return KIM_VALUES[text]


@dataclass(frozen=True, slots=True)
class Region:
    code: str
    name: str
    level: str          # kabupaten | kecamatan | desa | kelurahan
    parent_code: str | None
    has_kim: bool | None = None     # None: not known


@dataclass(frozen=True, slots=True)
class Category:
    code: str
    name: str
    parent_code: str | None


@dataclass(frozen=True, slots=True)
class Agency:
    code: str
    name: str
    short_name: str
    active: bool = True


@dataclass(frozen=True)
class ReferenceData:
    """Lookup tables for validation and display."""

    regions: dict[str, Region] = field(default_factory=dict)
    categories: dict[str, Category] = field(default_factory=dict)
    agencies: dict[str, Agency] = field(default_factory=dict)

    @classmethod
    def build(cls, regions: Iterable[Region], categories: Iterable[Category],
              agencies: Iterable[Agency]) -> ReferenceData:
        return cls({r.code: r for r in regions}, {c.code: c for c in categories},
                   {a.code: a for a in agencies})

    def is_village(self, code: str) -> bool:
        r = self.regions.get(code)
        return r is not None and r.level in VILLAGE_LEVELS

    def villages(self) -> list[Region]:
        return [r for r in self.regions.values() if r.level in VILLAGE_LEVELS]

    def kim_known(self) -> bool:
        """Whether the list says, for at least one village, whether it has a KIM."""
        return any(r.has_kim is not None for r in self.regions.values())

    def kim_villages(self) -> set[str]:
        """The codes of the villages that the list marks as having a KIM."""
        return {r.code for r in self.regions.values() if r.has_kim and r.level in VILLAGE_LEVELS}

    def kecamatan_of(self, village_code: str) -> Region | None:
        r = self.regions.get(village_code)
        return self.regions.get(r.parent_code) if r and r.parent_code else None

    def village_label(self, code: str) -> str:
        r = self.regions.get(code)
        if r is None:
            return code
        kec = self.kecamatan_of(code)
        kind = "Kel." if r.level == "kelurahan" else "Desa"
        return f"{kind} {r.name}, Kec. {kec.name}" if kec else f"{kind} {r.name}"

    def category_label(self, code: str) -> str:
        c = self.categories.get(code)
        if c is None:
            return code
        parent = self.categories.get(c.parent_code) if c.parent_code else None
        return f"{parent.name.title()} › {c.name}" if parent else c.name.title()


def _numbered_rows(path: Path) -> list[tuple[int, dict[str, str]]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        return [(reader.line_num, {k: (v or "").strip() for k, v in row.items()})
                for row in reader]


def _rows(path: Path) -> list[dict[str, str]]:
    return [row for _, row in _numbered_rows(path)]


def load_regions(path: Path) -> list[Region]:
    """The wilayah list; raises `ReferenceFileError` for a bad ``has_kim`` value."""
    out = []
    for line, r in _numbered_rows(path):
        try:
            has_kim = parse_has_kim(r.get("has_kim") or "", r["level"])
        except ValueError as e:
            raise ReferenceFileError(f"{path.name} line {line}: has_kim: {e}") from None
        out.append(Region(r["code"], r["name"], r["level"], r["parent_code"] or None, has_kim))
    return out


def load_categories(path: Path) -> list[Category]:
    return [Category(r["code"], r["name"], r["parent_code"] or None) for r in _rows(path)]


def load_agencies(path: Path) -> list[Agency]:
    return [Agency(r["code"], r["name"], r.get("short_name") or r["name"]) for r in _rows(path)]


def load_reference_dir(directory: Path) -> ReferenceData:
    """Read the three CSV files shipped in ``resources/data``."""
    return ReferenceData.build(load_regions(directory / WILAYAH_FILE),
                               load_categories(directory / CATEGORIES_FILE),
                               load_agencies(directory / AGENCIES_FILE))
