"""One b24desk per home folder: a second start brings the first window to the front and quits.

Two processes on one home would each rewrite the outbox, drafts and settings from their own
memory and lose each other's changes; one owner per folder rules that out. The lock file
notices a crashed owner (its process is gone), so a crash never locks the user out.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject, Signal

if TYPE_CHECKING:
    # QtNetwork loads when first needed: not before the window's first paint.
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

ACTIVATE = b"activate\n"
CONNECT_MS = 1000


def server_name(data_dir: Path) -> str:
    """A local-socket name per home folder (the path itself may be too long for a socket)."""
    digest = hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:16]
    return f"b24desk-{digest}"


class SingleInstance(QObject):
    """Holds the home folder's lock; `activated` fires when another start hands over."""

    activated = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._name = server_name(data_dir)
        self._lock = QLockFile(str(data_dir / "b24desk.lock"))
        self._server: QLocalServer | None = None

    def acquire(self) -> bool:
        """True: this process owns the folder (`listen` next). False: another does and was
        asked to show."""
        if self._lock.tryLock(100):
            return True
        self._hand_over()
        return False

    def listen(self) -> None:
        """Answer later starts; once the window has painted (a start in between finds the
        lock taken and no one to hand over to, and says so)."""
        from PySide6.QtNetwork import QLocalServer

        # A socket file left by a crashed owner would make listen() fail; we own the lock now.
        QLocalServer.removeServer(self._name)
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        server.newConnection.connect(self._on_connection)
        if not server.listen(self._name):
            log.warning("cannot listen for a second start: %s", server.errorString())
        self._server = server

    def _on_connection(self) -> None:
        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(ACTIVATE.strip()):
            log.info("activated by a second start")
            self.activated.emit()

    def _hand_over(self) -> None:
        from PySide6.QtNetwork import QLocalSocket

        socket = QLocalSocket()
        socket.connectToServer(self._name)
        # Before the event loop runs: a short blocking wait on a local socket is fine here.
        if socket.waitForConnected(CONNECT_MS):
            socket.write(ACTIVATE)
            socket.waitForBytesWritten(CONNECT_MS)
            socket.disconnectFromServer()

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        self._lock.unlock()
