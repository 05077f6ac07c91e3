"""The local event channel: an engine tells its clients of job events at once, without polling.

Each engine that serves a database on this host listens on a Unix-domain socket in the private runtime folder
(:func:`core.service.lock.socket_path`). The protocol is newline-delimited JSON, both ways:

- engine → client: first ``{"hello": {"engine_id", "pid"}}``, then one :class:`~core.events.JobEvent` a line
  (``{"kind", "job_id", "job", "changes", "log"}``, see :func:`encode`);
- client → engine: ``{"op": "wake", "created": [job, …]}`` after a submit (each job as ``JobSnapshot.to_json``,
  or only its id): the engine relays a CREATED event of each to every client and wakes its slots at once;
- client → engine: ``{"op": "run", "operation", "params", "owner", "priority", "label", "description"}``: the
  engine records the job and starts it at once, past its queue's wait (the window's "run now"), and answers
  that client alone ``{"run": job}`` or ``{"refused": "why"}`` (see :func:`run_now`).

Events only make clients faster: the database stays the truth. A client that was disconnected (the engine
idled out, or its buffer overflowed) reconnects and should re-read the rows changed meanwhile — the
``on_connect`` callback of :func:`subscribe` is where it does so; the database poll stays the fallback.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import os
import queue
import selectors
import socket
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from core.events import EventBus, EventKind, JobEvent
from core.records import JOB_FIELDS, JobSnapshot, LogEntry, iso
from core.status import JobStatus

log = logging.getLogger(__name__)

MAX_BUFFER = 4 * 1024 * 1024  # a client that falls this far behind is dropped (it reconnects and re-reads)
MAX_LINE = 1024 * 1024


# -- wire format ------------------------------------------------------------------------------------
def _time(value: Any) -> dt.datetime | None:
    if not value:
        return None
    return dt.datetime.fromisoformat(str(value).replace("Z", "+00:00"))


def snapshot_from_json(data: dict[str, Any]) -> JobSnapshot:
    values: dict[str, Any] = {k: data.get(k) for k in JOB_FIELDS}
    for k in ("created_at", "scheduled_for", "started_at", "finished_at", "updated_at", "paused_at"):
        values[k] = _time(values[k])
    values["pause_requested"] = bool(values["pause_requested"])
    values["paused_seconds"] = float(values["paused_seconds"] or 0.0)
    values["status"] = JobStatus(values["status"])
    values["params"] = values["params"] or {}
    values["inline"] = bool(values["inline"])
    values["stop_requested"] = bool(values["stop_requested"])
    return JobSnapshot(**values)


def encode(event: JobEvent) -> bytes:
    changes = {k: iso(v) if isinstance(v, dt.datetime) else v for k, v in event.changes.items()}
    obj = {
        "kind": str(event.kind),
        "job_id": event.job_id,
        "job": event.job.to_json() if event.job is not None else None,
        "changes": changes,
        "log": [{"id": e.id, "job_id": e.job_id, **e.to_json()} for e in event.log],
    }
    return json.dumps(obj, ensure_ascii=False, default=str).encode() + b"\n"


def decode(line: bytes | str) -> JobEvent | None:
    """The event of one line, or None for a line that is not an event (the hello, or garbage)."""
    try:
        obj = json.loads(line)
        if not isinstance(obj, dict) or "kind" not in obj:
            return None
        changes = dict(obj.get("changes") or {})
        if "updated_at" in changes:
            changes["updated_at"] = _time(changes["updated_at"])
        entries = tuple(
            LogEntry(
                e.get("id"),
                int(e.get("job_id") or obj["job_id"]),
                _time(e["time"]) or dt.datetime.now(dt.UTC),
                e["level"],
                e["message"],
                e.get("item"),
                e.get("code"),
                e.get("args"),
            )
            for e in obj.get("log") or ()
        )
        job = snapshot_from_json(obj["job"]) if obj.get("job") else None
        return JobEvent(EventKind(obj["kind"]), int(obj["job_id"]), job=job, changes=changes, log=entries)
    except (ValueError, KeyError, TypeError):
        log.debug("not an event: %r", line[:200])
        return None


# -- engine side ------------------------------------------------------------------------------------
class _Client:
    __slots__ = ("inbox", "outbox", "sock")

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.inbox = b""
        self.outbox = bytearray()


class ChannelServer:
    """Broadcasts an engine's :class:`EventBus` to every connected client, and hears their wakes.

    One thread runs a selector over the listening socket, the clients and a wake-up pipe; the bus listener
    only encodes and queues, so the engine's threads never block on a slow client."""

    def __init__(
        self,
        path: Path,
        bus: EventBus,
        *,
        on_wake: Callable[[], None] = lambda: None,
        lookup: Callable[[Sequence[int]], list[JobSnapshot]] | None = None,
        hello: dict[str, Any] | None = None,
        on_run: Callable[[dict[str, Any]], JobSnapshot] | None = None,
    ) -> None:
        self.path = path
        self.on_run = on_run
        self._replies: queue.SimpleQueue[tuple[_Client, bytes]] = queue.SimpleQueue()
        self.bus = bus
        self.on_wake = on_wake
        self.lookup = lookup
        self.hello = json.dumps({"hello": hello or {}}).encode() + b"\n"
        self._pending: queue.SimpleQueue[bytes] = queue.SimpleQueue()
        self._clients: dict[int, _Client] = {}
        self._sel = selectors.DefaultSelector()
        self._listener: socket.socket | None = None
        self._wake_r, self._wake_w = socket.socketpair()
        self._closing = threading.Event()
        self._thread: threading.Thread | None = None
        self._unsubscribe: Callable[[], None] | None = None
        self._relay: queue.SimpleQueue[list[int]] = queue.SimpleQueue()
        self._relay_thread: threading.Thread | None = None

    def start(self) -> ChannelServer:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self.path)  # a socket left by a dead engine (we hold the engine lock: it is ours now)
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        old = os.umask(0o177)
        try:
            sock.bind(str(self.path))
        finally:
            os.umask(old)
        sock.listen(64)
        sock.setblocking(False)
        self._listener = sock
        self._wake_r.setblocking(False)
        self._wake_w.setblocking(False)  # a poke already pending is enough: never block an engine thread
        self._sel.register(sock, selectors.EVENT_READ, "accept")
        self._sel.register(self._wake_r, selectors.EVENT_READ, "wake")
        self._unsubscribe = self.bus.subscribe(self._on_event)
        self._thread = threading.Thread(target=self._loop, name="asyncops-channel", daemon=True)
        self._thread.start()
        if self.lookup is not None:
            self._relay_thread = threading.Thread(target=self._relay_loop, name="asyncops-channel-relay", daemon=True)
            self._relay_thread.start()
        return self

    def close(self) -> None:
        if self._closing.is_set():
            return
        self._closing.set()
        if self._unsubscribe is not None:
            self._unsubscribe()
        self._relay.put([])
        self._poke()
        if self._thread is not None:
            self._thread.join(5)
        if self._relay_thread is not None:
            self._relay_thread.join(5)
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self.path)
        for s in (self._wake_r, self._wake_w):
            s.close()

    @property
    def client_count(self) -> int:
        return len(self._clients)

    # bus listener: any thread
    def _on_event(self, event: JobEvent) -> None:
        if not self._clients:  # nobody listens (a client connecting now re-reads after its hello)
            return
        try:
            self._pending.put(encode(event))
        except Exception:
            log.exception("cannot encode %s of job #%s", event.kind, event.job_id)
            return
        self._poke()

    def _poke(self) -> None:
        with contextlib.suppress(OSError):
            self._wake_w.send(b"\0")

    # the channel thread
    def _loop(self) -> None:
        try:
            while not self._closing.is_set():
                for key, mask in self._sel.select(timeout=5.0):
                    if key.data == "accept":
                        self._accept()
                    elif key.data == "wake":
                        with contextlib.suppress(BlockingIOError):
                            self._wake_r.recv(4096)
                    else:
                        client = self._clients.get(key.fd)
                        if client is None:
                            continue
                        if mask & selectors.EVENT_READ:
                            self._read(client)
                        if mask & selectors.EVENT_WRITE and key.fd in self._clients:
                            self._flush(client)
                self._broadcast()
        except Exception:
            log.exception("the event channel failed; clients fall back to polling")
        finally:
            for client in list(self._clients.values()):
                self._drop(client)
            if self._listener is not None:
                with contextlib.suppress(Exception):
                    self._sel.unregister(self._listener)
                self._listener.close()
            self._sel.close()

    def _accept(self) -> None:
        assert self._listener is not None
        while True:
            try:
                sock, _ = self._listener.accept()
            except (BlockingIOError, InterruptedError):
                return
            if not _same_user(sock):
                sock.close()
                continue
            sock.setblocking(False)
            client = _Client(sock)
            client.outbox += self.hello
            self._clients[sock.fileno()] = client
            self._sel.register(sock, selectors.EVENT_READ | selectors.EVENT_WRITE, "client")

    def _read(self, client: _Client) -> None:
        try:
            data = client.sock.recv(65536)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            data = b""
        if not data:
            self._drop(client)
            return
        client.inbox += data
        if len(client.inbox) > MAX_LINE and b"\n" not in client.inbox:
            self._drop(client)
            return
        *lines, client.inbox = client.inbox.split(b"\n")
        for line in lines:
            if line.strip():
                self._request(line, client)

    def _request(self, line: bytes, client: _Client | None = None) -> None:
        try:
            obj = json.loads(line)
        except ValueError:
            return
        if isinstance(obj, dict) and obj.get("op") == "run" and client is not None:
            # recording the job writes to the database: on its own thread, the selector keeps serving
            threading.Thread(target=self._run, args=(client, obj), name="asyncops-channel-run", daemon=True).start()
            return
        if not isinstance(obj, dict) or obj.get("op") != "wake":
            return
        ids: list[int] = []
        for item in obj.get("created") or ():
            if isinstance(item, dict):  # the client sent the snapshot: announce it before the engine moves it
                try:
                    snap = snapshot_from_json(item)
                except (ValueError, KeyError, TypeError):
                    continue
                self.bus.publish(JobEvent(EventKind.CREATED, snap.id, job=snap))
            elif isinstance(item, int) and not isinstance(item, bool):
                ids.append(item)
        self.on_wake()
        if ids and self.lookup is not None:
            self._relay.put(ids)  # read on another thread: the selector keeps serving

    def _relay_loop(self) -> None:
        assert self.lookup is not None
        while True:
            ids = self._relay.get()
            if not ids or self._closing.is_set():
                return
            try:
                snaps = self.lookup(ids)
            except Exception:
                log.exception("cannot read the jobs a client created")
                continue
            for snap in snaps:
                self.bus.publish(JobEvent(EventKind.CREATED, snap.id, job=snap))

    def _run(self, client: _Client, request: dict[str, Any]) -> None:
        reply: dict[str, Any]
        if self.on_run is None:
            reply = {"refused": "this engine does not run jobs on request"}
        else:
            try:
                reply = {"run": self.on_run(request).to_json()}
            except Exception as exc:
                log.warning("cannot run the job a client asked for: %s", exc)
                reply = {"refused": f"{type(exc).__name__}: {exc}"}
        self._replies.put((client, json.dumps(reply, ensure_ascii=False, default=str).encode() + b"\n"))
        self._poke()

    def _broadcast(self) -> None:
        while True:  # answers to one client each (run requests)
            try:
                client, data = self._replies.get_nowait()
            except queue.Empty:
                break
            if self._clients.get(client.sock.fileno()) is client:
                client.outbox += data
                self._flush(client)
        lines = []
        while True:
            try:
                lines.append(self._pending.get_nowait())
            except queue.Empty:
                break
        if not lines:
            return
        data = b"".join(lines)
        for client in list(self._clients.values()):
            client.outbox += data
            if len(client.outbox) > MAX_BUFFER:
                log.warning("dropping a channel client that fell %d bytes behind", len(client.outbox))
                self._drop(client)
            else:
                self._flush(client)

    def _flush(self, client: _Client) -> None:
        if client.outbox:
            try:
                sent = client.sock.send(client.outbox)
            except (BlockingIOError, InterruptedError):
                sent = 0
            except OSError:
                self._drop(client)
                return
            del client.outbox[:sent]
        mask = selectors.EVENT_READ | (selectors.EVENT_WRITE if client.outbox else 0)
        with contextlib.suppress(KeyError, ValueError):
            self._sel.modify(client.sock, mask, "client")

    def _drop(self, client: _Client) -> None:
        fd = client.sock.fileno()
        self._clients.pop(fd, None)
        with contextlib.suppress(KeyError, ValueError):
            self._sel.unregister(client.sock)
        client.sock.close()


def _same_user(sock: socket.socket) -> bool:
    """Only this OS user's processes may listen (the folder is private too; this holds if it is not)."""
    opt = getattr(socket, "SO_PEERCRED", None)
    if opt is None:
        return True
    import struct

    try:
        creds = sock.getsockopt(socket.SOL_SOCKET, opt, struct.calcsize("3i"))
    except OSError:
        return False
    _pid, uid, _gid = struct.unpack("3i", creds)
    return uid == os.getuid()


# -- client side ------------------------------------------------------------------------------------
def notify(path: Path | str, created: Iterable[JobSnapshot | int] = (), *, timeout: float = 1.0) -> bool:
    """Tell the engine listening at ``path`` to wake, and to announce the ``created`` jobs to its clients (give
    snapshots: ids make the engine read them first). False when no engine listens: the engine's database poll
    finds the work anyway."""
    items = [c.to_json() if isinstance(c, JobSnapshot) else int(c) for c in created]
    line = json.dumps({"op": "wake", "created": items}, ensure_ascii=False, default=str).encode() + b"\n"
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.settimeout(timeout)
            sock.connect(str(path))
            sock.sendall(line)
        return True
    except OSError:
        return False


def run_now(path: Path | str, request: dict[str, Any], *, timeout: float = 2.0) -> JobSnapshot | None:
    """Ask the engine at ``path`` to record and start a job at once (``request``: see the module's protocol).
    Its snapshot, or None when no engine took the request (none listens, or it refused): nothing was recorded
    then. An engine that took the request and did not answer within ``timeout`` raises TimeoutError (the job
    may exist: the caller must not record it again)."""
    line = json.dumps({"op": "run", **request}, ensure_ascii=False, default=str).encode() + b"\n"
    deadline = time.monotonic() + timeout
    while True:  # a freshly started engine opens its socket within moments
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            sock.settimeout(max(0.05, deadline - time.monotonic()))
            sock.connect(str(path))
            break
        except OSError:
            sock.close()
            if time.monotonic() >= deadline:
                return None
            time.sleep(0.05)  # nothing to wait on but the socket file appearing
    with sock:
        try:
            sock.sendall(line)
        except OSError:
            return None
        buf = b""
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("the engine took the job but did not say so in time")
            sock.settimeout(left)
            try:
                data = sock.recv(65536)
            except TimeoutError:
                raise TimeoutError("the engine took the job but did not say so in time") from None
            if not data:
                raise TimeoutError("the engine closed the channel before saying what became of the job")
            buf += data
            *lines, buf = buf.split(b"\n")
            for raw in lines:
                if raw.startswith(b'{"run"'):
                    return snapshot_from_json(json.loads(raw)["run"])
                if raw.startswith(b'{"refused"'):
                    log.info("the engine refused to run the job now: %s", json.loads(raw)["refused"])
                    return None


class ChannelClient:
    """Receives an engine's events. ``events()`` yields them, reconnecting after a loss (between attempts it
    waits ``retry`` seconds or until ``stop``); ``on_connect`` runs after every (re)connection — the place to
    re-read what changed while disconnected."""

    def __init__(
        self,
        path: Path | str | Callable[[], Path | str | None],
        *,
        retry: float = 0.5,
        on_connect: Callable[[dict[str, Any]], None] | None = None,
    ) -> None:
        self._path = path
        self.retry = retry
        self.on_connect = on_connect
        self.stop = threading.Event()
        self._sock: socket.socket | None = None
        self.connected = threading.Event()

    def path(self) -> str | None:
        p = self._path() if callable(self._path) else self._path
        return str(p) if p else None

    def close(self) -> None:
        self.stop.set()
        sock = self._sock
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def events(self, *, reconnect: bool = True) -> Iterator[JobEvent]:
        while not self.stop.is_set():
            sock = self._connect()
            if sock is None:
                if not reconnect or self.stop.wait(self.retry):
                    return
                continue
            try:
                yield from self._read(sock)
            finally:
                self._sock = None
                self.connected.clear()
                sock.close()
            if not reconnect or self.stop.wait(self.retry):
                return

    def _connect(self) -> socket.socket | None:
        path = self.path()
        if not path:
            return None
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            sock.settimeout(2.0)
            sock.connect(path)
            sock.settimeout(None)
        except OSError:
            sock.close()
            return None
        self._sock = sock
        return sock

    def _read(self, sock: socket.socket) -> Iterator[JobEvent]:
        buf = b""
        while not self.stop.is_set():
            try:
                data = sock.recv(65536)
            except OSError:
                return
            if not data:
                return
            buf += data
            *lines, buf = buf.split(b"\n")
            for line in lines:
                if not line.strip():
                    continue
                event = decode(line)
                if event is not None:
                    yield event
                elif line.startswith(b'{"hello"'):
                    self.connected.set()
                    if self.on_connect is not None:
                        try:
                            self.on_connect(json.loads(line).get("hello") or {})
                        except Exception:
                            log.exception("channel on_connect callback failed")


def subscribe(
    path: Path | str | Callable[[], Path | str | None],
    callback: Callable[[JobEvent], None],
    *,
    on_connect: Callable[[dict[str, Any]], None] | None = None,
    retry: float = 0.5,
) -> ChannelClient:
    """Call ``callback`` with every event of the engine at ``path`` on a background thread, reconnecting as
    needed, until the returned client's ``close()``. Callbacks run on that thread (the window re-emits them
    as queued signals, like the EventBus)."""
    client = ChannelClient(path, retry=retry, on_connect=on_connect)

    def run() -> None:
        for event in client.events():
            try:
                callback(event)
            except Exception:
                log.exception("channel callback failed on %s", event.kind)

    threading.Thread(target=run, name="asyncops-channel-client", daemon=True).start()
    return client


def wait_connected(client: ChannelClient, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    return client.connected.wait(max(0.0, deadline - time.monotonic()))


def wait_for_job(
    socket_path: Path | str | None,
    job_id: int,
    read: Callable[[], JobSnapshot],
    done: Callable[[JobSnapshot], bool],
    timeout: float,
    *,
    fallback: float = 1.0,
) -> JobSnapshot:
    """Wait until ``done(job)``: woken by the engine's events when one listens at ``socket_path``, and reading
    the database (``read``) every ``fallback`` seconds in any case (the job may run on another host's
    engine). Returns the last snapshot seen, done or not after ``timeout``."""
    cond = threading.Condition()
    latest: list[JobSnapshot] = []

    def got(event: JobEvent) -> None:
        if event.job_id == job_id and event.job is not None:
            with cond:
                latest.append(event.job)
                cond.notify_all()

    client = subscribe(socket_path, got, retry=fallback) if socket_path else None
    try:
        deadline = time.monotonic() + timeout
        if client is not None:
            client.connected.wait(min(1.0, timeout))  # then nothing that ends from now on is missed
        snap = read()
        while not done(snap):
            left = deadline - time.monotonic()
            if left <= 0:
                break
            with cond:
                cond.wait_for(lambda: any(done(s) for s in latest), min(fallback, left))
                ended = next((s for s in latest if done(s)), None)
            snap = ended if ended is not None else read()
        return snap
    finally:
        if client is not None:
            client.close()
