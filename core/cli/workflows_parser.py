"""The grammar of issue 11's commands (``priority``, ``profile …``, ``chain …``) and of the new options of
``submit`` (``--after``, ``--run-anyway``), ``jobs`` (``--profile``) and ``retry`` (``--failed``, ``--operation``,
``--since``). No side effects; the commands are in ``core.cli.workflows``."""

from __future__ import annotations

import argparse
from typing import Any, cast

from core.cli.formatting import priority
from core.workflows import cron


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    """The new commands, and the new options of ``submit``, ``jobs`` and ``retry``."""
    choices: dict[str, argparse.ArgumentParser] = sub.choices

    p = choices["submit"]
    p.add_argument(
        "--after",
        action="append",
        default=[],
        metavar="ID",
        help="start only once job ID has ended (repeatable); if it did not succeed, this job is not run",
    )
    p.add_argument("--run-anyway", action="store_true", help="with --after: run however the jobs waited for ended")

    p = choices["jobs"]
    p.add_argument("--profile", metavar="NAME", help="only jobs started from this saved profile")

    p = choices["retry"]  # `retry ID …` or `retry --failed`
    p.add_argument("--failed", action="store_true", help="retry every failed job of yours (once each)")
    p.add_argument("--operation", metavar="OP", help="with --failed: only jobs of this operation")
    p.add_argument("--since", metavar="DURATION", help="with --failed: failed within e.g. 30m, 12h, 2d, 1w")

    def add(name: str, help: str) -> argparse.ArgumentParser:
        return cast(argparse.ArgumentParser, sub.add_parser(name, help=help, description=help, parents=[common]))

    p = add(
        "priority",
        "re-order a queued or scheduled job: N (higher runs first in its queue), or top, up, down, bottom "
        "(its place among your queued jobs of that queue)",
    )
    p.add_argument("job", metavar="ID", help="job id or link asyncops://job/ID")
    p.add_argument("priority", metavar="N|top|up|down|bottom", type=_priority)

    def schedule_args(q: argparse.ArgumentParser) -> None:
        q.add_argument("--schedule", metavar="CRON", help="run on this cron schedule (5 fields, local time)")
        q.add_argument(
            "--catch-up",
            choices=cron.CATCH_UP,
            default="one",
            help="times missed while no engine ran: run once at the next start (one, default) or skip (none)",
        )

    p = add("profile", "saved operations: save, list, show, run, remove")
    psub = p.add_subparsers(dest="profile_command", metavar="ACTION", required=True)
    q = psub.add_parser("save", help="save (or replace) a profile", parents=[common])
    q.add_argument("name", metavar="NAME")
    q.add_argument("operation", metavar="OP", help="operation name (see `asyncops operations`)")
    q.add_argument("-p", "--param", action="append", default=[], metavar="KEY=VALUE", help="a parameter (repeatable)")
    q.add_argument("--label", help="what the job table shows")
    q.add_argument("--queue", help="queue (default: the queue that takes this operation)")
    q.add_argument("--priority", type=priority, default=0, help="higher runs first inside the queue")
    schedule_args(q)
    q = psub.add_parser("list", help="your profiles and their next due time", parents=[common])
    q.add_argument("--json", action="store_true")
    q = psub.add_parser("show", help="one profile", parents=[common])
    q.add_argument("name", metavar="NAME")
    q.add_argument("--json", action="store_true")
    q = psub.add_parser("run", help="queue a job from a profile and print its id", parents=[common])
    q.add_argument("name", metavar="NAME")
    q.add_argument(
        "-p", "--param", action="append", default=[], metavar="KEY=VALUE", help="override a parameter (repeatable)"
    )
    q = psub.add_parser("remove", help="remove a profile", parents=[common])
    q.add_argument("name", metavar="NAME")

    p = add("chain", "profiles run one after the other: save, run, list, remove")
    csub = p.add_subparsers(dest="chain_command", metavar="ACTION", required=True)
    q = csub.add_parser("save", help="save (or replace) a chain of profiles", parents=[common])
    q.add_argument("name", metavar="NAME")
    q.add_argument("steps", metavar="PROFILE", nargs="+", help="the steps, in order; a failed step stops the later")
    q.add_argument("--finally", dest="finally_profile", metavar="PROFILE", help="a last step that runs anyway")
    schedule_args(q)
    q = csub.add_parser("run", help="queue one job per step and print their ids", parents=[common])
    q.add_argument("name", metavar="NAME")
    q = csub.add_parser("list", help="your chains", parents=[common])
    q.add_argument("--json", action="store_true")
    q = csub.add_parser("remove", help="remove a chain", parents=[common])
    q.add_argument("name", metavar="NAME")


def _priority(text: str) -> int | str:
    word = text.strip().lower()
    if word in ("top", "up", "down", "bottom"):
        return word
    try:
        int(word)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number nor top, up, down or bottom") from None
    return priority(word)  # within the range a priority takes
