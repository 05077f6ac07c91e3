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
# of SQLite files: every test gets a database of its own, dropped afterwards. The tests connect as the role
# TEST_ROLE ("tester", made here with LOGIN CREATEROLE): on PostgreSQL the owner of a job is the session's role,
# so the name the tests expect is the role's name. Each test's database is owned by that role.
SERVER = os.environ.get("ASYNCOPS_TEST_SERVER", "").rstrip("/")
TEST_ROLE = "tester"
TEST_ROLE_PASSWORD = "asyncops-tester"  # a throw-away cluster's test role; never a real password


def server_url(database: str, role: str | None = None, password: str | None = None) -> str:
    """A URL of the test server's ``database`` (as ``role`` when given, else the server's own superuser)."""
    from sqlalchemy import make_url

    url = make_url(SERVER).set(database=database)
    if role is not None:
        url = url.set(username=role, password=password)
    return url.render_as_string(hide_password=False)


_role_ready = False


def _ensure_test_role() -> None:
    global _role_ready
    if _role_ready:
        return
    from sqlalchemy import create_engine, text

    admin = create_engine(server_url("postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": TEST_ROLE}).first()
        verb = "ALTER" if exists else "CREATE"
        conn.execute(text(f"{verb} ROLE \"{TEST_ROLE}\" LOGIN CREATEROLE NOSUPERUSER PASSWORD '{TEST_ROLE_PASSWORD}'"))
    admin.dispose()
    _role_ready = True


def _server_database(name: str) -> Iterator[str]:
    from sqlalchemy import create_engine, text

    _ensure_test_role()
    admin = create_engine(server_url("postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}" OWNER "{TEST_ROLE}"'))
    try:
        yield server_url(name, TEST_ROLE, TEST_ROLE_PASSWORD)
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
    if SERVER:  # the role is the identity there (ASYNCOPS_USER would only draw a warning)
        monkeypatch.delenv("ASYNCOPS_USER", raising=False)
    else:
        monkeypatch.setenv("ASYNCOPS_USER", TEST_ROLE)
    # queueing commands start no background engine in tests (a process that would outlive the test); the
    # tests of the engine service delete this and end what they started
    monkeypatch.setenv("ASYNCOPS_NO_AUTOSTART", "1")
    monkeypatch.delenv("ASYNCOPS_ADMIN", raising=False)
    monkeypatch.setenv("PYTHONPATH", str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    yield tmp_path
    if gen is not None:
        next(gen, None)  # DROP DATABASE … WITH (FORCE) also closes what the test left open
        _collect_leaked_connections()


def _collect_leaked_connections() -> None:
    """Connections of databases a test opened and never disposed (their server side is gone with the dropped
    database) are collected now, quietly, rather than warning at some later test or at exit."""
    import gc
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        gc.collect()


# Tests of the SQLite identity (ASYNCOPS_USER, ASYNCOPS_ADMIN, the `admins` setting), which PostgreSQL ignores:
# there the identity is the session's role; tests/core/test_team.py checks the same rules against the server.
SQLITE_IDENTITY_TESTS = {
    "tests/core/test_cli.py::test_another_users_job_is_not_allowed": "test_team.py::test_two_users_see_their_own_jobs",
    "tests/core/test_cli.py::test_admins_setting_makes_an_admin": "test_team.py::test_admin_sees_and_acts_on_all",
    "tests/core/test_workflows_cli.py::test_submit_after_another_users_job_is_not_allowed": (
        "test_team.py::test_two_users_see_their_own_jobs"
    ),
    "tests/core/test_timeline.py::test_only_jobs_that_lived_in_the_range_and_only_ones_own": (
        "test_team.py::test_two_users_see_their_own_jobs"
    ),
    "tests/core/test_workflows.py::test_only_a_queued_job_moves_and_only_among_ones_own": (
        "test_team.py::test_two_users_see_their_own_jobs"
    ),
}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if not SERVER:
        return
    for item in items:
        rel = item.nodeid.replace("\\", "/")
        if rel in SQLITE_IDENTITY_TESTS:
            item.add_marker(
                pytest.mark.skip(
                    reason=f"SQLite identity; on PostgreSQL the role is the identity ({SQLITE_IDENTITY_TESTS[rel]})"
                )
            )


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if SERVER:
        _collect_leaked_connections()


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
