"""The local engine service: jobs always run in an engine process, never in a client's.

What a client (the CLI, the window) uses:

- :func:`ensure_engine` (db_url) → :class:`EngineStatus`: find the engine that serves the database on this
  host (it holds the engine lock), or start the background one (``asyncops engine serve``), detached;
- :func:`local_engine` (db_url) → :class:`LockInfo` | None: the local engine holding the lock (pid, kind,
  engine id, channel socket);
- :func:`after_submit` (db_url, snapshots) → :class:`EngineStatus`: after writing jobs, ensure the engine and
  wake it over its channel (which announces the jobs to its other clients); :func:`notify` is the wake alone;
- :func:`run_now` (socket, request): the engine records a job and starts it at once (the window's "run now");
- :func:`subscribe` (socket or a callable giving it, callback, on_connect=…) → :class:`ChannelClient`: job
  events from the engine, pushed, with reconnection; ``on_connect`` is where a client re-reads what changed;
- :func:`recover_gone` (db, bus): the jobs of this host's engines that are provably gone become INTERRUPTED;
- :func:`list_engines` (db): who serves the database (``asyncops engine status``);
- :func:`is_alive` (lock path or engine id): the lock test behind all of it.

Modules: ``lock`` (the OS lock and its file), ``spawn`` (start or find), ``serve`` (an engine process's life),
``idle`` (idle exit), ``channel`` (events over a Unix socket), ``engines`` (liveness and recovery).
"""

from __future__ import annotations

from core.service.channel import ChannelClient, ChannelServer, notify, run_now, subscribe
from core.service.engines import EngineInfo, gone_engines, list_engines, recover_gone
from core.service.idle import DEFAULT_IDLE_EXIT, IDLE_EXIT_KEY, idle_exit_seconds
from core.service.lock import LockInfo, is_alive, lock_path, runtime_dir, socket_path
from core.service.spawn import (
    NO_AUTOSTART_ENV,
    EngineState,
    EngineStatus,
    after_submit,
    autostart_disabled,
    ensure_engine,
    is_serving,
    local_engine,
)

__all__ = [
    "DEFAULT_IDLE_EXIT",
    "IDLE_EXIT_KEY",
    "NO_AUTOSTART_ENV",
    "ChannelClient",
    "ChannelServer",
    "EngineInfo",
    "EngineState",
    "EngineStatus",
    "LockInfo",
    "after_submit",
    "autostart_disabled",
    "ensure_engine",
    "gone_engines",
    "idle_exit_seconds",
    "is_alive",
    "is_serving",
    "list_engines",
    "local_engine",
    "lock_path",
    "notify",
    "recover_gone",
    "run_now",
    "runtime_dir",
    "socket_path",
    "subscribe",
]
