"""Where KIM Desktop keeps things: the only module that knows paths.

``KIM_DATA_DIR`` and ``KIM_LOG_DIR`` override the platform's per-user folders (tests, portable
builds); ``resource_path`` finds bundled resources both from a checkout and inside a PyInstaller
bundle (``sys._MEIPASS``).
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "kim-desktop"
APP_AUTHOR = "KIM"


def resource_path(*parts: str) -> Path:
    base = getattr(sys, "_MEIPASS", None)
    root = Path(base) if base else Path(__file__).resolve().parent.parent
    return root.joinpath("resources", *parts)


def preset_file() -> Path | None:
    """Roll-out defaults (e.g. the district's hub address) written by the Windows installer next
    to the program; ``KIM_PRESET_FILE`` names one for other installs and tests."""
    env = os.environ.get("KIM_PRESET_FILE")
    if env:
        return Path(env)
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent / "preset.json"
    return None


@dataclass(frozen=True)
class DataPaths:
    root: Path

    @classmethod
    def resolve(cls, override: str | os.PathLike[str] | None = None) -> DataPaths:
        chosen = override or os.environ.get("KIM_DATA_DIR")
        root = Path(chosen) if chosen else Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))
        return cls(root.expanduser().resolve())

    @property
    def store(self) -> Path:
        return self.root / "kim.db"

    @property
    def attachments(self) -> Path:
        return self.root / "attachments"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def logs(self) -> Path:
        env = os.environ.get("KIM_LOG_DIR")
        return Path(env) if env else self.root / "logs"

    @property
    def lock_file(self) -> Path:
        return self.root / "kim.lock"

    @property
    def receipts(self) -> Path:
        return self.root / "receipts"

    @property
    def drafts(self) -> Path:
        return self.root / "drafts"
