"""Typed configuration stored in the database, so the GUI, the CLI and every worker agree.

Keys of ``asyncops config set KEY VALUE``:
``queue.<name>.kind|max_parallel|retries|retry_delay|priority|operations|workers_only``,
``threshold.<operation>.<counted item>``, ``purge.time`` (HH:MM), ``purge.days``, ``purge.failed_days``,
``purge.keep``, ``admins`` (SQLite) and ``smtp.host|port|security|user|password|from``.

A person's e-mail notifications (:func:`get_notify`, :func:`set_notify`) are rows of their own.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from dataclasses import asdict, dataclass, field, replace
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError

from core.errors import NotFound, UsageError
from core.messages import define, msg
from core.operations import registry
from core.status import TERMINAL, JobStatus
from core.store.schema import Job, NotifyPref, QueuePause, QueueRow, Setting, table, utcnow

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from core.store.db import Database

define("queue.bad_name", "queue name '{name}': use 1-100 letters, digits, '-' or '_'")
define("queue.bad_kind", "queue {queue}: kind must be one of {kinds:list}, not '{kind}'")
define("queue.bad_parallel", "queue {queue}: max_parallel must be between 1 and 256, not {value}")
define("queue.bad_retries", "queue {queue}: retries must be between 0 and 100, not {value}")
define("queue.bad_delay", "queue {queue}: retry_delay must be 0 to 86400 seconds, not {value}")
define("queue.not_found", "no queue named '{name}'")
define("queue.unknown_ops", "queue {queue}: unknown operation(s) {ops:list}")
define("queue.default_kept", "the default queue cannot be removed")
define("queue.busy", "queue {queue} still has unfinished jobs (for example #{job}); stop them first")
define("threshold.unknown_op", "threshold: unknown operation '{operation}'")
define("threshold.unknown_item", "threshold: {operation} counts no '{item}' (it counts: {counted})")
define("threshold.negative", "threshold.{operation}.{item} must be 0 or more, not {value}")
define("purge.bad_time", "purge.time must be HH:MM (00:00 to 23:59), not '{value}'")
define("purge.bad_days", "purge.{name} must be 0 to 36500 days, not {value}")
define("purge.bad_keep", "purge.keep must be 0 to 10000000 jobs, not {value}")

DEFAULT_QUEUE = "default"
QUEUE_KINDS = ("ordered", "parallel")
QUEUE_NAME = re.compile(r"^[A-Za-z0-9_-]{1,100}$")


def default_parallel() -> int:
    return max(1, (os.cpu_count() or 2) // 2)


@dataclass(frozen=True)
class QueueConfig:
    name: str
    kind: str = "parallel"
    max_parallel: int = field(default_factory=default_parallel)
    retries: int = 0
    retry_delay: float = 2.0
    priority: int = 0
    operations: tuple[str, ...] = ()
    paused: bool = False
    workers_only: bool = False  # the window's engine leaves its jobs to `asyncops worker` processes

    @property
    def capacity(self) -> int:
        """How many jobs may be ACTIVE at once (an ordered queue runs one at a time)."""
        return 1 if self.kind == "ordered" else self.max_parallel

    def validated(self) -> QueueConfig:
        if not QUEUE_NAME.match(self.name):
            raise UsageError(msg("queue.bad_name", name=self.name), field="name")
        if self.kind not in QUEUE_KINDS:
            raise UsageError(
                msg("queue.bad_kind", queue=self.name, kinds=list(QUEUE_KINDS), kind=self.kind), field="kind"
            )
        if not 1 <= self.max_parallel <= 256:
            raise UsageError(msg("queue.bad_parallel", queue=self.name, value=self.max_parallel), field="max_parallel")
        if not 0 <= self.retries <= 100:
            raise UsageError(msg("queue.bad_retries", queue=self.name, value=self.retries), field="retries")
        if not 0 <= self.retry_delay <= 86400:
            raise UsageError(msg("queue.bad_delay", queue=self.name, value=self.retry_delay), field="retry_delay")
        return self

    @classmethod
    def from_row(cls, row: Any) -> QueueConfig:
        """From a QueueRow or a Core row of the queues table."""
        return cls(
            name=row.name,
            kind=row.kind,
            max_parallel=row.max_parallel,
            retries=row.retries,
            retry_delay=float(row.retry_delay),
            priority=row.priority,
            operations=tuple(row.operations or ()),
            paused=bool(row.paused),
            workers_only=bool(row.workers_only),
        )


@dataclass(frozen=True)
class PurgeConfig:
    time: str = "01:00"
    days: int = 7
    failed_days: int = 30
    keep: int = 10_000

    @property
    def hour_minute(self) -> tuple[int, int]:
        h, m = self.time.split(":")
        return int(h), int(m)


# -- helpers ----------------------------------------------------------------------------------------
def _get(session: Session, key: str, default: Any = None) -> Any:
    row = session.get(Setting, key)
    return default if row is None else row.value


def _put(session: Session, key: str, value: Any) -> None:
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value


def ensure_defaults(db: Database) -> None:
    """The default queue exists from the start."""
    if getattr(db, "_defaults_ok", False):
        return
    with db.read() as s:
        exists = s.get(QueueRow, DEFAULT_QUEUE) is not None
    if not exists:
        try:
            with db.write() as s:
                if s.get(QueueRow, DEFAULT_QUEUE) is None:
                    s.add(_row_of(QueueConfig(DEFAULT_QUEUE)))
        except IntegrityError:
            # another client (or thread: PostgreSQL runs write transactions side by side) added it between our
            # look and our insert: it exists, which is all this wanted
            pass
    db._defaults_ok = True  # type: ignore[attr-defined]


def _row_of(cfg: QueueConfig) -> QueueRow:
    d = asdict(cfg)
    d["operations"] = list(cfg.operations)
    return QueueRow(**d)


# -- queues -----------------------------------------------------------------------------------------
def get_queues(db: Database) -> list[QueueConfig]:
    ensure_defaults(db)
    with db.read() as s:
        return [QueueConfig.from_row(r) for r in s.scalars(select(QueueRow).order_by(QueueRow.name))]


def get_queue(db: Database, name: str) -> QueueConfig:
    with db.read() as s:
        row = s.get(QueueRow, name)
        if row is None:
            raise NotFound(msg("queue.not_found", name=name), field="queue")
        return QueueConfig.from_row(row)


def save_queue(db: Database, cfg: QueueConfig) -> QueueConfig:
    cfg = cfg.validated()

    unknown = [op for op in cfg.operations if op not in registry]
    if unknown:
        raise UsageError(msg("queue.unknown_ops", queue=cfg.name, ops=unknown), field="operations")
    with db.write() as s:
        row = s.get(QueueRow, cfg.name)
        was_paused = False if row is None else bool(row.paused)
        if row is None:
            s.add(_row_of(cfg))
        else:
            for k, v in asdict(cfg).items():
                setattr(row, k, list(v) if k == "operations" else v)
        if cfg.paused != was_paused:
            s.flush()
            _record_pauses(s, [cfg.name], cfg.paused)
    return cfg


def _record_pauses(bind: Any, names: list[str], paused: bool) -> None:
    """The queues ``names`` were just paused (or resumed): their pause history, in the caller's transaction."""
    if not names:
        return
    pauses = table(QueuePause)
    now = utcnow()
    if paused:
        bind.execute(pauses.insert(), [{"queue": n, "paused_at": now} for n in names])
    else:
        bind.execute(
            update(pauses).where(pauses.c.queue.in_(names), pauses.c.resumed_at.is_(None)).values(resumed_at=now)
        )


def pauses_between(
    db: Database, since: dt.datetime, until: dt.datetime
) -> dict[str, list[tuple[dt.datetime, dt.datetime | None]]]:
    """Each queue's pauses that overlap [since, until]: (paused at, resumed at or None while paused), oldest first."""
    pauses = table(QueuePause)
    with db.connect_read() as conn:
        rows = conn.execute(
            select(pauses.c.queue, pauses.c.paused_at, pauses.c.resumed_at)
            .where(pauses.c.paused_at <= until, (pauses.c.resumed_at.is_(None)) | (pauses.c.resumed_at >= since))
            .order_by(pauses.c.paused_at)
        ).all()
    out: dict[str, list[tuple[dt.datetime, dt.datetime | None]]] = {}
    for r in rows:
        out.setdefault(r.queue, []).append((r.paused_at, r.resumed_at))
    return out


def delete_queue(db: Database, name: str) -> None:

    if name == DEFAULT_QUEUE:
        raise UsageError(msg("queue.default_kept"))
    with db.write() as s:
        if s.get(QueueRow, name) is None:
            raise NotFound(msg("queue.not_found", name=name), field="queue")
        pending = s.scalar(
            # by the statuses' index (the jobs of a queue have no index of their own but the QUEUED ones')
            select(Job.id)
            .where(Job.status.in_([str(x) for x in JobStatus if x not in TERMINAL]), Job.queue == name)
            .limit(1)
        )
        if pending is not None:
            raise UsageError(msg("queue.busy", queue=name, job=pending))
        s.execute(delete(QueueRow).where(QueueRow.name == name))


def set_paused(db: Database, name: str, paused: bool) -> QueueConfig:
    with db.write() as s:
        row = s.get(QueueRow, name)
        if row is None:
            raise NotFound(msg("queue.not_found", name=name), field="queue")
        if bool(row.paused) != paused:
            row.paused = paused
            s.flush()
            _record_pauses(s, [name], paused)
        return QueueConfig.from_row(row)


def set_all_paused(db: Database, paused: bool) -> int:
    """Every queue paused (running jobs finish, nothing new starts) or resumed, in one statement: a queue added
    meanwhile is caught too. Returns how many queues there are."""
    ensure_defaults(db)
    queues = table(QueueRow)
    with db.connect_write() as conn:
        changing = list(conn.execute(select(queues.c.name).where(queues.c.paused != paused)).scalars())
        count = conn.execute(update(queues).values(paused=paused)).rowcount
        _record_pauses(conn, changing, paused)
        return count


def queue_for_operation(queues: list[QueueConfig], operation: str) -> QueueConfig:
    """The queue that takes ``operation``: the first that lists it, else the default queue."""
    for q in queues:
        if operation in q.operations:
            return q
    for q in queues:
        if q.name == DEFAULT_QUEUE:
            return q
    raise NotFound("the default queue is missing")


# -- thresholds -------------------------------------------------------------------------------------
def get_thresholds(db: Database) -> dict[str, dict[str, int]]:
    """Per operation and counted item: registered defaults overlaid with the database's values."""

    out = {op.name: dict(op.default_thresholds) for op in registry.all() if op.counted_items}
    with db.read() as s:
        for row in s.scalars(select(Setting).where(Setting.key.startswith("threshold."))):
            _, op, item = row.key.split(".", 2)
            out.setdefault(op, {})[item] = int(row.value)
    return out


def set_threshold(db: Database, operation: str, item: str, value: int) -> None:
    save_thresholds(db, {(operation, item): value})


def save_thresholds(db: Database, values: dict[tuple[str, str], int]) -> None:
    """Check every (operation, item) -> value first, then write them all in one transaction."""
    for (operation, item), value in values.items():
        _check_threshold(operation, item, int(value))
    with db.write() as s:
        for (operation, item), value in values.items():
            _put(s, f"threshold.{operation}.{item}", int(value))


def _check_threshold(operation: str, item: str, value: int) -> None:
    if operation not in registry:
        raise UsageError(msg("threshold.unknown_op", operation=operation), field=f"{operation}.{item}")
    op = registry.get(operation)
    if item not in op.counted_items:
        counted = ", ".join(op.counted_items) or "none"
        raise UsageError(
            msg("threshold.unknown_item", operation=operation, item=item, counted=counted), field=f"{operation}.{item}"
        )
    if value < 0:
        raise UsageError(
            msg("threshold.negative", operation=operation, item=item, value=value), field=f"{operation}.{item}"
        )


# -- purge and admins -------------------------------------------------------------------------------
def get_purge(db: Database) -> PurgeConfig:
    d = PurgeConfig()
    with db.read() as s:
        return PurgeConfig(
            time=_get(s, "purge.time", d.time),
            days=int(_get(s, "purge.days", d.days)),
            failed_days=int(_get(s, "purge.failed_days", d.failed_days)),
            keep=int(_get(s, "purge.keep", d.keep)),
        )


def save_purge(db: Database, cfg: PurgeConfig) -> PurgeConfig:
    validate_purge(cfg)
    with db.write() as s:
        for k, v in asdict(cfg).items():
            _put(s, f"purge.{k}", v)
    return cfg


def validate_purge(cfg: PurgeConfig) -> None:
    """Raise UsageError naming the first bad field (the GUI checks before it writes anything)."""
    if not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", cfg.time):
        raise UsageError(msg("purge.bad_time", value=cfg.time), field="time")
    for name in ("days", "failed_days"):
        v = getattr(cfg, name)
        if not 0 <= v <= 36500:
            raise UsageError(msg("purge.bad_days", name=name, value=v), field=name)
    if not 0 <= cfg.keep <= 10_000_000:
        raise UsageError(msg("purge.bad_keep", value=cfg.keep), field="keep")


def get_admins(db: Database) -> list[str]:
    with db.read() as s:
        return list(_get(s, "admins", []) or [])


def get_value(db: Database, key: str, default: Any = None) -> Any:
    with db.read() as s:
        return _get(s, key, default)


def put_value(db: Database, key: str, value: Any) -> None:
    """Internal bookkeeping values (e.g. ``purge.last_run``), not part of ``config set``."""
    with db.write() as s:
        _put(s, key, value)


# -- e-mail -----------------------------------------------------------------------------------------
SMTP_SECURITY = ("none", "starttls", "ssl")
SMTP_KEYS = ("host", "port", "security", "user", "password", "from")
NOTIFY_WHEN = ("all", "failed", "warnings")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+$")


@dataclass(frozen=True)
class SmtpConfig:
    host: str = ""
    port: int = 25
    security: str = "none"
    user: str = ""
    password: str = field(default="", repr=False)  # never in a repr, a log line or `config show`
    sender: str = ""

    @property
    def configured(self) -> bool:
        return bool(self.host)


def get_smtp(db: Database) -> SmtpConfig:
    """The SMTP settings (the password is readable by admins and workers only on PostgreSQL)."""
    with db.read() as s:
        rows = {r.key: r.value for r in s.scalars(select(Setting).where(Setting.key.startswith("smtp.")))}
    d = SmtpConfig()
    return SmtpConfig(
        host=str(rows.get("smtp.host", d.host)),
        port=int(rows.get("smtp.port", d.port)),
        security=str(rows.get("smtp.security", d.security)),
        user=str(rows.get("smtp.user", d.user)),
        password=str(rows.get("smtp.password", d.password)),
        sender=str(rows.get("smtp.from", d.sender)),
    )


def _set_smtp(db: Database, attr: str, value: str) -> None:
    key = f"smtp.{attr}"
    v: Any = value.strip() if attr != "password" else value
    if attr == "port":
        v = _parse_int(key, value)
        if not 1 <= v <= 65535:
            raise UsageError(f"{key} must be 1 to 65535, not {v}")
    elif attr == "security" and v not in SMTP_SECURITY:
        raise UsageError(f"{key} must be one of {', '.join(SMTP_SECURITY)}, not {value!r}")
    elif attr == "from" and v and not EMAIL.match(v):
        raise UsageError(f"{key} must be an e-mail address, not {value!r}")
    elif attr not in SMTP_KEYS:
        raise UsageError(f"unknown key {key!r}: smtp has {', '.join(SMTP_KEYS)}")
    with db.write() as s:
        _put(s, key, v)


@dataclass(frozen=True)
class NotifyConfig:
    owner: str
    email: str
    when: str = "all"


def get_notify(db: Database, owner: str) -> NotifyConfig | None:
    with db.read() as s:
        row = s.get(NotifyPref, owner)
        return None if row is None else NotifyConfig(row.owner, row.email, row.when)


def set_notify(db: Database, owner: str, email: str, when: str = "all") -> NotifyConfig:
    email = email.strip()
    if not EMAIL.match(email):
        raise UsageError(f"--email: {email!r} is not an e-mail address")
    if when not in NOTIFY_WHEN:
        raise UsageError(f"--when must be one of {', '.join(NOTIFY_WHEN)}, not {when!r}")
    with db.write() as s:
        row = s.get(NotifyPref, owner)
        if row is None:
            s.add(NotifyPref(owner=owner, email=email, when=when, updated_at=utcnow()))
        else:
            row.email, row.when, row.updated_at = email, when, utcnow()
    return NotifyConfig(owner, email, when)


def clear_notify(db: Database, owner: str) -> bool:
    with db.write() as s:
        return bool(s.execute(delete(NotifyPref).where(NotifyPref.owner == owner)).rowcount)  # type: ignore[attr-defined]


# -- `config show` / `config set` -------------------------------------------------------------------
def show(db: Database) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for q in get_queues(db):
        for k in ("kind", "max_parallel", "retries", "retry_delay", "priority", "operations", "paused", "workers_only"):
            v = getattr(q, k)
            out[f"queue.{q.name}.{k}"] = list(v) if isinstance(v, tuple) else v
    for op, items in sorted(get_thresholds(db).items()):
        for item, v in sorted(items.items()):
            out[f"threshold.{op}.{item}"] = v
    for k, v in asdict(get_purge(db)).items():
        out[f"purge.{k}"] = v
    out["admins"] = get_admins(db)
    smtp = get_smtp(db)
    for k in SMTP_KEYS:
        if k == "password":  # never shown: only whether one is set (and on PostgreSQL only to admins)
            out["smtp.password"] = "(set)" if smtp.password else ""
        else:
            out[f"smtp.{k}"] = getattr(smtp, "sender" if k == "from" else k)
    return out


def _parse_int(key: str, text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise UsageError(f"{key} must be a whole number, not {text!r}") from None


def _parse_float(key: str, text: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise UsageError(f"{key} must be a number, not {text!r}") from None


def _parse_bool(key: str, text: str) -> bool:
    t = text.strip().lower()
    if t in ("true", "yes", "1", "on"):
        return True
    if t in ("false", "no", "0", "off"):
        return False
    raise UsageError(f"{key} must be true or false, not {text!r}")


def parse_list(text: str) -> list[str]:
    """A JSON array or a comma-separated string."""
    text = text.strip()
    if text.startswith("["):
        try:
            value = json.loads(text)
        except json.JSONDecodeError as exc:
            raise UsageError(f"not a valid JSON list: {exc}") from None
        if not isinstance(value, list):
            raise UsageError("expected a JSON list")
        return [str(x) for x in value]
    return [x.strip() for x in text.split(",") if x.strip()]


def set_key(db: Database, key: str, value: str) -> None:
    """Validate and store one configuration value; a bad key or value raises UsageError and changes nothing."""
    parts = key.split(".")
    if parts[0] == "queue" and len(parts) == 3:
        _, name, attr = parts
        try:
            cfg = get_queue(db, name)
        except NotFound:
            cfg = QueueConfig(name)
        if attr == "kind":
            cfg = replace(cfg, kind=value)
        elif attr == "max_parallel":
            cfg = replace(cfg, max_parallel=_parse_int(key, value))
        elif attr == "retries":
            cfg = replace(cfg, retries=_parse_int(key, value))
        elif attr == "retry_delay":
            cfg = replace(cfg, retry_delay=_parse_float(key, value))
        elif attr == "priority":
            cfg = replace(cfg, priority=_parse_int(key, value))
        elif attr == "operations":
            cfg = replace(cfg, operations=tuple(parse_list(value)))
        elif attr == "workers_only":
            cfg = replace(cfg, workers_only=_parse_bool(key, value))
        else:
            raise UsageError(
                f"unknown key {key!r}: a queue has kind, max_parallel, retries, retry_delay, priority, operations, "
                "workers_only"
            )
        save_queue(db, cfg)
    elif parts[0] == "threshold" and len(parts) == 3:
        set_threshold(db, parts[1], parts[2], _parse_int(key, value))
    elif parts[0] == "purge" and len(parts) == 2:
        purge_cfg = get_purge(db)
        attr = parts[1]
        if attr == "time":
            purge_cfg = replace(purge_cfg, time=value)
        elif attr in ("days", "failed_days", "keep"):
            purge_cfg = replace(purge_cfg, **{attr: _parse_int(key, value)})  # type: ignore[arg-type]
        else:
            raise UsageError(f"unknown key {key!r}: purge has time, days, failed_days, keep")
        save_purge(db, purge_cfg)
    elif parts[0] == "smtp" and len(parts) == 2:
        _set_smtp(db, parts[1], value)
    elif key == "admins":
        if not db.is_sqlite:
            raise UsageError(
                "on PostgreSQL an admin is a member of the asyncops_admin role: asyncops team add-user NAME --admin"
            )
        names = parse_list(value)
        with db.write() as s:
            _put(s, "admins", names)
    else:
        raise UsageError(
            f"unknown key {key!r}; keys are queue.<name>.<field>, threshold.<operation>.<item>, "
            "purge.time|days|failed_days|keep, admins and smtp.host|port|security|user|password|from"
        )
