"""Job references, ``12``, ``#12`` or ``asyncops://job/12``: the one parser of them, for the command line, the
window and the launcher (which reads a clicked link before Qt or the database loads: this module imports only
the messages)."""

from __future__ import annotations

from core.errors import UsageError
from core.messages import define, msg

define("job.bad_ref", "{text!r} is not a job id or link (a number such as 12, or asyncops://job/12)")

PREFIXES = ("asyncops://job/", "#")
MAX_DIGITS = 18  # every id of 18 digits fits the database's 64-bit integers (and the window's Qt ints)


def parse_job_ref(text: str) -> int:
    """The job id ``text`` names; UsageError (exit 2) when it names none. The id is ASCII digits only (no signs,
    spaces, ``_`` or other scripts' digits, which ``int()`` would accept), at most 18 of them."""
    t = text.strip()
    for prefix in PREFIXES:
        if t.startswith(prefix):
            t = t[len(prefix) :].strip("/")
    if not (t.isascii() and t.isdigit()) or len(t) > MAX_DIGITS or int(t) <= 0:
        raise UsageError(msg("job.bad_ref", text=text))
    return int(t)


def job_link(job_id: int) -> str:
    return f"asyncops://job/{job_id}"
