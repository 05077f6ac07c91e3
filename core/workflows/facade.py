""":class:`Workflows`: the Tracker's ``workflows`` attribute, what the window and the CLI call for issue 11."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from core.errors import NotAllowed, UsageError
from core.events import EventKind
from core.messages import msg
from core.records import JobSnapshot
from core.workflows import bulk, dependencies, launching, origins, profiles, reasons, runs, schedules, timeline
from core.workflows.profiles import ChainRecord, ProfileRecord

if TYPE_CHECKING:
    from core.api import Launch, Tracker


class Workflows:
    """Dependencies, saved profiles, schedules, chains, re-ordering and bulk retry, as the Tracker's user."""

    def __init__(self, tracker: Tracker) -> None:
        self.t = tracker

    @property
    def db(self) -> Any:
        return self.t.db

    def _check(self, operation: str, params: dict[str, Any]) -> dict[str, Any]:
        return self.t.check(operation, params, foreground=False).params

    def _created(self, snaps: Sequence[JobSnapshot]) -> None:
        for s in snaps:
            self.t._publish(EventKind.CREATED, s)

    # -- dependencies -----------------------------------------------------------------------------
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
        after: Sequence[int] = (),
        run_anyway: bool = False,
        profile: str | None = None,
        origin: str | None = None,
    ) -> JobSnapshot:
        """Record a checked launch that waits for ``after`` (unknown or another person's job: exit 3; a cycle:
        exit 2; nothing written then)."""
        parents = dependencies.check_parents(self.db, after, user=self.t.user, admin=self.t.admin)
        snap = launching.submit(
            self.db,
            launch.operation,
            launch.params,
            owner=self.t.user,
            queue=queue,
            priority=priority,
            at=at,
            label=label or launch.label,
            description=description,
            parent_id=parent_id,
            after=parents,
            run_anyway=run_anyway,
            profile=profile,
            origin=origin,
            validate=False,
        )
        self._created([snap])
        return snap

    def release(self, now: dt.datetime | None = None) -> list[JobSnapshot]:
        moved = dependencies.release(self.db, now)
        for s in moved:
            self.t._publish(EventKind.CHANGED, s)
        return moved

    def annotate(self, snaps: list[JobSnapshot]) -> list[JobSnapshot]:
        """Waiting reasons of jobs that wait for others, and the issue-11 JSON fields."""
        return origins.annotate(self.db, reasons.waiting_reason(self.db, snaps))

    # -- profiles ---------------------------------------------------------------------------------
    def save_profile(
        self,
        name: str,
        operation: str,
        params: dict[str, Any],
        *,
        label: str | None = None,
        queue: str | None = None,
        priority: int = 0,
        schedule: str | None = None,
        catch_up: str = "one",
        now: dt.datetime | None = None,
    ) -> ProfileRecord:
        profiles.check_name(name)
        checked = self._check(operation, params)
        # what the person gave, validated; the operation's defaults apply when it runs
        clean = {k: checked[k] for k in params if k in checked} if params.keys() <= checked.keys() else checked
        return profiles.save_profile(
            self.db,
            owner=self.t.user,
            name=name,
            operation=operation,
            params=clean,
            label=label,
            queue=queue,
            priority=priority,
            schedule=schedule,
            catch_up=catch_up,
            now=now,
        )

    def profiles(self) -> list[ProfileRecord]:
        return profiles.list_profiles(self.db, self.t.user)

    def profile(self, name: str) -> ProfileRecord:
        return profiles.get_profile(self.db, self.t.user, name)

    def remove_profile(self, name: str) -> None:
        profiles.remove_profile(self.db, self.t.user, name)

    def run_profile(self, name: str, overrides: dict[str, Any] | None = None) -> JobSnapshot:
        snap = runs.run_profile(self.db, self.profile(name), check=self._check, overrides=overrides)
        self._created([snap])
        return snap

    def profile_job_ids(self, name: str, *, all_users: bool = False) -> list[int]:
        return origins.job_ids_of_profile(self.db, name, owner=None if all_users else self.t.user)

    # -- chains -----------------------------------------------------------------------------------
    def save_chain(
        self,
        name: str,
        steps: Sequence[str],
        *,
        finally_profile: str | None = None,
        schedule: str | None = None,
        catch_up: str = "one",
        now: dt.datetime | None = None,
    ) -> ChainRecord:
        return profiles.save_chain(
            self.db,
            owner=self.t.user,
            name=name,
            steps=steps,
            finally_profile=finally_profile,
            schedule=schedule,
            catch_up=catch_up,
            now=now,
        )

    def chains(self) -> list[ChainRecord]:
        return profiles.list_chains(self.db, self.t.user)

    def chain(self, name: str) -> ChainRecord:
        return profiles.get_chain(self.db, self.t.user, name)

    def remove_chain(self, name: str) -> None:
        profiles.remove_chain(self.db, self.t.user, name)

    def run_chain(self, name: str) -> list[JobSnapshot]:
        snaps = runs.run_chain(self.db, self.chain(name), check=self._check)
        self._created(snaps)
        return snaps

    # -- schedules --------------------------------------------------------------------------------
    def fire_due(self, now: dt.datetime | None = None) -> list[JobSnapshot]:
        created = schedules.fire_due(self.db, now)
        self._created(created)
        return created

    # -- re-order and bulk ------------------------------------------------------------------------
    def set_priority(self, job_id: int, priority: int) -> JobSnapshot:
        snap = bulk.set_priority(self.db, job_id, priority, user=self.t.user, admin=self.t.admin)
        self.t._publish(EventKind.CHANGED, snap)
        return snap

    def move(self, job_id: int, where: str) -> list[JobSnapshot]:
        """Move a queued job to the top, up, down or to the bottom of its queue (see ``bulk.move``)."""
        changed = bulk.move(self.db, job_id, where, user=self.t.user, admin=self.t.admin)
        for snap in changed:
            self.t._publish(EventKind.CHANGED, snap)
        return changed

    def retry_failed(
        self, *, operation: str | None = None, since: dt.timedelta | None = None, now: dt.datetime | None = None
    ) -> bulk.BulkRetry:
        if operation is not None and operation not in self.t.operations:
            raise UsageError(msg("retry.unknown_operation", name=operation), field="operation")
        done = bulk.retry_failed(
            self.db, user=self.t.user, admin=self.t.admin, operation=operation, since=since, now=now
        )
        self._created([snap for _, snap in done.retried])
        return done

    # -- timeline ---------------------------------------------------------------------------------
    def timeline(
        self,
        since: dt.datetime,
        until: dt.datetime,
        *,
        all_users: bool = False,
        now: dt.datetime | None = None,
    ) -> timeline.Timeline:
        """The jobs that lived between ``since`` and ``until``, with why each waited (``all_users``: admins)."""
        if all_users and not self.t.admin:
            raise NotAllowed(msg("users.not_admin", user=self.t.user))
        return timeline.timeline(self.db, user=self.t.user, all_users=all_users, since=since, until=until, now=now)

    def chain_run(self, run_id: int) -> tuple[str, list[JobSnapshot]]:
        """A chain's run as the window groups it: the chain's name and the jobs of its steps in order (those
        this person may see)."""
        name = origins.chain_name(self.db, run_id)
        ids = origins.job_ids_of_chain_run(self.db, run_id)
        by_id = {s.id: s for s in self.t.snapshots(ids)}
        return name, [by_id[i] for i in ids if i in by_id]
