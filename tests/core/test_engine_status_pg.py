"""`asyncops engine status` on PostgreSQL judges every engine by its advisory lock, whatever its host: an engine on
another host whose lock is held is alive, one whose lock is free is gone — never by its heartbeat's age."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from sqlalchemy import create_engine, insert, text

from core.cli import main
from core.store import liveness
from core.store.db import Database
from core.store.schema import EngineRow, table
from tests.conftest import SERVER

pytestmark = pytest.mark.skipif(not SERVER, reason="PostgreSQL: liveness by advisory locks")


def _row(db: Database, engine_id: str) -> None:
    long_ago = dt.datetime.now(dt.UTC) - dt.timedelta(hours=3)  # a heartbeat far too old to prove anything
    with db.connect_write() as conn:
        conn.execute(
            insert(table(EngineRow)).values(
                id=engine_id,
                host="render-farm-7",
                pid=4242,
                kind="worker",
                queues=[],
                started_at=long_ago,
                heartbeat_at=long_ago,
            )
        )


def test_other_hosts_engines_are_judged_by_their_lock(db: Database, capsys: Any) -> None:
    _row(db, "render-farm-7:4242:alive")
    _row(db, "render-farm-7:4243:gone")
    holder = create_engine(db.url)  # the live engine's own session, holding its lock as an engine does
    try:
        with holder.connect() as conn:
            key = f"hashtext('{liveness.NAMESPACE}'), hashtext(:e)"
            assert conn.execute(text(f"SELECT pg_try_advisory_lock({key})"), {"e": "render-farm-7:4242:alive"}).scalar()
            assert main(["engine", "status", "--json"]) == 0
            rows = {e["id"]: e["alive"] for e in json.loads(capsys.readouterr().out)}
            assert rows == {"render-farm-7:4242:alive": True, "render-farm-7:4243:gone": False}
    finally:
        holder.dispose()
