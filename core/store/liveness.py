"""Engines' liveness and wake-ups on PostgreSQL, and how an engine rides out a database outage.

- :class:`Presence`: an engine's own connection to the server, apart from its pool. On it the engine holds a
  session-level advisory lock named after its id for as long as it lives, and LISTENs for the database's wake-ups
  (NOTIFY ``asyncops``, sent by triggers when jobs are queued or scheduled, when a stop is asked, when the queues
  change, and by engines when they free a slot without taking the next job). When the connection is lost (the
  server restarts, the network breaks) it reconnects every half second, silently, and takes its lock back: far
  sooner than :data:`GRACE`. TCP keepalives on both ends bound a half-open connection, so the lock of an engine
  whose host vanished is freed by the server within seconds.
- :class:`Liveness`: which other engines are gone. An engine is gone when its lock has been seen free in at least
  two checks :data:`GRACE` seconds apart, by a checker that stayed connected meanwhile: the first engine back
  after a server restart does not declare the others dead, since they retake their locks well within the grace.
  Recovery takes the gone engine's lock itself for its transaction (:func:`guard`), so an engine that comes back
  at that moment keeps its jobs.
- :class:`Outage`: while the database does not answer, one log line per retry, with a backoff of 1, 2, 4 … 30
  seconds, no traceback, no URL; a retry waits no longer once the presence connection is back.

On SQLite none of this applies: the engine's OS file lock (:mod:`core.service.lock`) and its process prove it
alive on the one host that can open the file.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Connection

from core.store import dialect
from core.store.db import Database

log = logging.getLogger(__name__)

CHANNEL = "asyncops"
NAMESPACE = "asyncops.engine"
GRACE = 5.0  # seconds an engine's lock must stay free (across two checks) before its jobs are recovered
CHECK_EVERY = 2.0  # seconds between two checks of the other engines' locks
RECONNECT = 0.5  # seconds between two attempts of the presence connection to reconnect
# seconds the presence connection waits for wake-ups at a time: how soon it sees that its engine stops (a wait
# costs no statement, only a wake-up of the thread)
LISTEN_SLICE = 0.1
MAX_BACKOFF = 30.0


def reason(exc: BaseException) -> str:
    """The first line of a database error, without the statement, its parameters or the URL."""
    orig = getattr(exc, "orig", None) or exc
    lines = str(orig).strip().splitlines()
    return lines[0][:300] if lines else type(orig).__name__


class Outage:
    """Whether the database answers this engine, and the log lines while it does not."""

    def __init__(self) -> None:
        self.online = threading.Event()
        self.online.set()
        self._lock = threading.Lock()
        self._since = 0.0
        self._delay = 1.0
        self._retries = 0
        self._back = threading.Condition()
        self.on_back: Callable[[], None] = lambda: None

    @property
    def down_for(self) -> float:
        return 0.0 if self.online.is_set() else time.monotonic() - self._since

    def failed(self, exc: BaseException) -> None:
        """A statement or a connection was refused: the first refusal starts an outage and says so."""
        with self._lock:
            if not self.online.is_set():
                return
            self.online.clear()
            self._since, self._delay, self._retries = time.monotonic(), 1.0, 0
        log.warning("database unavailable (%s): retrying in %gs", reason(exc), self._delay)

    def ok(self) -> None:
        """The database answered: end the outage (and say for how long it lasted)."""
        with self._lock:
            if self.online.is_set():
                return
            self.online.set()
            down = time.monotonic() - self._since
        log.warning("database available again after %.1fs", down)
        with self._back:
            self._back.notify_all()
        self.on_back()

    def pause(self, stop: threading.Event) -> bool:
        """Wait before the next retry: the backoff's delay, or less if the database answers again meanwhile.
        Logs one line for the retry. True when ``stop`` was set."""
        with self._lock:
            delay = self._delay
            self._delay = min(MAX_BACKOFF, self._delay * 2)
            self._retries += 1
            retry, nxt = self._retries, self._delay
        deadline = time.monotonic() + delay
        while not stop.is_set() and not self.online.is_set():
            left = deadline - time.monotonic()
            if left <= 0:
                break
            with self._back:
                self._back.wait(min(left, 0.2))
        if not stop.is_set() and not self.online.is_set():
            log.warning("database still unavailable after %.0fs: retry %d (next in %gs)", self.down_for, retry, nxt)
        return stop.is_set()


def _key_sql(arg: str) -> str:
    return f"hashtext('{NAMESPACE}'), hashtext({arg})"


class Presence:
    """An engine's dedicated connection: its session lock while it lives, and LISTEN for wake-ups."""

    def __init__(
        self,
        db: Database,
        engine_id: str,
        *,
        on_notify: Callable[[str], None],
        outage: Outage,
        liveness: Liveness | None = None,
    ) -> None:
        self.db = db
        self.liveness = liveness  # fed with a check of the other engines' locks every CHECK_EVERY seconds
        if liveness is not None:
            liveness.fed = True
        self.engine_id = engine_id
        self.on_notify = on_notify
        self.outage = outage
        self.held = threading.Event()  # the lock is ours (and LISTEN is on)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._conn: Any = None

    def start(self, timeout: float = 10.0) -> Presence:
        self._thread = threading.Thread(target=self._run, name="asyncops-presence", daemon=True)
        self._thread.start()
        if not self.held.wait(timeout):
            log.warning("engine %s: could not take its liveness lock within %gs; still trying", self.engine_id, timeout)
        return self

    def stop(self) -> None:
        """Release the lock (closing the connection); the engine's jobs are settled by then."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(5)

    @property
    def listening(self) -> bool:
        return self.held.is_set()

    def _connect(self) -> Any:
        import psycopg

        cargs, cparams = self.db.engine.dialect.create_connect_args(self.db.engine.url)
        params = {**cparams, **dialect.pg_connect_args(cparams.get("options")), "autocommit": True}
        return psycopg.connect(*cargs, **params)

    def _run(self) -> None:
        import psycopg

        while not self._stop.is_set():
            try:
                conn = self._connect()
            except psycopg.Error as exc:
                self.outage.failed(exc)
                self._stop.wait(RECONNECT)
                continue
            try:
                self._serve(conn)
            except psycopg.Error as exc:
                if not self._stop.is_set():
                    self.outage.failed(exc)
            finally:
                self.held.clear()
                try:
                    conn.close()
                except psycopg.Error:
                    pass
            if not self._stop.is_set():
                self._stop.wait(RECONNECT)

    def _serve(self, conn: Any) -> None:
        take = f"SELECT pg_try_advisory_lock({_key_sql('%s')})"
        while not conn.execute(take, (self.engine_id,)).fetchone()[0]:
            # held by our own session of before the outage (the server has not noticed it is gone yet), or by
            # another engine checking it this instant: try again shortly
            if self._stop.wait(RECONNECT):
                return
        conn.execute(f"LISTEN {CHANNEL}")
        self.held.set()
        if self.liveness is not None:
            self.liveness.reset()  # what it saw before it lost the database proves nothing now
        self.outage.ok()
        self.on_notify("connected")  # what was sent while we were away is lost: the engine reads again
        checked = 0.0
        while not self._stop.is_set():
            for note in conn.notifies(timeout=LISTEN_SLICE):
                self.on_notify(note.payload)
                if self._stop.is_set():
                    break
            if self.liveness is not None and time.monotonic() - checked >= CHECK_EVERY:
                checked = time.monotonic()
                rows = conn.execute(_PROBE_RAW, {"me": self.engine_id}).fetchall()
                self.liveness.observe({str(r[0]) for r in rows if r[1]}, checked)


# Every other engine the database knows (rows, and workers named by running jobs), and whether its lock is free
# this instant (taken and given back at once when it is).
_PROBE = text(
    f"""
    SELECT e.id,
           CASE WHEN pg_try_advisory_lock({_key_sql("e.id")}) THEN pg_advisory_unlock({_key_sql("e.id")})
                ELSE false END AS free
    FROM (SELECT id FROM engines WHERE id <> :me
          UNION SELECT DISTINCT worker FROM jobs
                WHERE status IN ('ACTIVE', 'STOPPING', 'PAUSED') AND worker IS NOT NULL AND worker <> :me) AS e
    """
)


_PROBE_RAW = str(_PROBE).replace(":me", "%(me)s")  # the same on the presence connection (psycopg's placeholders)


class Liveness:
    """Which other engines are gone, by their locks (see the module's docstring). An engine's presence connection
    checks every :data:`CHECK_EVERY` seconds and feeds what it saw here (:meth:`observe`), costing no pool
    connection; without one, :meth:`gone` checks by itself."""

    def __init__(self, db: Database, engine_id: str, grace: float = GRACE) -> None:
        self.db = db
        self.engine_id = engine_id
        self.grace = grace
        self.fed = False  # a presence connection observes for us
        self._lock = threading.Lock()
        self._free_since: dict[str, tuple[float, int]] = {}  # engine id: (first seen free, checks seen free)
        self._gone: list[str] = []

    def reset(self) -> None:
        """Forget what was seen (after this engine lost the database: what it saw before proves nothing)."""
        with self._lock:
            self._free_since.clear()
            self._gone = []

    def observe(self, free: set[str], now: float | None = None) -> None:
        """One check: the engines whose lock was free at that instant."""
        now = time.monotonic() if now is None else now
        with self._lock:
            seen = {}
            for engine_id in free:
                first, checks = self._free_since.get(engine_id, (now, 0))
                seen[engine_id] = (first, checks + 1)
            self._free_since = seen
            self._gone = sorted(e for e, (first, checks) in seen.items() if checks >= 2 and now - first >= self.grace)

    def gone(self) -> list[str]:
        """Engines whose lock has stayed free for the grace, across two checks or more."""
        if not self.fed:
            with self.db.connect_read() as conn:
                rows = conn.execute(_PROBE, {"me": self.engine_id}).all()
            self.observe({str(r.id) for r in rows if r.free})
        with self._lock:
            return list(self._gone)


def guard(conn: Connection, engine_id: str) -> bool:
    """In a recovery's transaction: take the gone engine's lock until the transaction ends; False when it is held
    (the engine is back: leave its jobs alone)."""
    return bool(conn.execute(text(f"SELECT pg_try_advisory_xact_lock({_key_sql(':e')})"), {"e": engine_id}).scalar())


def notify(conn: Connection, payload: str) -> None:
    """NOTIFY the engines listening on this database (at commit)."""
    conn.execute(text("SELECT pg_notify(:c, :p)"), {"c": CHANNEL, "p": payload})


def locks_free(db: Database) -> dict[str, bool]:
    """For every engine the database knows: whether its lock is free this instant (True: its process is gone, or
    it is between a lost connection and its return). What ``asyncops engine status`` shows for other hosts."""
    with db.connect_read() as conn:
        return {str(r.id): bool(r.free) for r in conn.execute(_PROBE, {"me": ""})}
