"""Files a job writes (exports, rejected rows, downloads): listed in its result under ``outputs``, each
``{"path": absolute path, "kind": "export" | "rejected_rows" | "download", …}``, so that ``asyncops show`` and
the job's details offer them.

Rejected rows of a ``metadata-import``: the rows that were skipped, or had a cell that could not be applied, are
written as a CSV of the same dialect (same separator, line ends and byte-order mark), with the same header and
one more column saying why (``REASON_HEADER``), in the job's output folder. ``retry --failed-items`` imports
those rows again (without the reason column).
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.messages import Message
from core.operations.csv_records import Unreadable, records

if TYPE_CHECKING:
    from core.engine import JobContext

KINDS = ("export", "rejected_rows", "download")
# Read back by an import as a Binary column, which it ignores (with a warning), so that the reasons never
# become a property when a person imports the file as it is.
REASON_HEADER = "rejected because{{Binary}}"
# The import's row-level refusals (warnings whose item is "line N"): the row, or one of its cells, was not applied.
REJECTING = frozenset(
    {
        "meta.import_width",
        "meta.import_outside_prefix",
        "meta.import_bad_path",
        "meta.import_not_in_library",
        "meta.import_bad_cell",
    }
)


def output(path: str | os.PathLike[str], kind: str, **extra: Any) -> dict[str, Any]:
    """One entry of a result's ``outputs``."""
    assert kind in KINDS, kind
    return {"path": str(Path(path).expanduser().absolute()), "kind": kind, **extra}


def job_folder(job_id: int) -> Path:
    """The folder of the files asyncops itself writes for job ``job_id`` (in the data folder; made 0700)."""
    from core.store.db import data_dir

    folder = data_dir() / "outputs" / f"job-{job_id}"
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder


class RejectedRows:
    """Wraps a job's context for an import: passes everything on, and notes the lines whose row (or a cell of
    it) the import refused, with the reasons, from the warnings it logs about them."""

    def __init__(self, ctx: JobContext) -> None:
        self._ctx = ctx
        self.lines: dict[int, list[str]] = {}

    def __getattr__(self, name: str) -> Any:
        return getattr(self._ctx, name)

    def _note(self, message: Message | str, item: str | None) -> None:
        if isinstance(message, Message) and message.code in REJECTING and item and item.startswith("line "):
            try:
                line = int(item[5:])
            except ValueError:
                return
            self.lines.setdefault(line, []).append(message.text)

    def warn(self, message: Message | str, item: str | None = None) -> None:
        self._note(message, item)
        self._ctx.warn(message, item)

    def log(self, message: Message | str, level: str = "INFO", item: str | None = None) -> None:
        if level.upper() == "WARNING":
            self._note(message, item)
        self._ctx.log(message, level, item)

    def write(self, source: Path, separator: str, job_id: int) -> dict[str, Any] | None:
        """Write the rejected rows next to nothing else: ``<input>.rejected.csv`` in the job's output folder.
        Returns its ``outputs`` entry, or None when no row was rejected."""
        if not self.lines:
            return None
        target = job_folder(job_id) / f"{source.stem}.rejected.csv"
        n = write_rejected(source, separator, self.lines, target)
        return output(target, "rejected_rows", rows=n, source=str(source))


def _dialect(source: Path) -> tuple[str, str]:
    """(encoding, line end) of ``source``: a byte-order mark is kept, and its line ends (CRLF, a lone CR as old
    spreadsheets write, or LF)."""
    with source.open("rb") as fh:
        head = fh.read(1 << 16)
    encoding = "utf-8-sig" if head.startswith(b"\xef\xbb\xbf") else "utf-8"
    if b"\r\n" in head:
        return encoding, "\r\n"
    return encoding, "\r" if b"\r" in head and b"\n" not in head else "\n"


def write_rejected(source: Path, separator: str, lines: dict[int, list[str]], target: Path) -> int:
    """The header and the records of ``source`` that start on one of ``lines``, each with its reasons in one
    more column; written atomically. Returns the rows written."""
    encoding, end = _dialect(source)
    tmp = target.with_name(f".{target.name}.part")
    n = 0
    with tmp.open("w", newline="", encoding=encoding) as fh:
        writer = csv.writer(fh, delimiter=separator, lineterminator=end)
        for i, (start, _end, row) in enumerate(records(source, separator)):
            if isinstance(row, Unreadable):
                continue
            if i == 0:
                writer.writerow([*row, REASON_HEADER])
            elif start in lines:
                writer.writerow([*row, " | ".join(lines[start])])
                n += 1
    os.replace(tmp, target)
    return n


def without_reasons(source: Path, separator: str, target: Path) -> int:
    """A rejected-rows file without its reason column (what a retry of those rows imports); rows written."""
    encoding, end = _dialect(source)
    tmp = target.with_name(f".{target.name}.part")
    n, strip = 0, False
    with tmp.open("w", newline="", encoding=encoding) as fh:
        writer = csv.writer(fh, delimiter=separator, lineterminator=end)
        for i, (_start, _end, row) in enumerate(records(source, separator)):
            if isinstance(row, Unreadable) or (i and not row):
                continue
            if i == 0:
                strip = bool(row) and row[-1] == REASON_HEADER
            else:
                n += 1
            writer.writerow(row[:-1] if strip else row)
    os.replace(tmp, target)
    return n


def paths_of(outputs: Iterable[dict[str, Any]], kind: str) -> list[str]:
    return [o["path"] for o in outputs if o.get("kind") == kind]


def rejected_rows_params(job: Any) -> dict[str, Any] | None:
    """A metadata-import over only the rows ``job`` rejected: its rejected-rows file without the reason column
    (written next to it), or None when it rejected none (or the file is gone)."""
    files = paths_of(job.outputs, "rejected_rows")
    source = Path(files[0]) if files else None
    if source is None or not source.is_file():
        return None
    separator = job.params.get("separator") or ","
    target = source.with_name(source.name.replace(".rejected.csv", "") + ".retry.csv")
    if without_reasons(source, separator, target) == 0:
        return None
    return {**job.params, "input": str(target)}
