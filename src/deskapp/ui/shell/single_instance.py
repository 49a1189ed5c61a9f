"""One library, one window: a second start hands over to the Deskapp already open.

The first instance listens on a local socket whose name is derived from the
library's path; a second instance that finds the writer lock taken connects,
sends the files it was asked to open (possibly none) and exits. The first
instance raises its window and opens those files.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

CONNECT_MS = 1500


def server_name(library_path: Path) -> str:
    """A socket name per library file (the same path gives the same name)."""
    digest = hashlib.sha256(str(Path(library_path).resolve()).encode("utf-8")).hexdigest()
    return f"deskapp-{digest[:24]}"


class InstanceServer(QObject):
    """Listens for later starts on the same library: ``activated(files)``."""

    activated = Signal(list)  # the files (str) the later start was asked to open

    def __init__(self, library_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(library_path)
        self.server = QLocalServer(self)
        self._sockets: list[QLocalSocket] = []
        self.server.newConnection.connect(self._connection)
        if not self.server.listen(self.name):
            # A server left by a crashed instance: we hold the writer lock, so it is stale.
            QLocalServer.removeServer(self.name)
            self.server.listen(self.name)

    @property
    def listening(self) -> bool:
        return self.server.isListening()

    def close(self) -> None:
        self.server.close()

    def _connection(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            self._sockets.append(socket)
            socket.readyRead.connect(self._read)

    def _read(self) -> None:
        for socket in list(self._sockets):
            if not socket.bytesAvailable():
                continue
            data = bytes(socket.readAll().data())
            self._sockets.remove(socket)
            socket.abort()
            socket.deleteLater()
            try:
                files = json.loads(data.decode("utf-8")).get("open", [])
            except (ValueError, AttributeError):
                files = []
            self.activated.emit([str(f) for f in files if isinstance(f, str)])


def hand_over(library_path: Path, files: list[Path]) -> bool:
    """Ask the Deskapp that has ``library_path`` open to come forward; did it answer?"""
    socket = QLocalSocket()
    socket.connectToServer(server_name(library_path))
    if not socket.waitForConnected(CONNECT_MS):
        return False
    payload = json.dumps({"open": [str(Path(f).resolve()) for f in files]})
    socket.write(payload.encode("utf-8"))
    sent = socket.waitForBytesWritten(CONNECT_MS)
    socket.disconnectFromServer()
    return sent
