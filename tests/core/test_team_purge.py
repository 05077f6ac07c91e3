"""The daily purge on a team's database: a person's engine purges that person's jobs only and marks no day done
for everyone; an admin's (or a worker's) purges everybody's and marks the day."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import text

from core.engine import housekeeping
from core.store import jobs, settings
from core.store.db import Database
from core.store.schema import utcnow
from tests.core.test_team import _submit, needs_server, team_db  # noqa: F401  (team_db: the fixture)


def _age_all(owner: Database) -> None:
    with owner.connect_write() as conn:  # every job finished long ago (as the tables' owner)
        conn.execute(
            text("UPDATE jobs SET status = 'SUCCEEDED', finished_at = :t"), {"t": utcnow() - dt.timedelta(days=400)}
        )


def _last_run(owner: Database) -> Any:
    with owner.connect_read() as conn:
        return conn.execute(text("SELECT value FROM settings WHERE key = 'purge.last_run'")).scalar()


@needs_server
def test_a_persons_engine_purges_only_their_jobs_and_marks_no_day(
    team_db: Any,  # noqa: F811 (the fixture, imported)
    capsys: Any,
    db: Database,
) -> None:
    mine = _submit(capsys, team_db.alice, "alice's")
    theirs = _submit(capsys, team_db.bob, "bob's")
    _age_all(db)
    settings.set_key(db, "purge.time", "00:00")
    alice = team_db.alice.db()
    try:
        assert housekeeping.maybe_purge(alice) == 1
        assert housekeeping.maybe_purge(alice) is None  # once a day for her engine
    finally:
        alice.dispose()
    left = {s.id for s in jobs.list_jobs(db, all_users=True, with_reasons=False)}
    assert mine not in left and theirs in left
    assert _last_run(db) is None  # the day is not done for everyone
    carol = team_db.carol.db()  # an admin's engine: everybody's, and the day is marked
    try:
        assert housekeeping.maybe_purge(carol) == 1
        assert housekeeping.maybe_purge(carol) is None
    finally:
        carol.dispose()
    assert jobs.list_jobs(db, all_users=True, with_reasons=False) == []
    assert _last_run(db) is not None
