"""What the command line prints: tables, details, dates in local time, and files written whole."""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import os
import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TextIO

from core.errors import UsageError
from core.files import replacing
from core.messages import define, msg
from core.records import JobSnapshot

PROG = "asyncops"

define("cli.out_of_range", "{text!r} is out of range: give a number from {lo} to {hi}")

INT64_MAX = 2**63 - 1  # the largest integer SQLite (and PostgreSQL's BIGINT) stores
PRIORITY_MAX = 10**9  # priorities fit the INTEGER column (32 bits on PostgreSQL) with room for top/up moves
SECONDS_MAX = 10**8  # about three years: longer than any wait, and within what the OS's timed waits take
DAYS_MAX = 100_000  # about 270 years back: a date the calendar still has


def number(text: str) -> float:
    """An option's number of seconds or days: ``nan`` and ``inf``, which ``float()`` takes, are not one."""
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"{text!r} is not a number")
    return value


def _within(text: str, value: float, lo: float, hi: float) -> None:
    if not lo <= value <= hi:
        raise argparse.ArgumentTypeError(msg("cli.out_of_range", text=text, lo=lo, hi=hi).text)


def integer(lo: int, hi: int) -> Callable[[str], int]:
    """An option's whole number within ``lo``..``hi`` (a number the database and the clock can take)."""

    def parse(text: str) -> int:
        value = int(text)  # a ValueError: argparse says "invalid int value: 'x'"
        _within(text, value, lo, hi)
        return value

    parse.__name__ = "int"
    return parse


def bounded(lo: float, hi: float) -> Callable[[str], float]:
    """An option's number of seconds or days within ``lo``..``hi`` (not nan nor infinite)."""

    def parse(text: str) -> float:
        value = number(text)
        _within(text, value, lo, hi)
        return value

    return parse


seconds = bounded(0, SECONDS_MAX)
days = bounded(0, DAYS_MAX)
count = integer(0, INT64_MAX)
priority = integer(-PRIORITY_MAX, PRIORITY_MAX)


def err(message: str) -> None:
    print(f"{PROG}: error: {message}", file=sys.stderr)


# -- helpers ----------------------------------------------------------------------------------------
@contextlib.contextmanager
def output(path: str | None) -> Iterator[TextIO]:
    """Standard output, or a file written to a temporary name and renamed when complete."""
    if not path:
        yield sys.stdout
        return
    target = Path(path).expanduser()
    if not target.parent.is_dir():
        raise UsageError(f"-o {path}: the folder {target.parent} does not exist")
    with replacing(target) as fh:  # the mode of a file the user creates (or of the file it replaces)
        yield fh


def local(value: Any) -> str:
    return value.astimezone().strftime("%Y-%m-%d %H:%M:%S") if value else "-"


def progress_text(j: JobSnapshot) -> str:
    if j.progress_total:
        return f"{j.progress_done}/{j.progress_total} ({100 * (j.fraction or 0):.0f}%)"
    return str(j.progress_done) if j.progress_done else "-"


def terminal_width(out: TextIO) -> int | None:
    """The width to fit, or None (no cutting) when writing to a pipe or file without ``COLUMNS``."""
    if not (hasattr(out, "isatty") and out.isatty()) and "COLUMNS" not in os.environ:
        return None
    return shutil.get_terminal_size((100, 24)).columns


def elide(text: str, width: int, *, middle: bool = False) -> str:
    """``text`` cut to ``width`` characters with an ellipsis (in the middle keeps both ends)."""
    if len(text) <= width:
        return text
    if width <= 1:
        return "…"[:width]
    if middle:  # a third of the start, two thirds of the end: where the actionable part of a sentence is
        head = (width - 1) // 3
        return text[:head] + "…" + text[len(text) - (width - 1 - head) :]
    return text[: width - 1] + "…"


def fit(rows: list[list[str]], flexible: dict[int, int], width: int | None) -> list[list[str]]:
    """Shrink the ``flexible`` columns (index → narrowest width), in the order given, until the table fits
    ``width``; cut cells get an ellipsis in the middle, so both the start and the actionable end stay."""
    if width is None or not rows:
        return rows
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    excess = sum(widths) + 2 * (len(widths) - 1) - width
    for col in flexible:
        if excess <= 0:
            break
        cut = min(excess, max(0, widths[col] - flexible[col]))
        widths[col] -= cut
        excess -= cut
    return [[elide(c, widths[i], middle=True) if i in flexible else c for i, c in enumerate(r)] for r in rows]


def table(rows: list[list[str]], out: TextIO) -> None:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for r in rows:
        out.write("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() + "\n")


def print_details(j: JobSnapshot, out: TextIO) -> None:
    fields = [
        ("Job", f"#{j.id}  {j.link}"),
        ("Operation", j.operation),
        ("Label", j.label),
        ("Status", f"{j.status}" + (f" ({j.waiting_reason})" if j.waiting_reason else "")),
        ("Owner", j.owner),
        ("Queue", f"{j.queue} (priority {j.priority})"),
        ("Attempt", f"{j.attempt}/{j.max_attempts}"),
        ("Progress", progress_text(j)),
        ("Warnings", str(j.warnings)),
        ("Errors", str(j.errors)),
        ("Created", local(j.created_at)),
        ("Scheduled", local(j.scheduled_for)),
        ("Started", local(j.started_at)),
        ("Finished", local(j.finished_at)),
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
    duration = j.duration()
    if duration is not None:  # the time it ran: paused time left out
        paused = f" (paused {j.paused_seconds:.0f}s)" if j.paused_seconds else ""
        fields.insert(
            fields.index(("Finished", local(j.finished_at))) + 1, ("Duration", f"{str(duration).split('.')[0]}{paused}")
        )
    for o in j.outputs:  # the files it wrote
        fields.append(("Output", f"{o['path']} ({o.get('kind', 'file')})"))
    width = max(len(k) for k, _ in fields)
    for k, v in fields:
        out.write(f"{k.ljust(width)}  {v}\n")
