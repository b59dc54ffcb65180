"""Languages: the Indonesian translation is complete and built, status labels are those of
DOMAIN.md, and switching language in Settings retranslates the open window."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTranslator

from kim_desktop.domain.enums import STATUS_LABELS_ID, Status
from kim_desktop.paths import resource_path
from ui.i18n import current_language
from ui.labels import status_label

ROOT = Path(__file__).resolve().parents[2]
TS = resource_path("translations", "kim_id.ts")
QM = resource_path("translations", "kim_id.qm")


def messages(path: Path) -> list[tuple[str, str, ET.Element]]:
    out = []
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for m in ctx.iter("message"):
            out.append((name, m.findtext("source") or "", m))
    return out


def test_indonesian_translation_is_complete() -> None:
    found = messages(TS)
    assert len(found) >= 100
    problems = []
    for ctx, source, m in found:
        tr = m.find("translation")
        if m.get("numerus") == "yes":
            problems.append(f"{ctx}: {source!r} uses plural forms (not supported here)")
        elif tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete") \
                or not (tr.text or "").strip():
            problems.append(f"{ctx}: {source!r}")
    assert problems == [], "untranslated:\n" + "\n".join(problems)


def test_every_string_in_the_code_is_in_the_translation(tmp_path) -> None:
    """A new tr() without a translation fails here (run scripts/translations, translate)."""
    lupdate = ROOT / ".venv" / "bin" / "pyside6-lupdate"
    if not lupdate.exists():
        lupdate = Path(shutil.which("pyside6-lupdate") or "pyside6-lupdate")
    fresh = tmp_path / "fresh.ts"
    sources = [*sorted(str(p) for p in (ROOT / "ui").glob("*.py")),
               str(ROOT / "kim_desktop" / "app.py")]
    subprocess.run([str(lupdate), "-no-obsolete", "-locations", "none", *sources, "-ts",
                    str(fresh)], check=True, capture_output=True)
    in_code = {(c, s) for c, s, _ in messages(fresh)}
    translated = {(c, s) for c, s, _ in messages(TS)}
    assert in_code - translated == set()
    assert translated - in_code == set(), "strings no longer used: run scripts/translations"


def test_compiled_qm_matches_the_ts() -> None:
    t = QTranslator()
    assert t.load(str(QM))
    stale = [(c, s) for c, s, m in messages(TS)
             if t.translate(c, s) != (m.findtext("translation") or "")]
    assert stale == [], "kim_id.qm is out of date: run scripts/translations"


def test_status_labels_are_those_of_domain_md(translations) -> None:
    assert current_language() == "id"
    assert {s: status_label(s) for s in Status} == STATUS_LABELS_ID


def test_language_switch_retranslates_the_open_window(window, qtbot, core) -> None:
    window.new_complaint()
    nav = window.nav
    assert nav.item(0).text() == "Laporan"
    assert window.form.save_button.text() == "Simpan draf"
    window.form.fields.title.setText("Air")
    window.form.submit()
    assert "minimal 5 karakter" in window.form.fields.messages["title"].text()
    combo = window.settings_page.language
    combo.setCurrentIndex(combo.findData("en"))
    qtbot.waitUntil(lambda: nav.item(0).text() == "Reports")
    assert current_language() == "en"
    assert window.form.save_button.text() == "Save draft"
    assert window.form.fields.messages["title"].text().startswith("Title needs at least 5")
    assert window.list_page.model.headerData(0, Qt.Orientation.Horizontal) == "Tracking no."
    assert window.sync_status.connection.text() == "Sync not available"
    assert window.settings_page.enrolment.title() == "Registration with the hub"
    assert window.sync_page.runs_model.headerData(0, Qt.Orientation.Horizontal) == "Started"
    assert core.preferences.get().language == "en"
    combo.setCurrentIndex(combo.findData("id"))
    qtbot.waitUntil(lambda: nav.item(0).text() == "Laporan")
    assert window.settings_page.heading.text() == "Pengaturan"
    assert window.settings_page.enrolment.title() == "Pendaftaran ke hub"
    assert window.sync_page.runs_model.headerData(0, Qt.Orientation.Horizontal) == "Mulai"
    assert core.preferences.get().language == "id"
    assert QCoreApplication.translate("Status", "Draft") == "Draf"


def test_pseudo_locale_marks_every_string(qapp) -> None:
    from ui.i18n import Translations

    t = Translations(qapp, pseudo=True)
    try:
        t.apply("id")
        assert status_label(Status.DRAFT).startswith("[Draft ~")
        assert current_language() == "en"
    finally:
        t.remove()


def test_no_translated_string_hides_where_the_translation_tools_cannot_see_it() -> None:
    """pyside6-lupdate does not look inside f-strings, so a ``tr('…')`` there would stay
    English for ever without the completeness test noticing."""
    import re

    hidden = [f"{path.name}:{n}" for path in sorted((ROOT / "ui").glob("*.py"))
              for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
              if re.search(r"""\btr\(\s*'|translate\([^)]*,\s*'""", line)]
    assert hidden == []
