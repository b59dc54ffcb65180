"""Opening a store that is up to date does not load Alembic (docs/benchmarks.md, "Desktop
app"): the head revision is read from the migration files, the same answer Alembic gives."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from alembic.config import Config
from alembic.script import ScriptDirectory

from kim_desktop.storage import db

ROOT = Path(__file__).resolve().parents[2]


def test_the_quick_head_is_alembics_head() -> None:
    cfg = Config()
    cfg.set_main_option("script_location", str(db.MIGRATIONS))
    assert db.quick_head_revision() == ScriptDirectory.from_config(cfg).get_current_head()


def test_migration_files_without_one_clear_head_leave_it_to_alembic(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    versions = tmp_path / "migrations" / "versions"
    versions.mkdir(parents=True)
    (versions / "0001_a.py").write_text("revision: str = '0001'\ndown_revision = None\n")
    (versions / "0002_b.py").write_text("revision: str = '0002'\ndown_revision = '0001'\n")
    monkeypatch.setattr(db, "MIGRATIONS", tmp_path / "migrations")
    assert db.quick_head_revision() == "0002"
    (versions / "0003_c.py").write_text("revision = \"0003\"\ndown_revision = '0001'\n")
    assert db.quick_head_revision() is None                 # two heads
    (versions / "0003_c.py").write_text("revision = '0003'\ndown_revision = ('0001', '0002')\n")
    assert db.quick_head_revision() is None                 # a merge: not read here


def _opens_with_alembic(store: Path) -> bool:
    code = ("import sys; from pathlib import Path; from kim_desktop.storage.db import open_store;"
            f"open_store(Path({str(store)!r})); print('alembic' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         timeout=120, check=True)
    return out.stdout.strip().splitlines()[-1] == "True"


def test_alembic_is_loaded_only_to_migrate(tmp_path: Path) -> None:
    store = tmp_path / "kim.db"
    assert _opens_with_alembic(store)                       # a new store is migrated
    assert db.stored_revision(store) == db.quick_head_revision()
    assert not _opens_with_alembic(store)                   # up to date: no Alembic
