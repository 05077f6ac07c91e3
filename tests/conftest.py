"""Shared fixtures: every test gets its own database and data folder; nothing touches the user's real data."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# A guard under the per-test fixtures: whatever a test (or a library) writes to the user's configuration,
# data or cache folders lands in a throw-away folder, never in the real ones. Set before Qt is imported.
_SANDBOX = tempfile.mkdtemp(prefix="asyncops-tests-")
for _var, _sub in (
    ("XDG_CONFIG_HOME", "config"),
    ("XDG_DATA_HOME", "data"),
    ("XDG_CACHE_HOME", "cache"),
    ("XDG_STATE_HOME", "state"),
):
    os.environ[_var] = os.path.join(_SANDBOX, _sub)


# ASYNCOPS_TEST_SERVER=postgresql+psycopg://user:password@127.0.0.1 runs the suite against that server instead
# of SQLite files: every test gets a database of its own, dropped afterwards.
SERVER = os.environ.get("ASYNCOPS_TEST_SERVER", "").rstrip("/")


def _server_database(name: str) -> Iterator[str]:
    from sqlalchemy import create_engine, text

    admin = create_engine(f"{SERVER}/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield f"{SERVER}/{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(autouse=True)
def isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """ASYNCOPS_DB and ASYNCOPS_DATA_DIR point into the test's temporary folder (or a database of its own)."""
    data = tmp_path / "data"
    data.mkdir()
    if SERVER:
        import uuid

        gen = _server_database(f"asyncops_test_{uuid.uuid4().hex[:12]}")
        monkeypatch.setenv("ASYNCOPS_DB", next(gen))
    else:
        gen = None
        monkeypatch.setenv("ASYNCOPS_DB", str(tmp_path / "asyncops.db"))
    monkeypatch.setenv("ASYNCOPS_DATA_DIR", str(data))
    monkeypatch.setenv("ASYNCOPS_USER", "tester")
    # queueing commands start no background engine in tests (a process that would outlive the test); the
    # tests of the engine service delete this and end what they started
    monkeypatch.setenv("ASYNCOPS_NO_AUTOSTART", "1")
    monkeypatch.delenv("ASYNCOPS_ADMIN", raising=False)
    monkeypatch.setenv("PYTHONPATH", str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    yield tmp_path
    if gen is not None:
        next(gen, None)  # DROP DATABASE … WITH (FORCE) also closes what the test left open


@pytest.fixture
def db(isolated_env: Path) -> Iterator[Database]:  # noqa: F821
    from core.store.db import Database

    database = Database()
    yield database
    database.dispose()


@pytest.fixture
def engine(db: Database) -> Iterator[Engine]:  # noqa: F821
    """A started engine on the test database (fast ticks), shut down after the test."""
    from core.engine import Engine

    eng = Engine(db, tick=0.05, heartbeat_interval=0.5, dead_after=3.0).start()
    yield eng
    eng.shutdown(grace=5)
