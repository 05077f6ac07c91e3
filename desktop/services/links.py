"""Job links: ``12``, ``#12`` or ``asyncops://job/12`` (no Qt: the launcher reads them before Qt loads).

The parsing is the core's (``core.records.parse_job_ref``, which imports no database nor Qt), so the window,
the launcher and the command line take and refuse the same texts."""

from __future__ import annotations

from core.errors import UsageError
from core.records import LINK_PREFIXES as PREFIXES
from core.records import job_link
from core.records import parse_job_ref as _parse

__all__ = ["PREFIXES", "job_link", "parse_job_ref"]


def parse_job_ref(text: str) -> int | None:
    """The job id a link or number names, or None when the text is not one (nor an id a job can have)."""
    try:
        return _parse(text)
    except UsageError:
        return None
