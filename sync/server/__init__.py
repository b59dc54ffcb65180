"""Hub layer: the KIM hub, the district's central sync service (FastAPI, own ORM and Alembic).

Imports only `sync.protocol` and the pure `kim_desktop.domain`. Entry points: `create_app` (ASGI
app factory), `sync.server.migrate.upgrade` and the ``kim-hub`` command (`sync.server.cli`).
"""

from sync.server.app import create_app
from sync.server.settings import HubSettings

__all__ = ["HubSettings", "create_app"]
