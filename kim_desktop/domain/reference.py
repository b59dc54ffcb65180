"""Domain layer: reference data (wilayah, LAPOR! categories, agencies) and its CSV loaders.

The CSV files ship in ``resources/data`` (sources in ``SOURCES.md``) and seed the local store;
later versions arrive from the hub. Everything here keys on codes, never on names: names repeat.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

WILAYAH_FILE = "luwu_timur_wilayah.csv"
CATEGORIES_FILE = "lapor_categories.csv"
AGENCIES_FILE = "agencies_luwu_timur.csv"


@dataclass(frozen=True, slots=True)
class Region:
    code: str
    name: str
    level: str          # kabupaten | kecamatan | desa | kelurahan
    parent_code: str | None


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
        return r is not None and r.level in ("desa", "kelurahan")

    def villages(self) -> list[Region]:
        return [r for r in self.regions.values() if r.level in ("desa", "kelurahan")]

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


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(f)]


def load_regions(path: Path) -> list[Region]:
    return [Region(r["code"], r["name"], r["level"], r["parent_code"] or None) for r in _rows(path)]


def load_categories(path: Path) -> list[Category]:
    return [Category(r["code"], r["name"], r["parent_code"] or None) for r in _rows(path)]


def load_agencies(path: Path) -> list[Agency]:
    return [Agency(r["code"], r["name"], r.get("short_name") or r["name"]) for r in _rows(path)]


def load_reference_dir(directory: Path) -> ReferenceData:
    """Read the three CSV files shipped in ``resources/data``."""
    return ReferenceData.build(load_regions(directory / WILAYAH_FILE),
                               load_categories(directory / CATEGORIES_FILE),
                               load_agencies(directory / AGENCIES_FILE))
