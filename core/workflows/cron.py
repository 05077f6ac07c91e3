"""Cron expressions (5 fields, local time) and the due times they give."""

from __future__ import annotations

import datetime as dt

from croniter import croniter

from core.errors import UsageError
from core.messages import define, msg

define("cron.invalid", "--schedule {expr!r} is not a cron expression of 5 fields (minute hour day month weekday)")
define("cron.catch_up", "--catch-up {value!r}: use none or one")

CATCH_UP = ("none", "one")


def check(expr: str) -> str:
    """The expression, normalised; UsageError (exit 2) when it is not a valid 5-field cron expression."""
    text = " ".join(expr.split())
    if len(text.split(" ")) != 5 or not croniter.is_valid(text):
        raise UsageError(msg("cron.invalid", expr=expr), field="schedule")
    return text


def check_catch_up(value: str) -> str:
    if value not in CATCH_UP:
        raise UsageError(msg("cron.catch_up", value=value), field="catch_up")
    return value


def next_after(expr: str, after: dt.datetime) -> dt.datetime:
    """The first due time strictly after ``after`` (an aware time), in UTC; cron fields are local time."""
    local = after.astimezone()
    nxt = croniter(expr, local).get_next(dt.datetime)
    return nxt.astimezone(dt.UTC)


def latest_at_or_before(expr: str, when: dt.datetime) -> dt.datetime:
    """The last due time at or before ``when``, in UTC."""
    local = when.astimezone()
    it = croniter(expr, local + dt.timedelta(microseconds=1))
    return it.get_prev(dt.datetime).astimezone(dt.UTC)
