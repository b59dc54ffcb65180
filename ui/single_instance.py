"""UI layer: one KIM Desktop per data folder.

A `QLockFile` in the data folder (``DataPaths.lock_file``) says whether another instance has
the folder (a lock left by a crashed process is recognised as stale and taken over). The first
instance also listens on a `QLocalServer` named after the folder; a second start sends it
"activate" so the first window comes to the front, and then exits (or explains, when the first
cannot be reached).
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal, Slot
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

MESSAGE = b"activate\n"
TIMEOUT_MS = 1000


def server_name(data_root: Path) -> str:
    digest = hashlib.sha256(str(data_root.resolve()).encode("utf-8")).hexdigest()[:20]
    return f"kim-desktop-{digest}"


class SingleInstance(QObject):
    activation_requested = Signal()

    def __init__(self, lock_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        lock_path.parent.mkdir(parents=True, exist_ok=True)
        self.name = server_name(lock_path.parent)
        self.lock = QLockFile(str(lock_path))
        self.lock.setStaleLockTime(0)      # never stale by age; a dead owner is still detected
        self.server: QLocalServer | None = None

    def acquire(self) -> bool:
        """True: this is the first instance for the folder (and now listens for others)."""
        if not self.lock.tryLock(100):
            log.info("data folder is in use by another instance (lock error %s)",
                     self.lock.error())
            return False
        QLocalServer.removeServer(self.name)       # a socket left by a crash; we hold the lock
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not self.server.listen(self.name):
            log.warning("cannot listen for a second start: %s", self.server.errorString())
        self.server.newConnection.connect(self._on_server_new_connection)
        return True

    def notify_first(self) -> bool:
        """Ask the instance that holds the folder to show its window. False if unreachable."""
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(TIMEOUT_MS):
            return False
        socket.write(MESSAGE)
        ok = socket.waitForBytesWritten(TIMEOUT_MS)
        socket.disconnectFromServer()
        return ok

    def release(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None
        if self.lock.isLocked():
            self.lock.unlock()

    @Slot()
    def _on_server_new_connection(self) -> None:
        assert self.server is not None
        while (socket := self.server.nextPendingConnection()) is not None:
            # the second start writes right after connecting; read it here, then let go
            arrived = socket.bytesAvailable() or socket.waitForReadyRead(TIMEOUT_MS)
            if arrived and bytes(socket.readAll().data()).startswith(MESSAGE.strip()):
                log.info("second start asked to show the window")
                self.activation_requested.emit()
            socket.disconnectFromServer()
            socket.deleteLater()
