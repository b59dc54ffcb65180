"""Services layer: reading and saving the typed preferences kept in the store."""

from __future__ import annotations

import json
import logging
from dataclasses import replace
from pathlib import Path

from kim_desktop.domain.preferences import PREFERENCES_VERSION, Preferences
from kim_desktop.services.base import ServiceContext
from kim_desktop.storage.db import transaction
from kim_desktop.storage.rows import PreferencesRow

log = logging.getLogger(__name__)


class PreferencesService:
    def __init__(self, ctx: ServiceContext, preset: Path | None = None) -> None:
        self._ctx, self._preset = ctx, preset
        self._cache: Preferences | None = None

    def get(self) -> Preferences:
        if self._cache is None:
            with transaction(self._ctx.sessions) as s:
                row = s.get(PreferencesRow, 1)
                self._cache = (Preferences.from_json(row.version, json.loads(row.data))
                               if row else self._defaults())
        return self._cache

    def _defaults(self) -> Preferences:
        """Built-in defaults, with the roll-out preset (hub address) when one is installed."""
        if self._preset is None or not self._preset.is_file():
            return Preferences()
        try:
            data = json.loads(self._preset.read_text(encoding="utf-8-sig"))
        except (OSError, ValueError):
            log.warning("preset file unreadable; using built-in defaults")
            return Preferences()
        hub = data.get("hub_url") if isinstance(data, dict) else None
        return replace(Preferences(), hub_url=hub) if isinstance(hub, str) and hub else \
            Preferences()

    def save(self, prefs: Preferences) -> Preferences:
        with transaction(self._ctx.sessions) as s:
            row = s.get(PreferencesRow, 1) or PreferencesRow(id=1)
            row.version, row.data = PREFERENCES_VERSION, json.dumps(prefs.to_json())
            s.add(row)
        self._cache = prefs
        return prefs
