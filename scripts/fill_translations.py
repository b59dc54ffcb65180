"""Fills unfinished Indonesian translations in resources/translations/kim_id.ts from
tab-separated files (``context<TAB>English source<TAB>Indonesian``, one message per line; a
literal ``\\n`` stands for a line break), then rebuilds the .qm through scripts/translations.

    .venv/bin/python scripts/fill_translations.py new-strings.tsv [more.tsv ...]

Prints the messages still unfinished afterwards, so a translator sees what is left."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "translations" / "kim_id.ts"


def read_tsv(paths: list[str]) -> dict[tuple[str, str], str]:
    table: dict[tuple[str, str], str] = {}
    for path in paths:
        for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 3:
                sys.exit(f"{path}:{n}: expected context<TAB>source<TAB>translation")
            ctx, source, target = (p.replace("\\n", "\n") for p in parts)
            table[(ctx, source)] = target
    return table


def fill(table: dict[tuple[str, str], str]) -> list[tuple[str, str]]:
    tree = ET.parse(TS)
    left: list[tuple[str, str]] = []
    for ctx in tree.getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for m in ctx.iter("message"):
            source = m.findtext("source") or ""
            tr = m.find("translation")
            if tr is None or tr.get("type") != "unfinished":
                continue
            target = table.get((name, source))
            if target is None:
                left.append((name, source))
                continue
            tr.text = target
            del tr.attrib["type"]
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    return left


def main() -> None:
    subprocess.run([str(ROOT / "scripts" / "translations")], check=True)
    left = fill(read_tsv(sys.argv[1:]))
    subprocess.run([str(ROOT / "scripts" / "translations")], check=True)
    for name, source in left:
        print(f"unfinished\t{name}\t{source!r}")


if __name__ == "__main__":
    main()
