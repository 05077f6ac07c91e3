"""The commands: each parses its arguments, makes one call into the Tracker and prints the outcome.

Exit codes: 0 success; 1 the operation failed or was stopped; 2 bad usage or bad input (a message on
stderr, nothing written); 3 not found or not allowed; 4 the database cannot be reached.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict
from typing import Any

from tqdm import tqdm

from core.api import JobFilter, Launch, Tracker
from core.cli.engine_cmd import after_queue, recover
from core.cli.formatting import PROG, err, fit, local, output, print_details, progress_text, table, terminal_width
from core.cli.parser import parse_params
from core.cli.team import read_password
from core.engine import Engine
from core.errors import EXIT_FAILED, EXIT_OK, AsyncopsError, UsageError
from core.events import EventKind
from core.messages import define, msg
from core.notify import subscribe as subscribe_email
from core.records import JobSnapshot
from core.service import local_engine
from core.service.channel import wait_for_job
from core.service.idle import IDLE_EXIT_KEY, idle_exit_seconds, set_idle_exit
from core.service.serve import EngineService
from core.status import JobStatus
from core.store import settings
from core.store.jobs import parse_job_ref
from core.team import SECRET_SETTINGS

define("cli.paused", "job {id}: {status}")
define("cli.pause_requested", "job {id}: pause requested, still {status} (it pauses at its next item)")
define("cli.resumed", "job {id}: {status}")
define("cli.resume_requested", "job {id}: resume requested, still {status}")


def _check(args: argparse.Namespace, t: Tracker, *, foreground: bool) -> Launch:
    return t.check(args.operation, parse_params(args.param), foreground=foreground)


def _launch(args: argparse.Namespace, t: Tracker, launch: Launch, *, now: bool = False) -> JobSnapshot:
    return t.launch(
        launch,
        queue=args.queue,
        priority=args.priority,
        at=getattr(args, "at", None),
        label=args.label,
        description=args.description,
        now=now,
    )[0]


def cmd_submit(args: argparse.Namespace, t: Tracker) -> int:
    launch = _check(args, t, foreground=False)
    if args.dry_run:
        return _dry_run(t, launch)
    snap = _launch(args, t, launch)
    print(snap.id)
    after_queue(args, t, [snap])
    return EXIT_OK


def _dry_run(t: Tracker, launch: Launch) -> int:
    report = t.dry_run(launch)
    print(report.summary)
    for line in report.details:
        print(f"  {line}")
    return EXIT_OK


class _Interrupts:
    """First Ctrl-C/SIGTERM asks the job to stop; a second one leaves at once."""

    def __init__(self) -> None:
        self.count = 0
        self.event = threading.Event()

    def __call__(self, signum: int, frame: Any) -> None:
        self.count += 1
        self.event.set()
        if self.count > 1:
            err("interrupted twice: leaving now (the job is recovered as INTERRUPTED)")
            os._exit(130)

    @contextlib.contextmanager
    def installed(self) -> Iterator[_Interrupts]:
        if threading.current_thread() is not threading.main_thread():
            yield self
            return
        old = {s: signal.signal(s, self) for s in (signal.SIGINT, signal.SIGTERM)}
        try:
            yield self
        finally:
            for s, h in old.items():
                signal.signal(s, h)


def cmd_run(args: argparse.Namespace, t: Tracker) -> int:
    launch = _check(args, t, foreground=True)
    if args.dry_run:
        return _dry_run(t, launch)
    if not launch.plan.inline:
        snap = _launch(args, t, launch)
        print(f"queued as job {snap.id} ({launch.plan.reason}); follow it with: {PROG} show {snap.id}")
        after_queue(args, t, [snap])
        return EXIT_OK
    interrupts = _Interrupts()
    with interrupts.installed():  # before the job starts: Ctrl-C from then on stops it cleanly
        return _run_inline(args, t, launch, interrupts)


def _run_inline(args: argparse.Namespace, t: Tracker, launch: Launch, interrupts: _Interrupts) -> int:
    engine = Engine(t.db, kind="inline", queues=()).start()
    mail = subscribe_email(engine, drain=None)  # the job's owner may want its mail too
    t.attach(engine)
    state: dict[str, Any] = {}
    try:
        unsubscribe = engine.bus.subscribe(lambda e: state.update(e.changes) if e.kind is EventKind.PROGRESS else None)
        snap, future = t.launch(
            launch, queue=args.queue, priority=args.priority, label=args.label, description=args.description, now=True
        )
        assert future is not None
        print(f"running inline as job {snap.id} ({launch.plan.reason})", file=sys.stderr)
        log = _LogTail(t, snap.id, plain=snap.operation == "command", quiet=args.quiet)
        final = _follow(engine, snap, future, state, interrupts, log)
        unsubscribe()
    finally:
        t.attach(None)
        engine.shutdown(grace=15)
        mail.close()
    summary = f"job {final.id} {final.status}: {final.warnings} warning(s), {final.errors} error(s)"
    if final.message:
        summary += f" — {final.message}"
    if final.result:
        summary += f"\nresult: {json.dumps(final.result, ensure_ascii=False, sort_keys=True)}"
    print(summary)
    return EXIT_OK if final.status is JobStatus.SUCCEEDED else EXIT_FAILED


class _LogTail:
    """Prints the job's log lines as they are written: a program's output as it is (``command``), other
    operations' lines with their level; warnings and errors of operations go to stderr."""

    def __init__(self, t: Tracker, job_id: int, *, plain: bool, quiet: bool) -> None:
        self.t, self.job_id, self.plain, self.quiet = t, job_id, plain, quiet
        self.after = 0

    def __call__(self) -> None:
        if self.quiet:
            return
        for e in self.t.log(self.job_id, after_id=self.after):
            self.after = e.id or self.after
            if self.plain:
                tqdm.write(e.message, file=sys.stdout)
            else:
                text = f"{e.level.lower()}: {e.message}" + (f" [{e.item}]" if e.item else "")
                tqdm.write(text, file=sys.stderr if e.level in ("WARNING", "ERROR") else sys.stdout)


def _follow(
    engine: Any,
    snap: JobSnapshot,
    future: Any,
    state: dict[str, Any],
    interrupts: _Interrupts,
    log: _LogTail,
) -> JobSnapshot:
    bar = tqdm(
        desc=snap.label[:40],
        unit="item",
        file=sys.stderr,
        disable=not sys.stderr.isatty(),
        dynamic_ncols=True,
        leave=True,
    )
    stop_sent = False
    with bar:
        while True:
            log()
            try:
                final: JobSnapshot = future.result(timeout=0.1)
                break
            except TimeoutError:
                pass
            if interrupts.event.is_set() and not stop_sent:
                stop_sent = True
                print("\nstopping… (Ctrl-C again to leave at once)", file=sys.stderr)
                engine.stop_job(snap.id, user=snap.owner, admin=True)
            total, done = state.get("progress_total"), state.get("progress_done")
            if total is not None and bar.total != total:
                bar.total = total
            if done is not None and done != bar.n:
                bar.n = done
                bar.refresh()
        log()
        if final.progress_total is not None:
            bar.total = final.progress_total
        bar.n = final.progress_done
        bar.refresh()
    return final


def _statuses(values: Sequence[str] | None) -> list[str] | None:
    if not values:
        return None
    out = []
    for v in values:
        for part in v.split(","):
            try:
                out.append(str(JobStatus(part.strip().upper())))
            except ValueError:
                known = ", ".join(s.lower() for s in JobStatus)
                raise UsageError(f"--status {part!r}: not a status (one of {known})") from None
    return out


def _filter(args: argparse.Namespace) -> JobFilter:
    return JobFilter(all_users=args.all, statuses=tuple(_statuses(args.status) or ()), operation=args.operation)


def cmd_jobs(args: argparse.Namespace, t: Tracker) -> int:
    if args.limit < 0:
        raise UsageError("--limit must be 0 or more")
    rows = t.jobs(_filter(args), limit=args.limit or None)
    all_users, user = args.all, t.user
    if args.json:
        json.dump([j.to_json() for j in rows], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return EXIT_OK
    if not rows:
        print(
            "no jobs" + ("" if all_users else f" for {user}") + f"; submit one with: {PROG} submit command "
            "-p cmd='echo hello'"
        )
        return EXIT_OK
    header = ["ID", "STATUS", "OPERATION", "LABEL", "PROGRESS", "WARN", "ERR", "QUEUE", "CREATED", "NOTE"]
    if all_users:
        header.insert(3, "OWNER")
    rows_out = [header]
    for j in rows:
        note = j.waiting_reason or j.message or ""
        row = [
            str(j.id),
            str(j.status),
            j.operation,
            j.label,
            progress_text(j),
            str(j.warnings),
            str(j.errors),
            j.queue,
            local(j.created_at),
            note,
        ]
        if all_users:
            row.insert(3, j.owner)
        rows_out.append(row)
    label, note_col = header.index("LABEL"), len(header) - 1
    table(fit(rows_out, {label: 20, note_col: 24}, terminal_width(sys.stdout)), sys.stdout)
    if args.limit and len(rows) == args.limit:
        more = t.count(_filter(args)) - len(rows)
        if more > 0:
            print(f"{more} more: use --limit N, or --limit 0 for all of them", file=sys.stderr)
    return EXIT_OK


def cmd_show(args: argparse.Namespace, t: Tracker) -> int:
    job_id = parse_job_ref(args.job)
    if t.job(job_id).status.is_running:
        recover(t)
    j = t.job(job_id)
    if args.json:
        obj = j.to_json()
        if args.log:
            obj["log"] = [e.to_json() for e in t.log(j.id)]
        json.dump(obj, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return EXIT_OK
    print_details(j, sys.stdout)
    if args.log:
        print("\nLog:")
        for e in t.log(j.id):
            item = f" [{e.item}]" if e.item else ""
            print(f"{local(e.time)} {e.level:<7} {e.message}{item}")
    return EXIT_OK


def each_job(args: argparse.Namespace, act: Callable[[int], int]) -> int:
    """Run ``act`` for every job id given: each says what it did, or why not (on stderr), and the others are
    still done. The exit code is the first refusal's (2 bad input, 3 not found or not allowed), else 0."""
    code = EXIT_OK
    for ref in args.job:
        try:
            result = act(parse_job_ref(ref))
        except AsyncopsError as exc:
            err(str(exc))
            code = code or exc.exit_code
            continue
        code = code or result
    return code


def cmd_stop(args: argparse.Namespace, t: Tracker) -> int:
    return each_job(args, lambda job_id: _stop_one(args, t, job_id))


def _stop_one(args: argparse.Namespace, t: Tracker, job_id: int) -> int:
    if job_id in getattr(args, "recovered", ()):  # its engine was gone: this command ended it
        print(f"job {job_id}: {t.job(job_id).status}")
        return EXIT_OK
    snap = t.stop(job_id)
    if snap.status.is_terminal or args.no_wait:
        print(f"job {job_id}: {snap.status}" + ("" if snap.status.is_terminal else " (stop requested)"))
        return EXIT_OK
    info = local_engine(t.db.url)  # its channel says at once when the job ends; the database is re-read anyway
    snap = wait_for_job(
        info.socket if info is not None else None,
        job_id,
        lambda: t.job(job_id),
        lambda s: s.status.is_terminal,
        args.timeout,
        fallback=0.5,
    )
    if snap.status.is_terminal:
        print(f"job {job_id}: {snap.status}")
        return EXIT_OK
    print(f"job {job_id}: stop requested, still {snap.status} after {args.timeout:g}s")
    return EXIT_OK


def _pause_or_resume(args: argparse.Namespace, t: Tracker, pause: bool) -> int:
    """``pause ID …`` / ``resume ID …``: each job is asked, then (unless --no-wait) followed until its engine
    honoured it. A refused job says why (exit 2, or 3 for one not found); the others are still asked."""
    code = EXIT_OK
    info = None if args.no_wait else local_engine(t.db.url)
    for ref in args.job:
        try:
            job_id = parse_job_ref(ref)
            snap = t.pause(job_id) if pause else t.resume(job_id)
        except AsyncopsError as exc:
            err(str(exc))
            code = code or exc.exit_code
            continue
        if not args.no_wait:
            snap = wait_for_job(
                info.socket if info is not None else None,
                job_id,
                lambda job_id=job_id: t.job(job_id),  # type: ignore[misc]
                (lambda s: s.status is not JobStatus.ACTIVE) if pause else (lambda s: s.status is not JobStatus.PAUSED),
                args.timeout,
                fallback=0.2,
            )
        if pause:
            done = snap.status is JobStatus.PAUSED or snap.status.is_terminal
            key = "cli.paused" if done else "cli.pause_requested"
        else:
            key = "cli.resumed" if snap.status is not JobStatus.PAUSED else "cli.resume_requested"
        print(msg(key, id=job_id, status=str(snap.status)).text)
    return code


def cmd_pause(args: argparse.Namespace, t: Tracker) -> int:
    return _pause_or_resume(args, t, True)


def cmd_resume(args: argparse.Namespace, t: Tracker) -> int:
    return _pause_or_resume(args, t, False)


def cmd_remove(args: argparse.Namespace, t: Tracker) -> int:
    def remove(job_id: int) -> int:
        t.remove(job_id)
        print(f"job {job_id} removed")
        return EXIT_OK

    return each_job(args, remove)


def cmd_retry(args: argparse.Namespace, t: Tracker) -> int:
    """``retry ID …``: a new job each, its id printed one a line (the failed ones say why on stderr)."""
    created: list[JobSnapshot] = []

    def retry(job_id: int) -> int:
        snap = t.retry_failed_items(job_id) if getattr(args, "failed_items", False) else t.retry(job_id)
        print(snap.id)
        created.append(snap)
        return EXIT_OK

    code = each_job(args, retry)
    if created:
        after_queue(args, t, created)
    return code


def cmd_undo(args: argparse.Namespace, t: Tracker) -> int:
    snap = t.undo(parse_job_ref(args.job))
    print(snap.id)
    after_queue(args, t, [snap])
    return EXIT_OK


def cmd_export(args: argparse.Namespace, t: Tracker) -> int:
    if args.job:
        job_id = parse_job_ref(args.job)
        t.job(job_id)  # not found / not allowed before any file is created
        with output(args.output) as out:
            t.export_job(out, job_id)
    else:
        flt = _filter(args)
        if flt.all_users:
            t.jobs(flt, limit=1)  # not allowed before any file is created
        with output(args.output) as out:
            n = t.export_jobs(out, flt)
        if args.output:
            print(f"{n} job(s) written to {args.output}", file=sys.stderr)
    return EXIT_OK


def cmd_purge(args: argparse.Namespace, t: Tracker) -> int:
    if args.older_than is not None and args.older_than < 0:
        raise UsageError("--older-than must be 0 or more days")
    if args.keep is not None and args.keep < 0:
        raise UsageError("--keep must be 0 or more")
    n = t.purge(days=args.older_than, keep=args.keep)
    print(f"purged {n} finished job(s)")
    return EXIT_OK


def cmd_worker(args: argparse.Namespace, t: Tracker) -> int:
    queues = args.queue
    db = t.db
    if queues:
        known = {q.name for q in t.queues()}
        missing = [q for q in queues if q not in known]
        if missing:
            raise UsageError(f"--queue: no queue named {', '.join(missing)} (queues: {', '.join(sorted(known))})")
    interrupts = _Interrupts()
    with interrupts.installed():  # before the engine starts: a SIGTERM from then on is a graceful stop
        # the foreground engine: it never idles out; serving every queue, it holds the engine lock when free
        # (so clients find it and auto-start nothing) and opens the event channel
        service = EngineService(db, kind="worker", queues=queues, grace=args.grace)
        service.start()
        engine = service.engine  # it mails the owners of the jobs it runs (core/notify.py)
        served = ", ".join(queues) if queues else "all queues"
        print(f"worker {engine.id} serving {served} on {db.display_url} (Ctrl-C or SIGTERM to stop)", file=sys.stderr)
        while not interrupts.event.wait(0.5):
            pass
        print(
            f"shutting down: running jobs get {args.grace:g}s to stop (Ctrl-C again to leave at once)", file=sys.stderr
        )
        service.close()
    print("worker stopped", file=sys.stderr)
    return EXIT_OK


def cmd_config(args: argparse.Namespace, t: Tracker) -> int:
    if args.config_command == "set":
        if args.key in SECRET_SETTINGS:  # never on the command line: asked for, or read from a file
            if args.value is not None:
                raise UsageError(
                    f"{args.key} is not given on the command line (the process list and the shell's history would "
                    "show it): leave it out to be asked for it, or use --password-file FILE"
                )
            t.require_admin()  # before asking for it
            t.set_config(args.key, read_password(args.password_file, f"{args.key}: "))
            print(f"{args.key} set")
            return EXIT_OK
        if args.value is None:
            raise UsageError(f"config set {args.key}: give the value after the key")
        if args.password_file:
            raise UsageError("--password-file is for smtp.password only")
        if args.key == IDLE_EXIT_KEY:  # until core.store.settings knows the key
            t.require_admin()
            value: Any = set_idle_exit(t.db, args.value)
        else:
            value = t.set_config(args.key, args.value)
        print(f"{args.key} = {json.dumps(value)}")
        return EXIT_OK
    values = t.config()
    values.setdefault(IDLE_EXIT_KEY, idle_exit_seconds(t.db))
    if args.json:
        json.dump(values, sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        for k, v in values.items():
            print(f"{k} = {json.dumps(v)}")
    return EXIT_OK


def cmd_queue(args: argparse.Namespace, t: Tracker) -> int:
    if args.queue_command == "list":
        qs = t.queues()
        if args.json:
            json.dump([asdict(q) for q in qs], sys.stdout, indent=2)
            sys.stdout.write("\n")
        else:
            rows = [["QUEUE", "KIND", "MAX", "RETRIES", "DELAY", "STATE", "RUN BY", "OPERATIONS"]]
            for q in qs:
                rows.append(
                    [
                        q.name,
                        q.kind,
                        str(q.capacity),
                        str(q.retries),
                        f"{q.retry_delay:g}s",
                        "paused" if q.paused else "running",
                        "workers" if q.workers_only else "any engine",
                        ",".join(q.operations) or "-",
                    ]
                )
            table(rows, sys.stdout)
        return EXIT_OK
    settings.ensure_defaults(t.db)  # `queue list` shows the default queue on a new database: it can be paused too
    cfg = t.set_paused(args.queue, args.queue_command == "pause")
    print(f"queue {cfg.name} {'paused' if cfg.paused else 'resumed'}")
    return EXIT_OK


def cmd_operations(args: argparse.Namespace, t: Tracker) -> int:
    ops = t.operation_list()
    if args.json:
        json.dump([op.describe() for op in ops], sys.stdout, indent=2)
        sys.stdout.write("\n")
        return EXIT_OK
    for op in ops:
        print(f"{op.name}: {op.description or op.title}")
        for p in op.params:
            req = " (required)" if p.required else (f" (default {p.default!r})" if p.default is not None else "")
            print(f"    -p {p.name}=<{p.type}>{req}  {p.help}")
    return EXIT_OK


COMMANDS = {
    "submit": cmd_submit,
    "run": cmd_run,
    "jobs": cmd_jobs,
    "show": cmd_show,
    "stop": cmd_stop,
    "remove": cmd_remove,
    "pause": cmd_pause,
    "resume": cmd_resume,
    "retry": cmd_retry,
    "undo": cmd_undo,
    "export-csv": cmd_export,
    "purge": cmd_purge,
    "worker": cmd_worker,
    "config": cmd_config,
    "queue": cmd_queue,
    "operations": cmd_operations,
}
