"""Job links: ``12``, ``#12`` or ``asyncops://job/12`` (no Qt: the launcher reads them before Qt loads)."""

from __future__ import annotations

PREFIXES = ("asyncops://job/", "#")


def parse_job_ref(text: str) -> int | None:
    """The job id a link or number names, or None when the text is not one."""
    t = text.strip()
    for prefix in PREFIXES:
        if t.startswith(prefix):
            t = t[len(prefix) :].strip("/")
    try:
        value = int(t)
    except ValueError:
        return None
    return value if value > 0 else None


def job_link(job_id: int) -> str:
    return f"asyncops://job/{job_id}"
