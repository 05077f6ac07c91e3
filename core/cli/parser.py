"""The command line's grammar: every command, option and help text (no side effects)."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from core import __version__
from core.cli import notify as notify_cli
from core.cli import team as team_cli
from core.cli.desktop_install import add_parser as add_desktop_install_parser
from core.cli.engine_cmd import add_parser as add_engine_parser
from core.cli.formatting import count, days, priority, seconds
from core.cli.workflows_parser import add_parsers as add_workflow_parsers
from core.errors import UsageError
from core.library_cli import add_parser as add_library_parser

PROG = "asyncops"


class Parser(argparse.ArgumentParser):
    """argparse that raises UsageError instead of exiting, so that main() owns every exit code and message."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{self.prog}: {message}")


# -- parser -----------------------------------------------------------------------------------------
def _common() -> Parser:
    p = Parser(add_help=False)
    p.add_argument(
        "--db",
        metavar="URL",
        default=argparse.SUPPRESS,
        help="database: an SQLAlchemy URL or a SQLite file path (default: $ASYNCOPS_DB, "
        "else asyncops.db in the user data folder)",
    )
    p.add_argument(
        "--create",
        action="store_true",
        default=argparse.SUPPRESS,
        help="with --db: create the database's folder if it does not exist",
    )
    p.add_argument(
        "--no-autostart",
        action="store_true",
        default=argparse.SUPPRESS,
        help="do not start the background engine when queueing work (also: ASYNCOPS_NO_AUTOSTART=1)",
    )
    return p


def build_parser() -> argparse.ArgumentParser:
    common = _common()
    parser = Parser(
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
        p.add_argument("--priority", type=priority, default=0, help="higher runs first inside the queue")
        p.add_argument("--label", help="what the job table shows")
        p.add_argument("--description", help="a longer description shown in the details")
        p.add_argument("--dry-run", action="store_true", help="print what would happen and change nothing")

    p = add("submit", "queue a job and print its id")
    op_args(p)
    p.add_argument("--at", metavar="ISO-8601", help="start at this time (local time unless an offset is given)")

    p = add("run", "run inline with a progress bar when under the thresholds, else queue it")
    op_args(p)
    p.add_argument("-q", "--quiet", action="store_true", help="do not print the job's log lines as they come")

    p = add("jobs", "list your jobs (newest first)")
    p.add_argument("--status", action="append", metavar="S", help="only this status (repeatable)")
    p.add_argument("--operation", metavar="OP")
    p.add_argument("--all", action="store_true", help="everybody's jobs (admins)")
    p.add_argument("--limit", type=count, default=50, help="at most N jobs (0: all; default 50)")
    p.add_argument("--json", action="store_true")

    p = add("show", "one job's details")
    p.add_argument("job", metavar="ID", help="job id or link asyncops://job/ID")
    p.add_argument("--json", action="store_true")
    p.add_argument("--log", action="store_true", help="include the job log")

    p = add("stop", "stop jobs (waiting: at once; active: asks its engine)")
    p.add_argument("job", metavar="ID", nargs="+", help="job id or link asyncops://job/ID (several allowed)")
    p.add_argument("--no-wait", action="store_true", help="return once the stop is requested")
    p.add_argument("--timeout", type=seconds, default=30.0, help="seconds to wait for the job to end")

    for name, text in (
        ("pause", "pause running jobs at their next item (a command: its processes stop with SIGSTOP)"),
        ("resume", "resume paused jobs"),
    ):
        p = add(name, text)
        p.add_argument("job", metavar="ID", nargs="+", help="job id or link asyncops://job/ID (several allowed)")
        p.add_argument("--no-wait", action="store_true", help="return once asked, without waiting for the engine")
        p.add_argument("--timeout", type=seconds, default=10.0, help="seconds to wait for each job to answer")

    p = add("remove", "remove finished jobs and their logs")
    p.add_argument("job", metavar="ID", nargs="+", help="job id or link asyncops://job/ID (several allowed)")

    p = add("retry", "run finished jobs again with the same parameters (a new job each)")
    p.add_argument("job", metavar="ID", nargs="*", help="job id or link asyncops://job/ID (several allowed)")
    p.add_argument(
        "--failed-items",
        action="store_true",
        help="only the items that failed or were left undone (files of a delete or move, URLs of a fetch, "
        "rows of a metadata-import)",
    )

    p = add("undo", "queue the job that reverses a finished delete or move")
    p.add_argument("job", metavar="ID")

    p = add("export-csv", "the job list, or one job's details and log, as CSV")
    p.add_argument("job", metavar="ID", nargs="?")
    p.add_argument("-o", "--output", metavar="FILE", help="write here (default: standard output)")
    p.add_argument("--status", action="append", metavar="S")
    p.add_argument("--operation", metavar="OP")
    p.add_argument("--all", action="store_true", help="everybody's jobs (admins)")

    p = add("purge", "delete finished jobs past their retention")
    p.add_argument("--older-than", type=days, metavar="DAYS", help="finished more than DAYS ago (any status)")
    p.add_argument("--keep", type=count, metavar="N", help="keep at most the N most recent finished jobs")

    p = add("worker", "run a headless engine until Ctrl-C or SIGTERM")
    p.add_argument("--queue", action="append", metavar="Q", help="serve only this queue (repeatable)")
    p.add_argument("--grace", type=seconds, default=10.0, help="seconds running jobs get to stop at shutdown")

    add_engine_parser(sub, common)

    p = add("config", "show or change the shared configuration")
    csub = p.add_subparsers(dest="config_command", metavar="ACTION", required=True)
    c = csub.add_parser("show", help="every key and value", parents=[common])
    c.add_argument("--json", action="store_true")
    c = csub.add_parser("set", help="set KEY to VALUE", parents=[common])
    c.add_argument("key")
    c.add_argument("value", nargs="?", help="the value (not for smtp.password: it is asked for, or read from a file)")
    c.add_argument(
        "--password-file",
        metavar="FILE",
        help="smtp.password: read it from the first line of FILE ('-': standard input); default: ask for it",
    )

    p = add("queue", "pause, resume or list queues")
    qsub = p.add_subparsers(dest="queue_command", metavar="ACTION", required=True)
    for name, text in (("pause", "running jobs finish, nothing new starts"), ("resume", "start jobs again")):
        q = qsub.add_parser(name, help=text, parents=[common])
        q.add_argument("queue")
    q = qsub.add_parser("list", help="queues and their state", parents=[common])
    q.add_argument("--json", action="store_true")

    p = add("operations", "the registered operations and their parameters")
    p.add_argument("--json", action="store_true")

    add_library_parser(sub)
    add_desktop_install_parser(sub, common)
    team_cli.add_parser(sub, common)
    notify_cli.add_parser(sub, common)
    add_workflow_parsers(sub, common)
    return parser


def parse_params(pairs: Sequence[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise UsageError(f"-p {pair!r}: expected KEY=VALUE")
        out[key.strip()] = value
    return out
