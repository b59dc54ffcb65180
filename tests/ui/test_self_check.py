"""`kim-desktop --self-check`: store, migrations, keyring round trip, window rendered."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SYNC_TESTS = Path(__file__).resolve().parents[1] / "sync"


def self_check(tmp_path: Path, *extra: str, keyring_file: bool) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("PYTHON_KEYRING_BACKEND", None)
    if keyring_file:
        env.update(PYTHON_KEYRING_BACKEND="filering.FileRing",
                   KIM_RING_FILE=str(tmp_path / "ring.json"),
                   PYTHONPATH=f"{SYNC_TESTS}{os.pathsep}{env.get('PYTHONPATH', '')}")
    else:
        env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    return subprocess.run([sys.executable, "-m", "kim_desktop.app", "--self-check", *extra],
                          capture_output=True, text=True, env=env, timeout=120)


def test_self_check_passes_with_a_keyring(tmp_path: Path) -> None:
    r = self_check(tmp_path, keyring_file=True)
    assert r.returncode == 0, r.stdout + r.stderr
    for step in ("store opened and migrated", "store integrity_check", "keyring round trip",
                 "main window rendered"):
        assert f"OK   {step}" in r.stdout


def test_self_check_fails_without_a_keyring_unless_allowed(tmp_path: Path) -> None:
    r = self_check(tmp_path, keyring_file=False)
    assert r.returncode == 1 and "FAIL keyring round trip" in r.stdout
    r = self_check(tmp_path, "--allow-no-keyring", keyring_file=False)
    assert r.returncode == 0 and "WARN keyring round trip" in r.stdout


def test_self_check_on_a_real_data_folder_leaves_it_usable(tmp_path: Path) -> None:
    r = self_check(tmp_path, "--data-dir", str(tmp_path / "d"), keyring_file=True)
    assert r.returncode == 0, r.stdout + r.stderr
    assert (tmp_path / "d" / "kim.db").exists()
