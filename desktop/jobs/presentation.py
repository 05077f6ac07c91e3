"""View decisions as pure functions (no widgets): badge texts and colours, progress text, which actions are
enabled and why not, what the context menu holds, what a notification says.

Tests call these directly (qutebrowser's ``_get_menu_actions`` practice); widgets only render the answers.
Texts go through ``QCoreApplication.translate`` so they follow the chosen language.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from core.errors import AsyncopsError
from core.messages import Message
from core.records import JobSnapshot
from core.status import NOT_REMOVABLE, JobStatus
from desktop import i18n

translate = QCoreApplication.translate
S = JobStatus

# How a job's label reads in the window's language: the Tracker's ``display_label`` (a generated label is a
# message; a label a person typed stays as typed), set once by the composition root (``desktop/app.py``).
_labeler: list[Callable[[JobSnapshot], Message]] = []


def set_labeler(labeler: Callable[[JobSnapshot], Message] | None) -> None:
    _labeler[:] = [labeler] if labeler is not None else []


def job_title(snap: JobSnapshot) -> str:
    """The job's label in the window's language (its English text when no labeler is set)."""
    if _labeler:
        try:
            return i18n.tr_message(_labeler[0](snap)) or snap.title
        except Exception:  # an operation's label code that fails must not break a paint
            return snap.title
    return snap.title


@dataclass(frozen=True)
class Palette:
    fg: str  # text and border of the badge
    bg: str  # fill of the badge
    bar: str  # progress bar / tray accent


PALETTES: dict[str, Palette] = {
    "green": Palette("#1e6b30", "#dcf2e0", "#2e9d4a"),
    "yellow": Palette("#8a4b00", "#ffeccc", "#f0a020"),
    "red": Palette("#a31919", "#fde0e0", "#d93030"),
    "blue": Palette("#0d4f9e", "#dcebfc", "#2f7fd8"),
    "grey": Palette("#4d5561", "#e8eaed", "#8a93a0"),
}


def status_name(status: JobStatus | str) -> str:
    names = {
        S.SCHEDULED: translate("Status", "Scheduled"),
        S.QUEUED: translate("Status", "Queued"),
        S.ACTIVE: translate("Status", "Active"),
        S.STOPPING: translate("Status", "Stopping"),
        S.PAUSED: translate("Status", "Paused"),
        S.SUCCEEDED: translate("Status", "Succeeded"),
        S.FAILED: translate("Status", "Failed"),
        S.STOPPED: translate("Status", "Stopped"),
        S.INTERRUPTED: translate("Status", "Interrupted"),
    }
    return names[JobStatus(status)]


def warnings_text(n: int) -> str:
    return translate("Status", "%n warning(s)", None, n)


def errors_text(n: int) -> str:
    return translate("Status", "%n error(s)", None, n)


@dataclass(frozen=True)
class Badge:
    text: str  # "Succeeded · 140 warnings": tooltips, the details window
    colour: str  # green, yellow, red, blue, grey (core.status.display_colour)
    fg: str
    bg: str
    short: str = ""  # "Succeeded · 140 ⚠": the table and the side panel, where the text must never be cut

    @property
    def compact(self) -> str:
        return self.short or self.text


WARNING_SIGN = "\u26a0"  # ⚠
ERROR_SIGN = "\u2716"  # ✖


def percent(snap: JobSnapshot) -> int | None:
    f = snap.fraction
    return None if f is None else int(f * 100)


def badge(snap: JobSnapshot) -> Badge:
    """The status badge: colour family plus a text that never relies on the colour alone."""
    colour = snap.colour
    text = short = status_name(snap.status)
    if snap.status is S.SUCCEEDED and snap.warnings:
        short = f"{text} · {short_count(snap.warnings)} {WARNING_SIGN}"
        text = f"{text} · {warnings_text(snap.warnings)}"
    elif colour == "red" and snap.errors:
        short = f"{text} · {short_count(snap.errors)} {ERROR_SIGN}"
        text = f"{text} · {errors_text(snap.errors)}"
    elif snap.status.is_running:
        p = percent(snap)
        if p is not None:
            text = short = f"{text} · {p}%"
    pal = PALETTES[colour]
    return Badge(text, colour, pal.fg, pal.bg, short)


def short_count(n: int) -> str:
    """A count in at most four characters for a badge: ``140``, ``1.2k``, ``38k``, ``1.5M`` (whole in the tooltip)."""
    if n < 1000:
        return str(n)
    for unit, size in (("M", 1_000_000), ("k", 1000)):
        if n >= size or (unit == "M" and n >= 999_500):
            value = n / size
            return (f"{value:.1f}".rstrip("0").rstrip(".") if value < 10 else f"{value:.0f}") + unit
    return str(n)


def badge_samples() -> list[str]:
    """The widest compact badges a row can show in the current language (the status column is sized on them)."""
    return [f"{status_name(s)} · 999 {ERROR_SIGN}" for s in S]


# -- numbers and times ------------------------------------------------------------------------------
def format_duration(td: dt.timedelta | None) -> str:
    if td is None:
        return ""
    s = int(td.total_seconds())
    if s < 60:
        return translate("Time", "%1 s").replace("%1", str(s))
    m, s = divmod(s, 60)
    if m < 60:
        return translate("Time", "%1 min %2 s").replace("%1", str(m)).replace("%2", f"{s:02d}")
    h, m = divmod(m, 60)
    if h < 48:
        return translate("Time", "%1 h %2 min").replace("%1", str(h)).replace("%2", f"{m:02d}")
    d, h = divmod(h, 24)
    return translate("Time", "%1 d %2 h").replace("%1", str(d)).replace("%2", str(h))


def format_time(value: dt.datetime | None, *, seconds: bool = False) -> str:
    """A UTC time from the database shown in local time."""
    if value is None:
        return ""
    return value.astimezone().strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")


def format_short_time(value: dt.datetime | None, now: dt.datetime | None = None) -> str:
    """``14:03`` today, ``25 Nov 14:03`` this year, the full date otherwise."""
    if value is None:
        return ""
    local = value.astimezone()
    today = (now or dt.datetime.now(dt.UTC)).astimezone()
    if local.date() == today.date():
        return local.strftime("%H:%M")
    if local.year == today.year:  # the month's name in the chosen language
        return f"{_day_month(local.date())} {local.strftime('%H:%M')}"
    return local.strftime("%Y-%m-%d")


_DAY_MONTH: dict[tuple[str, dt.date], str] = {}


def _day_month(day: dt.date) -> str:
    """``25 Nov`` in the current locale (kept: Qt's date formatting is slow, and a table shows many times)."""
    locale = QLocale()
    key = (locale.name(), day)
    text = _DAY_MONTH.get(key)
    if text is None:
        if len(_DAY_MONTH) > 1000:
            _DAY_MONTH.clear()
        text = _DAY_MONTH[key] = locale.toString(QDate(day.year, day.month, day.day), "d MMM")
    return text


def format_count(n: int | None) -> str:
    return "" if n is None else f"{n:,}".replace(",", "\u202f")


def format_rate(rate: float | None) -> str:
    if not rate:
        return ""
    if rate >= 100:
        value = f"{rate:,.0f}".replace(",", "\u202f")
    elif rate >= 10:
        value = f"{rate:.0f}"
    else:
        value = f"{rate:.1f}"
    return translate("Time", "%1/s").replace("%1", value)


def progress_texts(snap: JobSnapshot, now: dt.datetime | None = None) -> list[str]:
    """What the progress cell can say, longest first (a narrow cell shows the first that fits): for a running
    job ``45% · 120/s · 2 min 10 s left``, then without the rate, then the percent alone; a job that reports no
    progress says how long it has run (``1 min 05 s elapsed``); ``1 200 / 1 200`` once finished."""
    if snap.status.is_running:
        p = percent(snap)
        head = f"{p}%" if p is not None else format_count(snap.progress_done) if snap.progress_done else ""
        rate = format_rate(snap.rate(now))
        eta = snap.eta(now)
        left = translate("Time", "%1 left").replace("%1", format_duration(eta)) if eta is not None else ""
        if not head and not rate and not left:
            elapsed = snap.duration(now)
            if elapsed is None or elapsed.total_seconds() < 1:
                return [translate("Time", "starting…")]
            return [translate("Time", "%1 elapsed").replace("%1", format_duration(elapsed))]
        full = [x for x in (head, rate, left) if x]
        rough = ""  # minutes are enough where room is short: "43% · 8 min left"
        if eta is not None and eta.total_seconds() >= 60:
            rounded = dt.timedelta(minutes=round(eta.total_seconds() / 60))
            rough = translate("Time", "%1 left").replace("%1", format_duration(rounded).split(" 00")[0].strip())
        options = [
            " · ".join(full),
            " · ".join(x for x in (head, left) if x),
            " · ".join(x for x in (head, rough) if x),
            head or rate,
        ]
        return [o for i, o in enumerate(options) if o and o not in options[:i]]
    if snap.progress_total:
        return [f"{format_count(snap.progress_done)} / {format_count(snap.progress_total)}"]
    if snap.progress_done:
        return [format_count(snap.progress_done)]
    return [""]


def progress_text(snap: JobSnapshot, now: dt.datetime | None = None) -> str:
    """The progress cell's full text (see ``progress_texts``)."""
    return progress_texts(snap, now)[0]


def duration_text(snap: JobSnapshot, now: dt.datetime | None = None) -> str:
    return format_duration(snap.duration(now))


# -- actions ----------------------------------------------------------------------------------------
ACTIONS = ("new", "stop", "pause", "resume", "open", "remove", "retry", "undo", "export", "open_link")


@dataclass(frozen=True)
class ActionState:
    enabled: bool
    tooltip: str


def action_states(
    selected: Sequence[JobSnapshot],
    can_undo: Callable[[JobSnapshot], bool] | None = None,
    can_pause: Callable[[JobSnapshot], bool] | None = None,
) -> dict[str, ActionState]:
    """Enabled state and tooltip of every job action for the selected jobs (several for Stop and Remove).
    ``can_undo`` is the Tracker's: whether the operation knows how to reverse that finished run; ``can_pause``
    whether its operation can pause (None: all can)."""
    n = len(selected)
    out: dict[str, ActionState] = {
        "new": ActionState(True, translate("Actions", "Start a new operation (Ctrl+N)")),
        "open_link": ActionState(True, translate("Actions", "Open a job from its link asyncops://job/ID (Ctrl+L)")),
    }
    if n == 0:
        none = translate("Actions", "Select a job first")
        out["stop"] = ActionState(False, none)
        out["pause"] = ActionState(False, none)
        out["resume"] = ActionState(False, none)
        out["open"] = ActionState(False, none)
        out["remove"] = ActionState(False, none)
        out["retry"] = ActionState(False, none)
        out["undo"] = ActionState(False, none)
        out.update(move_states(selected))
        out["export"] = ActionState(
            True, translate("Actions", "Download the jobs listed (with the current filters) as CSV")
        )
        return out

    stoppable = [s for s in selected if s.status in (S.ACTIVE, S.PAUSED, S.QUEUED, S.SCHEDULED)]
    if stoppable:
        k = len(stoppable)
        out["stop"] = ActionState(True, translate("Actions", "Stop %n selected job(s)", None, k))
    elif all(s.status is S.STOPPING for s in selected):
        out["stop"] = ActionState(False, translate("Actions", "Already stopping"))
    else:
        out["stop"] = ActionState(False, translate("Actions", "Only active, queued or scheduled jobs can be stopped"))
    out.update(pause_states(selected, can_pause))
    out.update(move_states(selected))

    if n == 1:
        out["open"] = ActionState(
            True, translate("Actions", "Show the details and log of job #%1 (Enter)").replace("%1", str(selected[0].id))
        )
    else:
        out["open"] = ActionState(False, translate("Actions", "Select a single job to see its details"))

    blocking = [s for s in selected if s.status in NOT_REMOVABLE]
    if not blocking:
        out["remove"] = ActionState(
            True, translate("Actions", "Remove %n job(s) and their logs from the history", None, n)
        )
    else:
        first = blocking[0]
        if first.status is S.QUEUED:
            why = translate("Actions", "Job #%1 is queued: stop it first, then remove it")
        else:
            why = translate("Actions", "Job #%1 is still running: stop it first, then remove it")
        out["remove"] = ActionState(False, why.replace("%1", str(first.id)))

    if all(s.status.is_terminal for s in selected):
        out["retry"] = ActionState(True, translate("Actions", "Run %n job(s) again with the same parameters", None, n))
    else:
        out["retry"] = ActionState(False, translate("Actions", "Only finished jobs can be retried"))

    if n != 1:
        out["undo"] = ActionState(False, translate("Actions", "Select a single finished job to undo it"))
    elif not selected[0].status.is_terminal:
        out["undo"] = ActionState(False, translate("Actions", "Only a finished job can be undone"))
    elif can_undo is not None and can_undo(selected[0]):
        out["undo"] = ActionState(
            True, translate("Actions", "Reverse what job #%1 did (Ctrl+Z)").replace("%1", str(selected[0].id))
        )
    else:
        out["undo"] = ActionState(False, translate("Actions", "This operation's result cannot be undone"))

    out["export"] = ActionState(
        True, translate("Actions", "Download the jobs listed (with the current filters) as CSV")
    )
    return out


def pausable(selected: Sequence[JobSnapshot], can_pause: Callable[[JobSnapshot], bool] | None = None) -> list[int]:
    """Ids of the selected jobs that Pause asks: running, not asked yet, of an operation that can pause."""
    return [
        s.id for s in selected if s.status is S.ACTIVE and not s.pause_requested and (can_pause is None or can_pause(s))
    ]


def resumable(selected: Sequence[JobSnapshot]) -> list[int]:
    """Ids of the selected jobs that Resume asks: paused, or asked to pause and not there yet."""
    return [s.id for s in selected if s.status is S.PAUSED or (s.status is S.ACTIVE and s.pause_requested)]


def pause_states(
    selected: Sequence[JobSnapshot], can_pause: Callable[[JobSnapshot], bool] | None = None
) -> dict[str, ActionState]:
    """Pause and Resume for the selected jobs (a paused job keeps its slot; Stop still ends it)."""
    out: dict[str, ActionState] = {}
    k = len(pausable(selected, can_pause))
    if k:
        out["pause"] = ActionState(True, translate("Actions", "Pause %n selected job(s) at their next item", None, k))
    elif any(s.status is S.ACTIVE and not s.pause_requested for s in selected):
        out["pause"] = ActionState(False, translate("Actions", "This operation cannot pause: stop it instead"))
    elif selected and all(s.status is S.PAUSED or s.pause_requested for s in selected):
        out["pause"] = ActionState(False, translate("Actions", "Already paused"))
    else:
        out["pause"] = ActionState(False, translate("Actions", "Only running jobs can be paused"))
    k = len(resumable(selected))
    if k:
        out["resume"] = ActionState(True, translate("Actions", "Resume %n paused job(s)", None, k))
    else:
        out["resume"] = ActionState(False, translate("Actions", "Only paused jobs can be resumed"))
    return out


# -- workflow (issue 11): where a job came from, what it waits for, its chain run --------------------
def job_link(job_id: int, text: str | None = None) -> str:
    return f'<a href="asyncops://job/{job_id}">{html.escape(text or f"#{job_id}")}</a>'


def workflow_parts(snap: JobSnapshot) -> list[str]:
    """Rich-text lines (links to the jobs named) of the details' Workflow row; empty for a plain job."""
    out = []
    if snap.profile:
        if snap.origin == "schedule":
            text = translate("Workflow", "From the saved profile %1, started by its schedule")
        else:
            text = translate("Workflow", "From the saved profile %1, started by hand")
        out.append(html.escape(text).replace("%1", f"<b>{html.escape(snap.profile)}</b>"))
    if snap.after:
        waits = snap.status is S.SCHEDULED and snap.started_at is None
        text = translate("Workflow", "Waits for %1") if waits else translate("Workflow", "Came after %1")
        out.append(html.escape(text).replace("%1", ", ".join(job_link(i) for i in snap.after)))
    return out


def chain_text(name: str, steps: Sequence[JobSnapshot], current: int) -> str:
    """ "Chain nightly, step 2 of 3: #10 Succeeded → #11 Active → #12 Scheduled" with each step a link."""
    ids = [s.id for s in steps]
    where = ids.index(current) + 1 if current in ids else 0
    head = translate("Workflow", "Chain %1, step %2 of %3:") if where else translate("Workflow", "Chain %1:")
    head = html.escape(head).replace("%1", f"<b>{html.escape(name)}</b>")
    head = head.replace("%2", str(where)).replace("%3", str(len(steps)))
    items = []
    for s in steps:
        text = f"#{s.id} {status_name(s.status)}"
        link = job_link(s.id, text)
        items.append(f"<b>{link}</b>" if s.id == current else link)
    return head + "<br>" + " → ".join(items)


MOVES = ("move_top", "move_up", "move_down")


def move_states(selected: Sequence[JobSnapshot]) -> dict[str, ActionState]:
    """Move to top / up / down: queued jobs of one queue (their order is the order engines take them in)."""
    if not selected:
        why = translate("Actions", "Select queued jobs first")
    elif any(s.status is not S.QUEUED for s in selected):
        why = translate("Actions", "Only queued jobs can be moved in their queue")
    elif len({s.queue for s in selected}) > 1:
        why = translate("Actions", "Select jobs of one queue to move them")
    else:
        queue = selected[0].queue
        texts = {
            "move_top": translate("Actions", "Move before every other queued job of the queue %1"),
            "move_up": translate("Actions", "Move one place up in the queue %1 (Alt+Up)"),
            "move_down": translate("Actions", "Move one place down in the queue %1 (Alt+Down)"),
        }
        return {name: ActionState(True, text.replace("%1", queue)) for name, text in texts.items()}
    return {name: ActionState(False, why) for name in MOVES}


def move_order(selected: Sequence[JobSnapshot], where: str) -> list[int]:
    """The ids to move one at a time so that the selected jobs keep their own order: up, the first of them in
    the queue first; to the top and down, the last first."""
    ids = [s.id for s in sorted(selected, key=lambda s: (-s.priority, s.id))]
    return list(reversed(ids)) if where in ("top", "down") else ids


def context_menu(selected: Sequence[JobSnapshot]) -> list[str | None]:
    """Action names of the table's context menu, in order (None is a separator); disabled ones stay listed.
    The moves are listed when a queued job is selected."""
    if not selected:
        return ["new", "open_link", None, "export"]
    names: list[str | None] = ["open", None, "stop", "pause", "resume", "retry", "undo", "remove"]
    if any(s.status is S.QUEUED for s in selected):
        names += [None, *MOVES]
    return [*names, None, "export", None, "new"]


# -- errors -----------------------------------------------------------------------------------------
def error_text(exc: BaseException) -> str:
    """What an error says, in the window's language: a core error's message; anything else by its type."""
    if isinstance(exc, AsyncopsError):
        return i18n.tr_message(exc.message)
    return f"{type(exc).__name__}: {exc}"


def outcome_text(snap: JobSnapshot) -> str:
    """The job's message (how it ended, or what it does) and why it waits, in the window's language."""
    parts = [i18n.tr_message(snap.outcome)]
    if snap.waiting is not None and snap.status.is_waiting:
        parts.append(i18n.tr_message(snap.waiting))
    return "\n".join(p for p in parts if p)


def operation_title(operation: str, title: str = "") -> str:
    """An operation's title as people read it (the core declares it in English; unknown ones keep their name)."""
    return i18n.tr_core(title) if title else operation


# -- notifications ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Notice:
    """A message for the person. ``again`` says it anew in the current language (the inbox and the message bar
    call it when the language changes); a notice without it stays as it was said."""

    title: str
    text: str
    level: str  # info, warning, error
    job_id: int | None = None
    again: Callable[[], Notice] | None = field(default=None, compare=False, repr=False)

    def retranslated(self) -> Notice:
        return self.again() if self.again is not None else self


def finished_message(snap: JobSnapshot) -> Notice:
    """What a tray (or in-window) message says when a job ends: how, with its counts."""
    title = f"#{snap.id} {job_title(snap)}"
    parts = [status_name(snap.status)]
    if snap.progress_total or snap.progress_done:
        parts.append(
            translate("Notify", "%1 items").replace("%1", progress_text(snap) or format_count(snap.progress_done))
        )
    if snap.warnings:
        parts.append(warnings_text(snap.warnings))
    if snap.errors:
        parts.append(errors_text(snap.errors))
    d = snap.duration()
    if d is not None:
        parts.append(translate("Notify", "in %1").replace("%1", format_duration(d)))
    text = " · ".join(parts)
    outcome = i18n.tr_message(snap.outcome)
    if outcome and snap.colour == "red":
        text += "\n" + outcome
    level = {"red": "error", "yellow": "warning"}.get(snap.colour, "info")
    return Notice(title, text, level, snap.id, again=lambda: finished_message(snap))


def ended_message(snaps: Sequence[JobSnapshot]) -> Notice:
    """One message for jobs that ended together (52 quick jobs are one line, not 52): how many, and how they
    ended (``12 jobs ended`` / ``Succeeded: 11 · Failed: 1``); the first failed one is the job it opens."""
    if len(snaps) == 1:
        return finished_message(snaps[0])
    n = len(snaps)  # a plain name: lupdate misses a message whose count is a call
    title = translate("Notify", "%n job(s) ended", None, n)
    by_status: dict[JobStatus, int] = {}
    for x in snaps:
        by_status[x.status] = by_status.get(x.status, 0) + 1
    text = " · ".join(f"{status_name(st)}: {k}" for st, k in sorted(by_status.items(), key=lambda kv: -kv[1]))
    colours = {x.colour for x in snaps}
    level = "error" if "red" in colours else "warning" if "yellow" in colours else "info"
    bad = next((x for x in snaps if x.colour == "red"), None) or next((x for x in snaps if x.colour == "yellow"), None)
    return Notice(title, text, level, bad.id if bad else None, again=lambda: ended_message(snaps))


def background_message(snap: JobSnapshot, reason: Message | None = None) -> Notice:
    title = translate("Notify", "Job #%1 runs in the background").replace("%1", str(snap.id))
    text = (
        translate("Notify", "%1 was queued on %2; you will be told when it ends.")
        .replace("%1", job_title(snap))
        .replace("%2", snap.queue)
    )
    if snap.status is S.SCHEDULED and snap.scheduled_for:
        text = (
            translate("Notify", "%1 is scheduled for %2.")
            .replace("%1", job_title(snap))
            .replace("%2", format_time(snap.scheduled_for))
        )
    if reason is not None:
        text += " (" + i18n.tr_message(reason) + ")"
    return Notice(title, text, "info", snap.id, again=lambda: background_message(snap, reason))


def tray_tooltip(running: int, queued: int) -> str:
    if not running and not queued:
        return translate("Notify", "asyncops: no job running")
    text = translate("Notify", "asyncops: %n job(s) running", None, running)
    if queued:
        text += "\n" + translate("Notify", "%n waiting", None, queued)
    return text
