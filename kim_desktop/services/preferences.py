"""Services layer: reading and saving the typed preferences kept in the store."""

from __future__ import annotations

import json

from kim_desktop.domain.preferences import PREFERENCES_VERSION, Preferences
from kim_desktop.services.base import ServiceContext
from kim_desktop.storage.db import transaction
from kim_desktop.storage.rows import PreferencesRow


class PreferencesService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx
        self._cache: Preferences | None = None

    def get(self) -> Preferences:
        if self._cache is None:
            with transaction(self._ctx.sessions) as s:
                row = s.get(PreferencesRow, 1)
                self._cache = (Preferences.from_json(row.version, json.loads(row.data))
                               if row else Preferences())
        return self._cache

    def save(self, prefs: Preferences) -> Preferences:
        with transaction(self._ctx.sessions) as s:
            row = s.get(PreferencesRow, 1) or PreferencesRow(id=1)
            row.version, row.data = PREFERENCES_VERSION, json.dumps(prefs.to_json())
            s.add(row)
        self._cache = prefs
        return prefs
