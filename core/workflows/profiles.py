"""Saved profiles (an operation with its parameters, queue, priority, label, and a cron schedule) and chains
(profiles run one after the other, and a ``finally`` step): their rules and SQL.

Names belong to their owner: two people may each have a profile called ``nightly``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, delete, insert, select, update

from core.errors import ConflictError, NotFound, UsageError
from core.messages import define, msg
from core.records import iso
from core.store import settings
from core.store.db import Database
from core.store.schema import table, utcnow
from core.workflows import cron
from core.workflows.tables import Chain, Profile

define("profile.bad_name", "{kind} name {name!r}: use letters, digits, '.', '_' or '-' (at most 100 characters)")
define("profile.not_found", "no profile named {name!r} (see `asyncops profile list`)")
define("profile.in_chain", "profile {name!r} is a step of chain {chain!r}: remove the chain first")
define("profile.queue_unknown", "--queue: no queue named {queue!r} (queues: {queues:list})")
define("chain.not_found", "no chain named {name!r} (see `asyncops chain list`)")
define("chain.profile_unknown", "chain {chain!r}: no profile named {name!r} (save it with `asyncops profile save`)")

profile_t = table(Profile)
chain_t = table(Chain)
_NAME = re.compile(r"^\w[\w.\-]{0,99}$")


def check_name(name: str, kind: str = "profile") -> str:
    if not _NAME.match(name or ""):
        raise UsageError(msg("profile.bad_name", kind=kind, name=name), field="name")
    return name


def check_queue(db: Database, queue: str | None) -> str | None:
    if queue is None:
        return None
    names = [q.name for q in settings.get_queues(db)]
    if queue not in names:
        raise UsageError(msg("profile.queue_unknown", queue=queue, queues=names), field="queue")
    return queue


@dataclass(frozen=True)
class ProfileRecord:
    id: int
    owner: str
    name: str
    operation: str
    params: dict[str, Any]
    label: str | None
    queue: str | None
    priority: int
    schedule: str | None
    catch_up: str
    next_due: dt.datetime | None
    last_error: str | None

    @classmethod
    def from_row(cls, r: Any) -> ProfileRecord:
        return cls(
            r.id,
            r.owner,
            r.name,
            r.operation,
            dict(r.params or {}),
            r.label,
            r.queue,
            r.priority,
            r.schedule,
            r.catch_up,
            r.next_due,
            r.last_error,
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "owner": self.owner,
            "operation": self.operation,
            "params": self.params,
            "label": self.label,
            "queue": self.queue,
            "priority": self.priority,
            "schedule": self.schedule,
            "catch_up": self.catch_up,
            "next_due": iso(self.next_due),
            "last_error": self.last_error,
        }


@dataclass(frozen=True)
class ChainRecord:
    id: int
    owner: str
    name: str
    steps: tuple[str, ...]
    finally_profile: str | None
    schedule: str | None
    catch_up: str
    next_due: dt.datetime | None
    last_error: str | None

    @classmethod
    def from_row(cls, r: Any) -> ChainRecord:
        return cls(
            r.id,
            r.owner,
            r.name,
            tuple(r.steps or ()),
            r.finally_profile,
            r.schedule,
            r.catch_up,
            r.next_due,
            r.last_error,
        )

    @property
    def profiles(self) -> tuple[str, ...]:
        return self.steps + ((self.finally_profile,) if self.finally_profile else ())

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "owner": self.owner,
            "steps": list(self.steps),
            "finally": self.finally_profile,
            "schedule": self.schedule,
            "catch_up": self.catch_up,
            "next_due": iso(self.next_due),
            "last_error": self.last_error,
        }


# -- profiles ---------------------------------------------------------------------------------------
def save_profile(
    db: Database,
    *,
    owner: str,
    name: str,
    operation: str,
    params: dict[str, Any],
    label: str | None = None,
    queue: str | None = None,
    priority: int = 0,
    schedule: str | None = None,
    catch_up: str = "one",
    now: dt.datetime | None = None,
) -> ProfileRecord:
    """Create or replace ``owner``'s profile ``name`` (``params`` already validated). A schedule's first due time
    is the first one after ``now``: saving never runs anything."""
    check_name(name)
    check_queue(db, queue)
    catch_up = cron.check_catch_up(catch_up)
    schedule = cron.check(schedule) if schedule else None
    now = now or utcnow()
    values = {
        "operation": operation,
        "params": params,
        "label": label,
        "queue": queue,
        "priority": int(priority),
        "schedule": schedule,
        "catch_up": catch_up,
        "next_due": cron.next_after(schedule, now) if schedule else None,
        "last_error": None,
        "updated_at": now,
    }
    _upsert(db, profile_t, owner, name, now, values)
    return get_profile(db, owner, name)


def _upsert(db: Database, t: Table, owner: str, name: str, now: dt.datetime, values: dict[str, Any]) -> None:
    """Save the owner's row of that name: update it, or insert it (with its creation time) when new."""
    with db.connect_write() as conn:
        found = conn.execute(update(t).where(t.c.owner == owner, t.c.name == name).values(**values)).rowcount
        if not found:
            conn.execute(insert(t), {"owner": owner, "name": name, "created_at": now, **values})


def _one(db: Database, t: Table, owner: str, name: str, missing: str) -> Any:
    """The owner's row of that name, or NotFound with the ``missing`` message."""
    with db.connect_read() as conn:
        row = conn.execute(select(t).where(t.c.owner == owner, t.c.name == name)).first()
    if row is None:
        raise NotFound(msg(missing, name=name))
    return row


def get_profile(db: Database, owner: str, name: str) -> ProfileRecord:
    return ProfileRecord.from_row(_one(db, profile_t, owner, name, "profile.not_found"))


def list_profiles(db: Database, owner: str) -> list[ProfileRecord]:
    with db.connect_read() as conn:
        rows = conn.execute(select(profile_t).where(profile_t.c.owner == owner).order_by(profile_t.c.name))
        return [ProfileRecord.from_row(r) for r in rows]


def remove_profile(db: Database, owner: str, name: str) -> None:
    """Refused (exit 2) while a chain of the owner names it; NotFound (exit 3) when there is no such profile."""
    get_profile(db, owner, name)
    with db.connect_write() as conn:
        for ch in conn.execute(select(chain_t).where(chain_t.c.owner == owner)):
            if name in ChainRecord.from_row(ch).profiles:
                raise ConflictError(msg("profile.in_chain", name=name, chain=ch.name))
        conn.execute(delete(profile_t).where(profile_t.c.owner == owner, profile_t.c.name == name))


# -- chains -----------------------------------------------------------------------------------------
def save_chain(
    db: Database,
    *,
    owner: str,
    name: str,
    steps: Sequence[str],
    finally_profile: str | None = None,
    schedule: str | None = None,
    catch_up: str = "one",
    now: dt.datetime | None = None,
) -> ChainRecord:
    check_name(name, "chain")
    catch_up = cron.check_catch_up(catch_up)
    schedule = cron.check(schedule) if schedule else None
    known = {p.name for p in list_profiles(db, owner)}
    for p in [*steps, *([finally_profile] if finally_profile else [])]:
        if p not in known:
            raise NotFound(msg("chain.profile_unknown", chain=name, name=p))
    now = now or utcnow()
    values = {
        "steps": list(steps),
        "finally_profile": finally_profile,
        "schedule": schedule,
        "catch_up": catch_up,
        "next_due": cron.next_after(schedule, now) if schedule else None,
        "last_error": None,
        "updated_at": now,
    }
    _upsert(db, chain_t, owner, name, now, values)
    return get_chain(db, owner, name)


def get_chain(db: Database, owner: str, name: str) -> ChainRecord:
    return ChainRecord.from_row(_one(db, chain_t, owner, name, "chain.not_found"))


def list_chains(db: Database, owner: str) -> list[ChainRecord]:
    with db.connect_read() as conn:
        rows = conn.execute(select(chain_t).where(chain_t.c.owner == owner).order_by(chain_t.c.name))
        return [ChainRecord.from_row(r) for r in rows]


def remove_chain(db: Database, owner: str, name: str) -> None:
    with db.connect_write() as conn:
        gone = conn.execute(delete(chain_t).where(chain_t.c.owner == owner, chain_t.c.name == name)).rowcount
    if not gone:
        raise NotFound(msg("chain.not_found", name=name))


def set_error(db: Database, kind: str, target_id: int, error: str | None) -> None:
    t = profile_t if kind == "profile" else chain_t
    with db.connect_write() as conn:
        conn.execute(update(t).where(t.c.id == target_id).values(last_error=error))
