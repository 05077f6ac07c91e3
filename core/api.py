"""The Tracker: the one door into the core for the window and the command line.

A client holds one :class:`Tracker` (as Anki's GUI holds its ``Collection``). It owns the database, the event
bus, the identity (who is asking, and whether they are an admin) and the operation set, and offers:

- reads: :meth:`job`, :meth:`jobs`, :meth:`job_ids`, :meth:`snapshots`, :meth:`counts`, :meth:`log`,
  :meth:`changes_since`;
- one launch decision: :meth:`check` validates the parameters and estimates the size once, giving a
  :class:`Launch` (validated parameters plus its :class:`Plan`); :meth:`launch` records it, and runs it at once
  through the attached engine when the plan says so;
- mutations that publish their own events and return what changed: :meth:`stop`, :meth:`remove`,
  :meth:`retry`, :meth:`undo`, :meth:`purge`, and the settings.

All SQL sits below it in the store modules; clients never open sessions themselves.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TextIO

from core import export, library
from core.engine import housekeeping
from core.errors import ConflictError, NotAllowed, UsageError
from core.events import EventBus, EventKind, JobEvent
from core.files import replacing as replacing  # the window writes its CSV files as the core does
from core.messages import Message, define, msg
from core.operations import DryRun, Operation, OperationEnv, Registry, registry
from core.records import JobSnapshot, LogEntry, iso
from core.store import jobs, outbox, pauses, settings
from core.store.db import Database
from core.store.schema import utcnow
from core.store.settings import NotifyConfig, PurgeConfig, QueueConfig
from core.users import admins_named, current_user, is_admin
from core.workflows import items
from core.workflows.facade import Workflows
from core.workflows.timeline import Bar as Bar  # the window draws these: its door is this module
from core.workflows.timeline import Timeline as Timeline
from core.workflows.timeline import Wait as Wait

if TYPE_CHECKING:
    from collections.abc import Callable
    from concurrent.futures import Future

    from core.engine import Engine
    from core.service import ChannelClient, EngineInfo, EngineStatus

define("plan.above", "runs in the background: above the threshold ({items:list})")
define("plan.under", "runs now: under the thresholds ({items:list})")
define("plan.no_threshold_now", "runs now: the operation has no threshold")
define("plan.no_threshold_queue", "goes to its queue: the operation has no threshold")
define("plan.chosen_queue", "goes to its queue: a queue or a start time was chosen")
define("undo.not_finished", "job #{id} is {status}: only a finished job can be undone")
define("undo.impossible", "job #{id} ({operation}) cannot be undone")
define("undo.label", "Undo #{id}: {label}")
define(
    "undo.done", "job #{id} is already undone by job #{by} ({status}): undoing it again would act on what is there now"
)
define("users.not_admin", "{user} is not an admin: not allowed")
define("job.no_dry_run", "{operation} has no dry run")
define("launch.at_past", "the start time {when:time} is in the past: leave it empty to start now")


SORT_KEYS = jobs.SORT_KEYS  # what a list of jobs can be sorted by (Tracker.job_ids)


@dataclass(frozen=True)
class Plan:
    """Where a run goes: now (``inline``, under every threshold) or the background queue, and why."""

    inline: bool
    counts: dict[str, int]
    thresholds: dict[str, int]
    reason: Message


@dataclass(frozen=True)
class Launch:
    """A checked launch: the operation, its validated parameters, and its plan. Made by :meth:`Tracker.check`."""

    operation: str
    params: dict[str, Any]
    plan: Plan
    label: str


@dataclass(frozen=True)
class JobFilter:
    """What a list shows: whose jobs, which statuses and operation, free text, the saved profile they came from
    and who started them (``origin``: "manual" for a person, "schedule")."""

    all_users: bool = False
    statuses: tuple[str, ...] = ()
    operation: str | None = None
    search: str | None = None
    profile: str | None = None
    origin: str | None = None

    def kwargs(self) -> dict[str, Any]:
        return {
            "all_users": self.all_users,
            "statuses": list(self.statuses) or None,
            "operation": self.operation,
            "search": self.search or None,
            "profile": self.profile or None,
            "origin": self.origin or None,
        }


@dataclass(frozen=True)
class Changes:
    """What changed since a time: rows to re-read and ids that are gone."""

    changed: list[JobSnapshot] = field(default_factory=list)
    removed: list[int] = field(default_factory=list)


class Tracker:
    """The core's facade. Thread-safe: it holds no per-call state, only the database and the identity."""

    def __init__(
        self,
        db: Database | str | None = None,
        *,
        user: str | None = None,
        operations: Registry | None = None,
        bus: EventBus | None = None,
        create: bool = False,
    ) -> None:
        self.db = db if isinstance(db, Database) else Database(db, create=create)
        # PostgreSQL: the session's role, whatever was asked (the server enforces it); SQLite: the person named.
        self.user = current_user(self.db) if not self.db.is_sqlite else (user or current_user())
        self.operations = operations or registry
        self.bus = bus if bus is not None else EventBus()
        self.engine: Engine | None = None
        self.service_client = False  # a client of the local engine service (the window): see below
        self.workflows = Workflows(self)

    @classmethod
    def without_database(cls) -> Tracker:
        """For what needs no database (``asyncops operations``): an in-memory one."""
        return cls(Database("sqlite://", memory=True))

    # -- identity -----------------------------------------------------------------------------------
    @property
    def admin(self) -> bool:
        return is_admin(self.db, self.user)

    def require_admin(self) -> None:
        """Configuration, queues, libraries and others' jobs need an admin. A database with no admin named yet
        (one person's new file, or a PostgreSQL database before ``asyncops team init``) lets its user configure
        it; once ``admins`` names someone (SQLite) or the team exists (PostgreSQL), only admins can."""
        if not self.admin and admins_named(self.db):
            raise NotAllowed(msg("users.not_admin", user=self.user))

    def _scope(self, flt: JobFilter | None) -> dict[str, Any]:
        flt = flt or JobFilter()
        if flt.all_users and not self.admin:
            raise NotAllowed(msg("users.not_admin", user=self.user))
        return {"user": self.user, **flt.kwargs()}

    def close(self) -> None:
        self.db.dispose()

    def attach(self, engine: Engine | None) -> None:
        """The engine that runs launches whose plan says "now" (the window's local one, or ``run``'s)."""
        self.engine = engine

    def _publish(self, kind: EventKind, snap: JobSnapshot | None = None, job_id: int | None = None) -> None:
        self.bus.publish(JobEvent(kind, snap.id if snap is not None else int(job_id or 0), job=snap))
        if self.engine is not None and kind is EventKind.CREATED:
            self.engine.wake()
        elif self.service_client and kind is EventKind.CREATED and snap is not None:
            self.wake_engine([snap])

    # -- reads --------------------------------------------------------------------------------------
    def job(self, job_id: int) -> JobSnapshot:
        return jobs.get(self.db, job_id, user=self.user, admin=self.admin)

    def jobs(self, flt: JobFilter | None = None, *, limit: int | None = None, offset: int = 0) -> list[JobSnapshot]:
        return jobs.list_jobs(self.db, **self._scope(flt), limit=limit, offset=offset)

    def count(self, flt: JobFilter | None = None) -> int:
        return jobs.count_jobs(self.db, **self._scope(flt))

    def job_ids(self, flt: JobFilter | None = None, *, sort: str = "id", descending: bool = True) -> list[int]:
        return jobs.job_ids(self.db, **self._scope(flt), sort=sort, descending=descending)

    def snapshots(self, ids: Sequence[int]) -> list[JobSnapshot]:
        """The jobs of ``ids`` this person may see, with their waiting reasons (order not kept)."""
        admin = self.admin
        return jobs.annotate(self.db, [s for s in jobs.get_many(self.db, ids) if admin or s.owner == self.user])

    def counts(self, flt: JobFilter | None = None) -> dict[str, int]:
        """Jobs per status under ``flt`` (the status filter itself aside, so every status is counted)."""
        scope = self._scope(flt)
        scope.pop("statuses", None)
        return jobs.count_by_status(self.db, **scope)

    def log(
        self, job_id: int, *, after_id: int = 0, levels: Iterable[str] | None = None, limit: int | None = None
    ) -> list[LogEntry]:
        self.job(job_id)  # visibility
        return jobs.log_of(self.db, job_id, after_id=after_id, levels=levels, limit=limit)

    def changes_since(self, since: dt.datetime, *, all_users: bool = False) -> Changes:
        changed = jobs.changed_since(self.db, since, user=self.user, all_users=all_users and self.admin)
        return Changes(jobs.annotate(self.db, changed), jobs.removed_since(self.db, since))

    def operation(self, name: str) -> Operation:
        return self.operations.get(name)

    def display_label(self, snap: JobSnapshot) -> Message:
        """The job's label as data: a label its operation generated is rendered in the reader's language; a
        label a person typed stays as typed."""
        if snap.operation in self.operations:
            op = self.operation(snap.operation)
            try:
                generated = op.label_message(snap.params)
            except Exception:  # params of an older version: the stored text is what we have
                return Message.plain(snap.label)
            if generated.text == snap.label:
                return generated
        return Message.plain(snap.label)

    def operation_list(self, *, public: bool = False) -> list[Operation]:
        return [op for op in self.operations.all() if not (public and op.internal)]

    # -- libraries (the New operation form offers them by name) ---------------------------------------
    def library_names(self) -> list[tuple[str, str]]:
        """(name, root folder) of every library, by name."""
        return sorted((lib.name, str(lib.root)) for lib in library.list_libraries(self.db))

    # -- the launch decision ------------------------------------------------------------------------
    def env(self) -> OperationEnv:
        return OperationEnv(self.db, self.user)

    def check(
        self, operation: str, params: dict[str, Any], *, foreground: bool = True, validated: bool = False
    ) -> Launch:
        """Validate ``params`` and estimate the size once; the plan says whether it runs now or is queued.

        An operation that counts nothing (``command``) has no size to compare: it runs now when the person
        asked for the foreground (``asyncops run``) and goes to its queue otherwise (the window), so that the
        queue's max_parallel still holds. Raises ParamError naming the field (nothing written)."""
        op = self.operation(operation)
        env = self.env()
        clean = dict(params) if validated else op.validate(dict(params), env)
        counts = op.estimate(env, clean) if op.counted_items else {}
        thresholds = settings.get_thresholds(self.db).get(operation, {})
        over = [
            f"{item} {counts[item]} > {thresholds[item]}"
            for item in op.counted_items
            if item in counts and item in thresholds and counts[item] > thresholds[item]
        ]
        if over:
            plan = Plan(False, counts, thresholds, msg("plan.above", items=over))
        elif counts:
            under = [f"{k} {v} ≤ {thresholds.get(k, '∞')}" for k, v in counts.items()]
            plan = Plan(True, counts, thresholds, msg("plan.under", items=under))
        elif foreground:
            plan = Plan(True, counts, thresholds, msg("plan.no_threshold_now"))
        else:
            plan = Plan(False, counts, thresholds, msg("plan.no_threshold_queue"))
        return Launch(operation, clean, plan, op.label_for(clean))

    def dry_run(self, launch: Launch) -> DryRun:
        op = self.operation(launch.operation)
        if not op.supports_dry_run:
            raise UsageError(msg("job.no_dry_run", operation=op.name))
        return op.dry_run(self.env(), launch.params)

    def launch(
        self,
        launch: Launch,
        *,
        queue: str | None = None,
        priority: int = 0,
        at: str | dt.datetime | None = None,
        label: str | None = None,
        description: str | None = None,
        parent_id: int | None = None,
        now: bool | None = None,
        after: Sequence[int] = (),
        run_anyway: bool = False,
        profile: str | None = None,
        origin: str | None = None,
    ) -> tuple[JobSnapshot, Future[JobSnapshot] | None]:
        """Record the job. It runs at once in the attached engine when ``now`` (default: the plan's choice)
        and no queue or start time was chosen; the future then gives its final snapshot. A job that waits for
        others (``after``) or comes from a profile is recorded by :attr:`workflows` and never runs at once."""
        when = jobs.parse_at(at)
        if when is not None and when < utcnow() - dt.timedelta(seconds=60):
            raise UsageError(msg("launch.at_past", when=iso(when)), field="at")
        if after or run_anyway or profile is not None or origin is not None:
            snap = self.workflows.launch(
                launch,
                queue=queue,
                priority=priority,
                at=at,
                label=label,
                description=description,
                parent_id=parent_id,
                after=after,
                run_anyway=run_anyway,
                profile=profile,
                origin=origin,
            )
            return snap, None
        run_now = launch.plan.inline if now is None else now
        if run_now and queue is None and at is None and self.engine is not None:
            snap, future = self.engine.start_inline(
                launch.operation,
                launch.params,
                owner=self.user,
                priority=priority,
                label=label or launch.label,
                description=description,
                validate=False,
            )
            return snap, future
        snap = jobs.submit(
            self.db,
            launch.operation,
            launch.params,
            owner=self.user,
            queue=queue,
            priority=priority,
            at=when,
            label=label or launch.label,
            description=description,
            parent_id=parent_id,
            validate=False,
        )
        self._publish(EventKind.CREATED, snap)
        return snap, None

    def submit(self, operation: str, params: dict[str, Any] | None = None, **kw: Any) -> JobSnapshot:
        """Check and queue in one call (scripts, tests): never runs in this process."""
        launch = self.check(operation, params or {}, foreground=False)
        return self.launch(launch, now=False, **kw)[0]

    # -- mutations ----------------------------------------------------------------------------------
    def stop(self, job_id: int) -> JobSnapshot:
        if self.engine is not None and self.engine.context(job_id) is not None:
            return self.engine.stop_job(job_id, user=self.user, admin=self.admin)
        snap = jobs.request_stop(self.db, job_id, user=self.user, admin=self.admin)
        self._publish(EventKind.CHANGED, snap)
        return snap

    # pause and resume one running job (core.store.pauses): a request its engine honours at the job's next item
    def pause(self, job_id: int) -> JobSnapshot:
        snap = pauses.request_pause(self.db, job_id, user=self.user, admin=self.admin, operations=self.operations)
        return self._pause_reaches_engine(snap, True)

    def resume(self, job_id: int) -> JobSnapshot:
        snap = pauses.request_resume(self.db, job_id, user=self.user, admin=self.admin)
        return self._pause_reaches_engine(snap, False)

    def retry_failed_items(self, job_id: int) -> JobSnapshot:
        """A new job over the items of ``job_id`` that failed (core.workflows.items)."""
        snap = items.retry_failed_items(self.db, job_id, user=self.user, admin=self.admin, operations=self.operations)
        self._publish(EventKind.CREATED, snap)
        return snap

    def can_pause(self, snap: JobSnapshot) -> bool:
        """Whether the job's operation can pause (the window enables Pause with it; no database read)."""
        return snap.operation in self.operations and self.operation(snap.operation).pausable

    def _pause_reaches_engine(self, snap: JobSnapshot, wanted: bool) -> JobSnapshot:
        ctx = self.engine.context(snap.id) if self.engine is not None else None
        if ctx is not None:  # this process runs it: at once (other engines read the request within a tick)
            ctx.set_pause(wanted)
        self._publish(EventKind.CHANGED, snap)
        return snap

    def remove(self, job_id: int) -> None:
        jobs.remove(self.db, job_id, user=self.user, admin=self.admin)
        self._publish(EventKind.REMOVED, job_id=job_id)

    def retry(self, job_id: int) -> JobSnapshot:
        snap = jobs.retry(self.db, job_id, user=self.user, admin=self.admin)
        self._publish(EventKind.CREATED, snap)
        return snap

    def undo_launch(self, job_id: int) -> tuple[JobSnapshot, Launch]:
        """What undoing ``job_id`` would launch (for a confirmation), or why it cannot be undone."""
        j = self.job(job_id)
        if not j.status.is_terminal:
            raise ConflictError(msg("undo.not_finished", id=j.id, status=str(j.status)))
        op = self.operation(j.operation)
        inverse = op.undo(j.result, j.params)
        if inverse is None:
            raise UsageError(msg("undo.impossible", id=j.id, operation=j.operation))
        name, params = inverse
        done = jobs.undone_by(self.db, j.id, name, params)
        if done is not None:
            raise ConflictError(msg("undo.done", id=j.id, by=done.id, status=str(done.status)))
        return j, self.check(name, params, foreground=False)

    def can_undo(self, snap: JobSnapshot) -> bool:
        if not snap.status.is_terminal or snap.operation not in self.operations:
            return False
        return self.operation(snap.operation).undo(snap.result, snap.params) is not None

    def undo(self, job_id: int) -> JobSnapshot:
        j, launch = self.undo_launch(job_id)
        label = msg("undo.label", id=j.id, label=j.label).text
        return self.launch(launch, label=label, parent_id=j.id, now=False)[0]

    def purge(
        self,
        *,
        days: float | None = None,
        keep: int | None = None,
        failed_days: float | None = None,
        all_users: bool | None = None,
    ) -> int:
        """Delete finished jobs past their retention (admins: everybody's; others: their own). ``days`` alone
        applies to every finished job; with ``failed_days`` too, succeeded and other jobs keep their own.
        Asking for everybody's (``all_users=True``) without being an admin is NotAllowed, and nothing is deleted."""
        if all_users and not self.admin:
            raise NotAllowed(msg("users.not_admin", user=self.user))
        failed = days if failed_days is None else failed_days
        n = jobs.purge(self.db, days=days, failed_days=failed, keep=keep, owner=None if self.admin else self.user)
        if n:
            self._publish(EventKind.REMOVED)
        if self.db.is_sqlite or self.admin:  # who sees every job knows which trash entries no job can undo
            housekeeping.empty_trash(self.db, days if days is not None else self.purge_config().days)
        return n

    # -- export -------------------------------------------------------------------------------------
    def export_jobs(self, out: TextIO, flt: JobFilter | None = None, ids: Sequence[int] | None = None) -> int:
        """The job list as CSV (the jobs of ``ids`` in that order, or every job under ``flt``); rows written."""
        if ids is not None:
            by_id = {s.id: s for s in self.snapshots(ids)}
            rows = [by_id[i] for i in ids if i in by_id]
        else:
            rows = self.jobs(flt)
        return export.write_jobs(out, rows)

    def export_job(self, out: TextIO, job_id: int) -> int:
        """One job's details and log as CSV; lines written."""
        return export.write_job(out, self.job(job_id), self.log(job_id))

    # -- settings -----------------------------------------------------------------------------------
    def queues(self) -> list[QueueConfig]:
        return settings.get_queues(self.db)

    def save_queue(self, cfg: QueueConfig) -> QueueConfig:
        self.require_admin()
        return settings.save_queue(self.db, cfg)

    def delete_queue(self, name: str) -> None:
        self.require_admin()
        settings.delete_queue(self.db, name)

    def set_all_paused(self, paused: bool) -> int:
        """Every queue paused or resumed at once (the tray's Pause all queues); how many queues there are."""
        self.require_admin()
        n = settings.set_all_paused(self.db, paused)
        if not paused and self.engine is not None:
            self.engine.wake()
        return n

    def set_paused(self, queue: str, paused: bool) -> QueueConfig:
        self.require_admin()
        cfg = settings.set_paused(self.db, queue, paused)
        if not paused and self.engine is not None:
            self.engine.wake()
        return cfg

    def thresholds(self) -> dict[str, dict[str, int]]:
        return settings.get_thresholds(self.db)

    def save_thresholds(self, values: dict[tuple[str, str], int]) -> None:
        self.require_admin()
        settings.save_thresholds(self.db, values)

    def purge_config(self) -> PurgeConfig:
        return settings.get_purge(self.db)

    def save_purge(self, cfg: PurgeConfig) -> PurgeConfig:
        self.require_admin()
        return settings.save_purge(self.db, cfg)

    def config(self) -> dict[str, Any]:
        return settings.show(self.db)

    def notify_settings(self) -> NotifyConfig | None:
        """This person's e-mail notifications, if any."""
        return settings.get_notify(self.db, self.user)

    def set_notify(self, email: str, when: str = "all") -> NotifyConfig:
        return settings.set_notify(self.db, self.user, email, when)

    def notify_off(self) -> bool:
        return settings.clear_notify(self.db, self.user)

    def mail_waiting(self) -> int:
        """How many of this person's e-mails wait in the outbox for an engine that can send them."""
        return outbox.waiting(self.db, self.user)

    def set_config(self, key: str, value: str) -> Any:
        self.require_admin()
        settings.set_key(self.db, key, value)
        return settings.show(self.db).get(key, value)

    # -- the local engine service: a client that runs no job itself (the window) -----------------------
    # With ``service_client`` set, every job this Tracker queues wakes the local engine (starting it unless
    # auto-start is off), and :meth:`run_in_engine` asks that engine to start a job at once.
    def ensure_engine(self, *, autostart: bool | None = None) -> EngineStatus:
        """Find the engine serving this database on this host, or start the background one (blocking: call it
        off the GUI thread). ``autostart`` None: on unless ``ASYNCOPS_NO_AUTOSTART`` is set."""
        from core.service import ensure_engine

        return ensure_engine(self.db.url, autostart=autostart)

    def engines(self) -> list[EngineInfo]:
        """Every engine registered on the database (``asyncops engine status``)."""
        from core.service import list_engines

        return list_engines(self.db)

    def subscribe(
        self, callback: Callable[[JobEvent], None], *, on_connect: Callable[[dict[str, Any]], None] | None = None
    ) -> ChannelClient:
        """The local engine's events, pushed on a background thread, reconnecting to whichever engine holds the
        lock (``on_connect`` after each connection: re-read what changed). ``close()`` the result to stop."""
        from core.service import local_engine, subscribe

        def path() -> str | None:
            try:
                info = local_engine(self.db.url)
            except OSError:  # no runtime folder: the database poll is all there is
                return None
            return info.socket if info is not None and info.socket else None

        return subscribe(path, callback, on_connect=on_connect, retry=1.0)

    def wake_engine(self, snaps: Sequence[JobSnapshot]) -> EngineStatus:
        """After queueing jobs: make sure the local engine serves them and wake it (it announces them)."""
        from core.service import after_submit

        return after_submit(self.db.url, snaps)

    def run_in_engine(
        self, launch: Launch, *, priority: int = 0, label: str | None = None, description: str | None = None
    ) -> tuple[JobSnapshot, bool]:
        """Run a launch at once in the local engine, past its queue's wait (as ``asyncops run`` runs inline);
        (snapshot, True). Without an engine that answers it goes to its queue: (snapshot, False)."""
        from core.service import ensure_engine, run_now

        status = ensure_engine(self.db.url)
        if status.serving and status.socket:
            request = {
                "operation": launch.operation,
                "params": launch.params,
                "owner": self.user,
                "priority": priority,
                "label": label or launch.label,
                "description": description,
            }
            snap = run_now(status.socket, request, timeout=5.0 if status.state == "started" else 2.0)
            if snap is not None:
                return snap, True
        snap = self.launch(launch, priority=priority, label=label, description=description, now=False)[0]
        return snap, False
