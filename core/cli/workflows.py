"""``asyncops`` commands of issue 11: ``submit --after``, ``profile …``, ``chain …``, ``priority``,
``retry --failed`` and ``jobs --profile``.

``submit``, ``jobs``, ``show`` and ``retry`` keep their commands in ``commands``; the ones here handle the new
options and hand everything else to them (so ``jobs --json`` and ``show --json`` also carry ``profile``,
``origin``, ``chain_run`` and ``after``). Their grammar is in ``workflows_parser`` (the grammar module imports
it, and this module imports the grammar's ``parse_params``).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from typing import Any, cast

from core.api import JobFilter, Tracker
from core.cli import commands as c
from core.cli.engine_cmd import after_queue
from core.cli.formatting import err, local, print_details, table
from core.cli.parser import parse_params
from core.errors import EXIT_FAILED, EXIT_OK, UsageError
from core.messages import define, msg
from core.records import JobSnapshot
from core.store.jobs import parse_job_ref
from core.workflows import bulk

define("cli.profile_saved", "profile {name} saved")
define("cli.profile_saved_next", "profile {name} saved; next run at {when:time}")
define("cli.profile_removed", "profile {name} removed")
define("cli.no_profiles", "no profiles; save one with: asyncops profile save NAME OP -p KEY=VALUE")
define("cli.chain_saved", "chain {name} saved ({steps:list})")
define("cli.chain_saved_next", "chain {name} saved ({steps:list}); next run at {when:time}")
define("cli.chain_removed", "chain {name} removed")
define("cli.no_chains", "no chains; save one with: asyncops chain save NAME PROFILE [PROFILE …]")
define("cli.chain_run", "chain {name}: run #{run}, {n:plural:job|jobs} {ids:list}")
define("cli.priority_set", "job {id}: priority {priority}")
define("cli.retry_needs_job", "retry: give a job ID, or --failed to retry every failed job")
define("cli.retry_job_and_failed", "retry: give a job ID or --failed, not both")
define("cli.retry_filters_alone", "retry: --operation and --since go with --failed")
define("cli.retried", "retried {n} failed {n:plural:job|jobs}")
define("cli.retried_none", "no failed job to retry")


# -- the Tracker as jobs/show see it ----------------------------------------------------------------
class _Annotated:
    """The Tracker, with the jobs it gives annotated (why a job waits for others; profile, origin, chain run,
    after) and, with ``profile``, only the jobs of that profile."""

    def __init__(self, t: Tracker, profile: str | None = None) -> None:
        self._t = t
        self._profile = profile

    def __getattr__(self, name: str) -> Any:
        return getattr(self._t, name)

    def job(self, job_id: int) -> JobSnapshot:
        return self._t.workflows.annotate([self._t.job(job_id)])[0]

    def _profile_rows(self, flt: JobFilter | None) -> list[JobSnapshot]:
        flt = flt or JobFilter()
        self._t._scope(flt)  # --all: admins only
        assert self._profile is not None
        ids = self._t.workflows.profile_job_ids(self._profile, all_users=flt.all_users)
        rows = [s for s in self._t.snapshots(ids) if flt.all_users or s.owner == self._t.user]
        if flt.statuses:
            rows = [s for s in rows if str(s.status) in flt.statuses]
        if flt.operation:
            rows = [s for s in rows if s.operation == flt.operation]
        if flt.search:
            needle = flt.search.lower()
            rows = [s for s in rows if needle in f"{s.label} {s.operation} {s.description}".lower()]
        return sorted(rows, key=lambda s: s.id, reverse=True)

    def jobs(self, flt: JobFilter | None = None, *, limit: int | None = None, offset: int = 0) -> list[JobSnapshot]:
        if self._profile is None:
            return self._t.workflows.annotate(self._t.jobs(flt, limit=limit, offset=offset))
        rows = self._profile_rows(flt)[offset:]
        return self._t.workflows.annotate(rows[:limit] if limit else rows)

    def count(self, flt: JobFilter | None = None) -> int:
        return self._t.count(flt) if self._profile is None else len(self._profile_rows(flt))


def _view(t: Tracker, profile: str | None = None) -> Tracker:
    return cast(Tracker, _Annotated(t, profile))


# -- commands ---------------------------------------------------------------------------------------
def _refs(values: Sequence[str]) -> list[int]:
    return [parse_job_ref(v) for v in values]


def cmd_submit(args: argparse.Namespace, t: Tracker) -> int:
    if not args.after and not args.run_anyway:
        return c.cmd_submit(args, t)
    if args.run_anyway and not args.after:
        raise UsageError(msg("flow.run_anyway_alone"))
    if args.at:
        raise UsageError(msg("flow.after_at"))
    after = _refs(args.after)
    launch = t.check(args.operation, parse_params(args.param), foreground=False)
    if args.dry_run:
        return c._dry_run(t, launch)
    snap, _ = t.launch(
        launch,
        queue=args.queue,
        priority=args.priority,
        label=args.label,
        description=args.description,
        now=False,
        after=after,
        run_anyway=args.run_anyway,
    )
    print(snap.id)
    after_queue(args, t, [snap])  # as `submit` does: an engine serves it, or the user is told how to start one
    return EXIT_OK


def cmd_jobs(args: argparse.Namespace, t: Tracker) -> int:
    return c.cmd_jobs(args, _view(t, args.profile))


def cmd_show(args: argparse.Namespace, t: Tracker) -> int:
    view = _view(t)
    if args.json:
        return c.cmd_show(args, view)
    j = view.job(parse_job_ref(args.job))
    print_details(j, sys.stdout)
    extra = j.to_json()
    lines = []
    if extra.get("after"):
        lines.append(("After", ", ".join(f"#{i}" for i in extra["after"])))
    if extra.get("profile"):
        lines.append(("Profile", f"{extra['profile']} ({extra.get('origin') or 'manual'})"))
    if extra.get("chain_run"):
        lines.append(("Chain run", f"#{extra['chain_run']}"))
    for key, value in lines:
        print(f"{key:<10}  {value}")
    if args.log:
        print("\nLog:")
        for e in t.log(j.id):
            item = f" [{e.item}]" if e.item else ""
            print(f"{local(e.time)} {e.level:<7} {e.message}{item}")
    return EXIT_OK


def cmd_retry(args: argparse.Namespace, t: Tracker) -> int:
    if not args.failed:
        if args.operation or args.since:
            raise UsageError(msg("cli.retry_filters_alone"))
        if not args.job:
            raise UsageError(msg("cli.retry_needs_job"))
        return c.cmd_retry(args, t)
    if args.job or getattr(args, "failed_items", False):
        raise UsageError(msg("cli.retry_job_and_failed"))
    since = bulk.parse_duration(args.since) if args.since else None
    done = t.workflows.retry_failed(operation=args.operation, since=since)
    for _, snap in done.retried:
        print(snap.id)
    if done.retried:
        after_queue(args, t, [snap for _, snap in done.retried])
    for m in done.skipped:
        err(m.text)
    print(
        msg("cli.retried", n=len(done.retried)).text if done.retried else msg("cli.retried_none").text, file=sys.stderr
    )
    return EXIT_FAILED if done.skipped else EXIT_OK


def cmd_priority(args: argparse.Namespace, t: Tracker) -> int:
    job_id = _refs([args.job])[0]
    if isinstance(args.priority, str):  # top, up, down, bottom
        for snap in t.workflows.move(job_id, args.priority):
            print(msg("cli.priority_set", id=snap.id, priority=snap.priority).text)
        return EXIT_OK
    snap = t.workflows.set_priority(job_id, args.priority)
    print(msg("cli.priority_set", id=snap.id, priority=snap.priority).text)
    return EXIT_OK


def _dump(obj: Any) -> None:
    json.dump(obj, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def cmd_profile(args: argparse.Namespace, t: Tracker) -> int:
    w = t.workflows
    action = args.profile_command
    if action == "save":
        p = w.save_profile(
            args.name,
            args.operation,
            parse_params(args.param),
            label=args.label,
            queue=args.queue,
            priority=args.priority,
            schedule=args.schedule,
            catch_up=args.catch_up,
        )
        if p.next_due is not None:
            print(msg("cli.profile_saved_next", name=p.name, when=p.to_json()["next_due"]).text)
        else:
            print(msg("cli.profile_saved", name=p.name).text)
    elif action == "list":
        profiles = w.profiles()
        if args.json:
            _dump([p.to_json() for p in profiles])
        elif not profiles:
            print(msg("cli.no_profiles").text)
        else:
            rows = [["NAME", "OPERATION", "SCHEDULE", "NEXT DUE", "QUEUE", "PRIORITY", "PARAMETERS"]]
            for p in profiles:
                rows.append(
                    [
                        p.name,
                        p.operation,
                        p.schedule or "-",
                        local(p.next_due) if p.next_due else "-",
                        p.queue or "-",
                        str(p.priority),
                        " ".join(f"{k}={v}" for k, v in p.params.items()),
                    ]
                )
            table(rows, sys.stdout)
    elif action == "show":
        p = w.profile(args.name)
        if args.json:
            _dump(p.to_json())
        else:
            for key, value in p.to_json().items():
                if key == "next_due" and p.next_due is not None:
                    value = local(p.next_due)
                elif isinstance(value, dict):
                    value = json.dumps(value, ensure_ascii=False)
                print(f"{key.replace('_', ' ')}: {'-' if value is None else value}")
    elif action == "run":
        snap = w.run_profile(args.name, parse_params(args.param))
        print(snap.id)
        after_queue(args, t, [snap])
    else:
        w.remove_profile(args.name)
        print(msg("cli.profile_removed", name=args.name).text)
    return EXIT_OK


def cmd_chain(args: argparse.Namespace, t: Tracker) -> int:
    w = t.workflows
    action = args.chain_command
    if action == "save":
        ch = w.save_chain(
            args.name,
            args.steps,
            finally_profile=args.finally_profile,
            schedule=args.schedule,
            catch_up=args.catch_up,
        )
        steps = list(ch.steps) + ([f"finally {ch.finally_profile}"] if ch.finally_profile else [])
        if ch.next_due is not None:
            print(msg("cli.chain_saved_next", name=ch.name, steps=steps, when=ch.to_json()["next_due"]).text)
        else:
            print(msg("cli.chain_saved", name=ch.name, steps=steps).text)
    elif action == "run":
        snaps = w.run_chain(args.name)
        for s in snaps:
            print(s.id)
        run = w.annotate(snaps[:1])[0] if snaps else None
        run_id = getattr(run, "chain_run", None)
        print(
            msg("cli.chain_run", name=args.name, run=run_id, n=len(snaps), ids=[s.id for s in snaps]).text,
            file=sys.stderr,
        )
        if snaps:
            after_queue(args, t, snaps)
    elif action == "list":
        chains = w.chains()
        if args.json:
            _dump([ch.to_json() for ch in chains])
        elif not chains:
            print(msg("cli.no_chains").text)
        else:
            rows = [["NAME", "STEPS", "FINALLY", "SCHEDULE", "NEXT DUE"]]
            for ch in chains:
                rows.append(
                    [
                        ch.name,
                        " → ".join(ch.steps),
                        ch.finally_profile or "-",
                        ch.schedule or "-",
                        local(ch.next_due) if ch.next_due else "-",
                    ]
                )
            table(rows, sys.stdout)
    else:
        w.remove_chain(args.name)
        print(msg("cli.chain_removed", name=args.name).text)
    return EXIT_OK


COMMANDS: dict[str, Callable[..., int]] = {
    "submit": cmd_submit,
    "jobs": cmd_jobs,
    "show": cmd_show,
    "retry": cmd_retry,
    "priority": cmd_priority,
    "profile": cmd_profile,
    "chain": cmd_chain,
}
"""Entries of ``core.cli.COMMANDS``: the new commands, and the ones whose new options are handled here."""
