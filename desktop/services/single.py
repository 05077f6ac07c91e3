"""The window's single-instance server: a second ``asyncops`` hands its request here (see ``handoff``).

Signals:
    requested(object): a job id to open, or None (only raise the window).
"""

from __future__ import annotations

import json

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from desktop.services.handoff import hand_off, window_socket
from desktop.services.links import parse_job_ref


class InstanceServer(QObject):
    requested = Signal(object)

    def __init__(self, path: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path or window_socket()
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._on_connection)
        self._buffers: dict[int, bytes] = {}

    def listen(self) -> bool:
        """Take the name. False when another window has it and answers; a name left by a window that died is
        taken over."""
        if self._server.listen(self.path):
            return True
        if hand_off(None, path=self.path, timeout=0.5):  # alive: that one raises itself
            return False
        QLocalServer.removeServer(self.path)
        return self._server.listen(self.path)

    def hand_off(self, job_id: int | None) -> bool:
        return hand_off(job_id, path=self.path, timeout=1.0)

    def close(self) -> None:
        self._server.close()

    @Slot()
    def _on_connection(self) -> None:
        while (sock := self._server.nextPendingConnection()) is not None:
            key = id(sock)
            self._buffers[key] = b""
            sock.readyRead.connect(lambda s=sock, k=key: self._on_read(s, k))
            sock.disconnected.connect(lambda k=key: self._buffers.pop(k, None))
            # the socket stays a child of the server (freed with it): deleting it here raced the server's end

    def _on_read(self, sock: QLocalSocket, key: int) -> None:
        if key not in self._buffers:
            return
        data = self._buffers[key] + bytes(sock.readAll().data())
        if len(data) > 4096:  # not one of ours
            sock.abort()
            return
        self._buffers[key] = data
        if b"\n" not in data:
            return
        del self._buffers[key]
        line = data.split(b"\n", 1)[0]
        try:
            raw = json.loads(line).get("open")
        except (ValueError, AttributeError):
            sock.abort()
            return
        # an id a job can have (the one parser of job references), or only raise the window
        job_id = parse_job_ref(str(raw)) if isinstance(raw, int) and not isinstance(raw, bool) else None
        sock.write(b'{"ok": true}\n')
        sock.flush()
        sock.disconnectFromServer()
        self.requested.emit(job_id)
