"""``asyncops …``: the command line. A contract that scripts and tests rely on.

Exit codes: 0 success; 1 the operation failed or was stopped; 2 bad usage or bad input (a message on
stderr, nothing written); 3 not found or not allowed.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import io
import json
import os
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from core import __version__, export, jobs, settings
from core.db import Database, DatabaseError
from core.errors import AsyncopsError, ConflictError, NotAllowed, UsageError
from core.operations import OperationEnv, registry
from core.records import JobSnapshot
from core.status import JobStatus
from core.users import current_user, is_admin

PROG = "asyncops"
EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_NOT_FOUND = 0, 1, 2, 3


# -- parser -----------------------------------------------------------------------------------------
def _common() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(add_help=False)
    p.add_argument(
        "--db",
        metavar="URL",
        default=argparse.SUPPRESS,
        help="database: an SQLAlchemy URL or a SQLite file path (default: $ASYNCOPS_DB, "
        "else asyncops.db in the user data folder)",
    )
    return p


def build_parser() -> argparse.ArgumentParser:
    common = _common()
    parser = argparse.ArgumentParser(
        prog=PROG,
        parents=[common],
        description="asyncops: queue, run, watch, stop and report long-running bulk operations. "
        "Without a command it opens the Process Tracker window.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add(name: str, help: str) -> argparse.ArgumentParser:
        return sub.add_parser(name, help=help, description=help, parents=[common])

    def op_args(p: argparse.ArgumentParser) -> None:
        p.add_argument("operation", metavar="OP", help="operation name (see `asyncops operations`)")
        p.add_argument(
            "-p",
            "--param",
            action="append",
            default=[],
            metavar="KEY=VALUE",
            help="an operation parameter (repeatable)",
        )
        p.add_argument("--queue", help="queue (default: the queue that takes this operation)")
        p.add_argument("--priority", type=int, default=0, help="higher runs first inside the queue")
        p.add_argument("--label", help="what the job table shows")
        p.add_argument("--description", help="a longer description shown in the details")
        p.add_argument("--dry-run", action="store_true", help="print what would happen and change nothing")

    p = add("submit", "queue a job and print its id")
    op_args(p)
    p.add_argument("--at", metavar="ISO-8601", help="start at this time (local time unless an offset is given)")

    p = add("run", "run inline with a progress bar when under the thresholds, else queue it")
    op_args(p)

    p = add("jobs", "list your jobs (newest first)")
    p.add_argument("--status", action="append", metavar="S", help="only this status (repeatable)")
    p.add_argument("--operation", metavar="OP")
    p.add_argument("--all", action="store_true", help="everybody's jobs (admins)")
    p.add_argument("--limit", type=int, default=50, help="at most N jobs (0: all; default 50)")
    p.add_argument("--json", action="store_true")

    p = add("show", "one job's details")
    p.add_argument("job", metavar="ID", help="job id or link asyncops://job/ID")
    p.add_argument("--json", action="store_true")
    p.add_argument("--log", action="store_true", help="include the job log")

    p = add("stop", "stop a job (waiting: at once; active: asks its engine)")
    p.add_argument("job", metavar="ID")
    p.add_argument("--no-wait", action="store_true", help="return once the stop is requested")
    p.add_argument("--timeout", type=float, default=30.0, help="seconds to wait for the job to end")

    p = add("remove", "remove a finished job and its log")
    p.add_argument("job", metavar="ID")

    p = add("retry", "run a finished job again with the same parameters (a new job)")
    p.add_argument("job", metavar="ID")

    p = add("undo", "queue the job that reverses a finished delete or move")
    p.add_argument("job", metavar="ID")

    p = add("export-csv", "the job list, or one job's details and log, as CSV")
    p.add_argument("job", metavar="ID", nargs="?")
    p.add_argument("-o", "--output", metavar="FILE", help="write here (default: standard output)")
    p.add_argument("--status", action="append", metavar="S")
    p.add_argument("--operation", metavar="OP")
    p.add_argument("--all", action="store_true", help="everybody's jobs (admins)")

    p = add("purge", "delete finished jobs past their retention")
    p.add_argument("--older-than", type=float, metavar="DAYS", help="finished more than DAYS ago (any status)")
    p.add_argument("--keep", type=int, metavar="N", help="keep at most the N most recent finished jobs")

    p = add("worker", "run a headless engine until Ctrl-C or SIGTERM")
    p.add_argument("--queue", action="append", metavar="Q", help="serve only this queue (repeatable)")
    p.add_argument("--grace", type=float, default=10.0, help="seconds running jobs get to stop at shutdown")

    p = add("config", "show or change the shared configuration")
    csub = p.add_subparsers(dest="config_command", metavar="ACTION", required=True)
    c = csub.add_parser("show", help="every key and value", parents=[common])
    c.add_argument("--json", action="store_true")
    c = csub.add_parser("set", help="set KEY to VALUE", parents=[common])
    c.add_argument("key")
    c.add_argument("value")

    p = add("queue", "pause, resume or list queues")
    qsub = p.add_subparsers(dest="queue_command", metavar="ACTION", required=True)
    for name, text in (("pause", "running jobs finish, nothing new starts"), ("resume", "start jobs again")):
        q = qsub.add_parser(name, help=text, parents=[common])
        q.add_argument("queue")
    q = qsub.add_parser("list", help="queues and their state", parents=[common])
    q.add_argument("--json", action="store_true")

    p = add("operations", "the registered operations and their parameters")
    p.add_argument("--json", action="store_true")

    if importlib.util.find_spec("core.library_cli") is not None:
        from core import library_cli

        library_cli.add_parser(sub)
    return parser


# -- helpers ----------------------------------------------------------------------------------------
def _err(message: str) -> None:
    print(f"{PROG}: error: {message}", file=sys.stderr)


def parse_params(pairs: Sequence[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise UsageError(f"-p {pair!r}: expected KEY=VALUE")
        out[key.strip()] = value
    return out


def _open_db(args: argparse.Namespace) -> Database:
    return Database(getattr(args, "db", None))


@contextlib.contextmanager
def _output(path: str | None) -> Iterator[TextIO]:
    """Standard output, or a file written to a temporary name and renamed when complete."""
    if not path:
        yield sys.stdout
        return
    target = Path(path).expanduser()
    if not target.parent.is_dir():
        raise UsageError(f"-o {path}: the folder {target.parent} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(fd, "w", newline="", encoding="utf-8") as fh:
            yield fh
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _local(value: Any) -> str:
    return value.astimezone().strftime("%Y-%m-%d %H:%M:%S") if value else "-"


def _progress_text(j: JobSnapshot) -> str:
    if j.progress_total:
        return f"{j.progress_done}/{j.progress_total} ({100 * (j.fraction or 0):.0f}%)"
    return str(j.progress_done) if j.progress_done else "-"


def _table(rows: list[list[str]], out: TextIO) -> None:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for r in rows:
        out.write("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() + "\n")


def _print_details(j: JobSnapshot, out: TextIO) -> None:
    fields = [
        ("Job", f"#{j.id}  {j.link}"),
        ("Operation", j.operation),
        ("Label", j.label),
        ("Status", f"{j.status}" + (f" ({j.waiting_reason})" if j.waiting_reason else "")),
        ("Owner", j.owner),
        ("Queue", f"{j.queue} (priority {j.priority})"),
        ("Attempt", f"{j.attempt}/{j.max_attempts}"),
        ("Progress", _progress_text(j)),
        ("Warnings", str(j.warnings)),
        ("Errors", str(j.errors)),
        ("Created", _local(j.created_at)),
        ("Scheduled", _local(j.scheduled_for)),
        ("Started", _local(j.started_at)),
        ("Finished", _local(j.finished_at)),
        ("Run inline", "yes" if j.inline else "no"),
        ("Parameters", json.dumps(j.params, ensure_ascii=False, sort_keys=True)),
        ("Result", json.dumps(j.result, ensure_ascii=False, sort_keys=True) if j.result is not None else "-"),
    ]
    if j.description:
        fields.insert(3, ("Description", j.description))
    if j.message:
        fields.append(("Message", j.message))
    if j.parent_id:
        fields.append(("Retry of", f"#{j.parent_id}"))
    width = max(len(k) for k, _ in fields)
    for k, v in fields:
        out.write(f"{k.ljust(width)}  {v}\n")


# -- commands ---------------------------------------------------------------------------------------
def _validated(args: argparse.Namespace, db: Database) -> tuple[Any, str, dict[str, Any]]:
    op = registry.get(args.operation)
    user = current_user()
    return op, user, op.validate(parse_params(args.param), OperationEnv(db, user))


def _submit(args: argparse.Namespace, db: Database, user: str, params: dict[str, Any]) -> JobSnapshot:
    return jobs.submit(
        db,
        args.operation,
        params,
        owner=user,
        queue=args.queue,
        priority=args.priority,
        at=getattr(args, "at", None),
        label=args.label,
        description=args.description,
        validate=False,
    )


def cmd_submit(args: argparse.Namespace, db: Database) -> int:
    op, user, params = _validated(args, db)
    if args.dry_run:
        return _dry_run(op, db, user, params)
    print(_submit(args, db, user, params).id)
    return EXIT_OK


def _dry_run(op: Any, db: Database, user: str, params: dict[str, Any]) -> int:
    if not op.supports_dry_run:
        raise UsageError(f"{op.name} has no dry run")
    report = op.dry_run(OperationEnv(db, user), params)
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
            _err("interrupted twice: leaving now (the job is recovered as INTERRUPTED)")
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


def cmd_run(args: argparse.Namespace, db: Database) -> int:
    op, user, params = _validated(args, db)
    if args.dry_run:
        return _dry_run(op, db, user, params)
    plan = jobs.plan(db, args.operation, params, user=user)
    if not plan.inline:
        snap = _submit(args, db, user, params)
        print(f"queued as job {snap.id} ({plan.reason}); follow it with: {PROG} show {snap.id}")
        return EXIT_OK
    interrupts = _Interrupts()
    with interrupts.installed():  # before the job starts: Ctrl-C from then on stops it cleanly
        return _run_inline(args, db, user, params, plan, interrupts)


def _run_inline(
    args: argparse.Namespace, db: Database, user: str, params: dict[str, Any], plan: Any, interrupts: _Interrupts
) -> int:
    from core.engine import Engine
    from core.events import EventKind

    engine = Engine(db, kind="inline", queues=()).start()
    state: dict[str, Any] = {}
    try:
        unsubscribe = engine.bus.subscribe(lambda e: state.update(e.changes) if e.kind is EventKind.PROGRESS else None)
        snap, future = engine.start_inline(
            args.operation,
            params,
            owner=user,
            queue=args.queue,
            priority=args.priority,
            label=args.label,
            description=args.description,
            validate=False,
        )
        print(f"running inline as job {snap.id} ({plan.reason})", file=sys.stderr)
        final = _follow(engine, snap, future, state, interrupts)
        unsubscribe()
    finally:
        engine.shutdown(grace=15)
    summary = f"job {final.id} {final.status}: {final.warnings} warning(s), {final.errors} error(s)"
    if final.message:
        summary += f" — {final.message}"
    if final.result:
        summary += f"\nresult: {json.dumps(final.result, ensure_ascii=False, sort_keys=True)}"
    print(summary)
    return EXIT_OK if final.status is JobStatus.SUCCEEDED else EXIT_FAILED


def _follow(engine: Any, snap: JobSnapshot, future: Any, state: dict[str, Any], interrupts: _Interrupts) -> JobSnapshot:
    from tqdm import tqdm

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
        if final.progress_total is not None:
            bar.total = final.progress_total
        bar.n = final.progress_done
        bar.refresh()
    return final


def _user_scope(db: Database, all_users: bool) -> tuple[str, bool]:
    user = current_user()
    if all_users and not is_admin(db, user):
        raise NotAllowed(f"--all: {user} is not an admin (not allowed)")
    return user, all_users


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


def cmd_jobs(args: argparse.Namespace, db: Database) -> int:
    user, all_users = _user_scope(db, args.all)
    if args.limit < 0:
        raise UsageError("--limit must be 0 or more")
    rows = jobs.list_jobs(
        db,
        user=user,
        all_users=all_users,
        statuses=_statuses(args.status),
        operation=args.operation,
        limit=args.limit or None,
    )
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
    table = [header]
    for j in rows:
        note = j.waiting_reason or j.message or ""
        row = [
            str(j.id),
            str(j.status),
            j.operation,
            j.label[:40],
            _progress_text(j),
            str(j.warnings),
            str(j.errors),
            j.queue,
            _local(j.created_at),
            note[:60],
        ]
        if all_users:
            row.insert(3, j.owner)
        table.append(row)
    _table(table, sys.stdout)
    return EXIT_OK


def cmd_show(args: argparse.Namespace, db: Database) -> int:
    j = jobs.get(db, jobs.parse_job_ref(args.job))
    if args.json:
        obj = j.to_json()
        if args.log:
            obj["log"] = [e.to_json() for e in jobs.log_of(db, j.id)]
        json.dump(obj, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return EXIT_OK
    _print_details(j, sys.stdout)
    if args.log:
        print("\nLog:")
        for e in jobs.log_of(db, j.id):
            item = f" [{e.item}]" if e.item else ""
            print(f"{_local(e.time)} {e.level:<7} {e.message}{item}")
    return EXIT_OK


def cmd_stop(args: argparse.Namespace, db: Database) -> int:
    job_id = jobs.parse_job_ref(args.job)
    snap = jobs.request_stop(db, job_id)
    if snap.status.is_terminal or args.no_wait:
        print(f"job {job_id}: {snap.status}" + ("" if snap.status.is_terminal else " (stop requested)"))
        return EXIT_OK
    deadline = time.monotonic() + args.timeout
    while time.monotonic() < deadline:
        snap = jobs.get(db, job_id)
        if snap.status.is_terminal:
            print(f"job {job_id}: {snap.status}")
            return EXIT_OK
        time.sleep(0.05)  # polling another process's progress; no event crosses processes
    print(f"job {job_id}: stop requested, still {snap.status} after {args.timeout:g}s")
    return EXIT_OK


def cmd_remove(args: argparse.Namespace, db: Database) -> int:
    job_id = jobs.parse_job_ref(args.job)
    jobs.remove(db, job_id)
    print(f"job {job_id} removed")
    return EXIT_OK


def cmd_retry(args: argparse.Namespace, db: Database) -> int:
    snap = jobs.retry(db, jobs.parse_job_ref(args.job))
    print(snap.id)
    return EXIT_OK


def cmd_undo(args: argparse.Namespace, db: Database) -> int:
    j = jobs.get(db, jobs.parse_job_ref(args.job))
    if not j.status.is_terminal:
        raise ConflictError(f"job #{j.id} is {j.status}: only a finished job can be undone")
    op = registry.get(j.operation)
    inverse = op.undo(j.result, j.params)
    if inverse is None:
        raise UsageError(f"job #{j.id} ({j.operation}) cannot be undone")
    name, params = inverse
    snap = jobs.submit(db, name, params, owner=j.owner, queue=None, label=f"Undo #{j.id}: {j.label}", parent_id=j.id)
    print(snap.id)
    return EXIT_OK


def cmd_export(args: argparse.Namespace, db: Database) -> int:
    if args.job:
        j = jobs.get(db, jobs.parse_job_ref(args.job))
        log = jobs.log_of(db, j.id)
        with _output(args.output) as out:
            export.write_job(out, j, log)
    else:
        user, all_users = _user_scope(db, args.all)
        rows = jobs.list_jobs(
            db, user=user, all_users=all_users, statuses=_statuses(args.status), operation=args.operation
        )
        with _output(args.output) as out:
            n = export.write_jobs(out, rows)
        if args.output:
            print(f"{n} job(s) written to {args.output}", file=sys.stderr)
    return EXIT_OK


def cmd_purge(args: argparse.Namespace, db: Database) -> int:
    if args.older_than is not None and args.older_than < 0:
        raise UsageError("--older-than must be 0 or more days")
    if args.keep is not None and args.keep < 0:
        raise UsageError("--keep must be 0 or more")
    days = args.older_than
    n = jobs.purge(db, days=days, failed_days=days, keep=args.keep)
    print(f"purged {n} finished job(s)")
    return EXIT_OK


def cmd_worker(args: argparse.Namespace, db: Database) -> int:
    from core.engine import Engine

    queues = args.queue
    if queues:
        known = {q.name for q in settings.get_queues(db)}
        missing = [q for q in queues if q not in known]
        if missing:
            raise UsageError(f"--queue: no queue named {', '.join(missing)} (queues: {', '.join(sorted(known))})")
    interrupts = _Interrupts()
    with interrupts.installed():  # before the engine starts: a SIGTERM from then on is a graceful stop
        engine = Engine(db, kind="worker", queues=queues).start()
        served = ", ".join(queues) if queues else "all queues"
        print(f"worker {engine.id} serving {served} on {db.url} (Ctrl-C or SIGTERM to stop)", file=sys.stderr)
        while not interrupts.event.wait(0.5):
            pass
        print(
            f"shutting down: running jobs get {args.grace:g}s to stop (Ctrl-C again to leave at once)", file=sys.stderr
        )
        engine.shutdown(grace=args.grace)
    print("worker stopped", file=sys.stderr)
    return EXIT_OK


def cmd_config(args: argparse.Namespace, db: Database) -> int:
    if args.config_command == "set":
        settings.set_key(db, args.key, args.value)
        print(f"{args.key} = {json.dumps(settings.show(db).get(args.key, args.value))}")
        return EXIT_OK
    values = settings.show(db)
    if args.json:
        json.dump(values, sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        for k, v in values.items():
            print(f"{k} = {json.dumps(v)}")
    return EXIT_OK


def cmd_queue(args: argparse.Namespace, db: Database) -> int:
    if args.queue_command == "list":
        qs = settings.get_queues(db)
        if args.json:
            from dataclasses import asdict

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
            _table(rows, sys.stdout)
        return EXIT_OK
    cfg = settings.set_paused(db, args.queue, args.queue_command == "pause")
    print(f"queue {cfg.name} {'paused' if cfg.paused else 'resumed'}")
    return EXIT_OK


def cmd_operations(args: argparse.Namespace, db: Database | None) -> int:
    ops = registry.all()
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
    "retry": cmd_retry,
    "undo": cmd_undo,
    "export-csv": cmd_export,
    "purge": cmd_purge,
    "worker": cmd_worker,
    "config": cmd_config,
    "queue": cmd_queue,
    "operations": cmd_operations,
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv:
        parser.print_help()
        return EXIT_OK
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_OK
    db: Database | None = None
    try:
        db = _open_db(args)
        if args.command == "library":
            from core import library_cli

            return library_cli.run_library(args, db)
        return COMMANDS[args.command](args, db)
    except AsyncopsError as exc:
        _err(str(exc))
        return exc.exit_code
    except DatabaseError as exc:
        _err(str(exc))
        return EXIT_USAGE
    except BrokenPipeError:  # `asyncops jobs | head`
        with contextlib.suppress(Exception):
            sys.stdout = io.StringIO()
        return EXIT_OK
    finally:
        if db is not None:
            db.dispose()


if __name__ == "__main__":
    sys.exit(main())
