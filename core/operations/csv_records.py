"""Reading a CSV file record by record, knowing on which physical lines each record stands.

Lines end with LF, CRLF or a lone CR (old spreadsheets); each is decoded as UTF-8 on its own (a byte-order mark
at the start is dropped), so a broken encoding costs that line only. The csv module parses the records
(``strict``): a quote never closed swallows the rest of the file and is reported as such, with the lines it
made unreadable. The estimate of an import counts records with this same reader, so estimate and result agree.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from core.messages import Message, define, msg

define("csv.unclosed_quote", "a quote opened on line {start} is never closed: lines {start}–{end} not read")
define("csv.malformed", "lines {start}–{end}: malformed CSV ({reason}); not read")
define("csv.malformed_line", "line {start}: malformed CSV ({reason}); not read")
define("csv.encoding", "line {line}: not UTF-8 text ({reason}); not read")
define("csv.encoding_in_record", "lines {start}–{end}: line {line} of this record is not UTF-8 text; not read")

CHUNK = 1 << 20


@dataclass(frozen=True)
class Unreadable:
    """Lines that could not be read as a record."""

    start: int
    end: int
    message: Message

    @property
    def lines(self) -> int:
        return self.end - self.start + 1


class _Lines:
    """The decoded lines of a binary file (LF, CRLF or CR endings); ``n`` is the number of lines read so far;
    lines that do not decode are noted in ``bad`` and skipped."""

    def __init__(self, fh: Any) -> None:
        self.fh = fh
        self.n = 0
        self.bad: list[Unreadable] = []
        self._it = self._lines()

    def _raw(self) -> Iterator[bytes]:
        pending = b""
        while chunk := self.fh.read(CHUNK):
            parts = (pending + chunk).splitlines(keepends=True)
            pending = parts.pop() if parts and not parts[-1].endswith(b"\n") else b""
            yield from parts
        if pending:
            yield pending

    def _lines(self) -> Iterator[str]:
        first = True
        for raw in self._raw():
            self.n += 1
            if first:
                first = False
                if raw.startswith(b"\xef\xbb\xbf"):
                    raw = raw[3:]
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                self.bad.append(Unreadable(self.n, self.n, msg("csv.encoding", line=self.n, reason=str(exc))))
                continue
            # the csv module takes a lone CR as the end of a line only when it ends the string
            yield text

    def __iter__(self) -> Iterator[str]:
        return self._it

    def __next__(self) -> str:
        return next(self._it)


def records(path: Path, delimiter: str) -> Iterator[tuple[int, int, list[str] | Unreadable]]:
    """(first line, last line, fields or Unreadable) of every record of ``path``, header included.

    The whole file is first read as UTF-8 text by the io and csv modules (C speed; ``newline=""`` keeps LF,
    CRLF and CR endings alike); when a byte turns out not to be UTF-8, reading goes on line by line from the
    record where it stopped, so that only the lines that do not decode are lost."""
    done = 0
    try:
        with open(path, newline="", encoding="utf-8-sig") as fh:
            reader = csv.reader(fh, delimiter=delimiter, strict=True)
            line = 0  # the last line of the records read so far
            while True:
                try:
                    for row in reader:
                        end = reader.line_num
                        done += 1
                        yield line + 1, end, row
                        line = end
                    return
                except csv.Error as exc:
                    start = line + 1
                    got = _error(exc, start, max(reader.line_num, start))
                    done += 1
                    yield start, got.end, got
                    if "never closed" in got.message.text:
                        return
                    line = reader.line_num
    except UnicodeDecodeError:
        pass
    for k, item in enumerate(_records_by_line(path, delimiter)):
        if k >= done:
            yield item


def _error(exc: csv.Error, start: int, end: int) -> Unreadable:
    if "unexpected end of data" in str(exc):
        return Unreadable(start, end, msg("csv.unclosed_quote", start=start, end=end))
    code = "csv.malformed" if end > start else "csv.malformed_line"
    return Unreadable(start, end, msg(code, start=start, end=end, reason=str(exc)))


def _records_by_line(path: Path, delimiter: str) -> Iterator[tuple[int, int, list[str] | Unreadable]]:
    """The same records, each line decoded on its own (a line that is not UTF-8 is an Unreadable of its own)."""
    with open(path, "rb") as fh:
        lines = _Lines(fh)
        reader = csv.reader(lines, delimiter=delimiter, strict=True)
        reported = 0
        while True:
            start = lines.n + 1
            try:
                got: list[str] | Unreadable | None = next(reader)
            except StopIteration:
                got = None
            except csv.Error as exc:
                got = _error(exc, start, max(lines.n, start))
            inside: Unreadable | None = None  # a line that did not decode within the record (a quoted cell's)
            while reported < len(lines.bad):
                bad = lines.bad[reported]
                reported += 1
                if bad.start == start:  # a line of its own, before the record
                    start = bad.end + 1
                    yield bad.start, bad.end, bad
                elif inside is None:
                    inside = bad
            if got is None:
                break
            if inside is not None and not isinstance(got, Unreadable):  # its value would lack that line
                got = Unreadable(
                    start, lines.n, msg("csv.encoding_in_record", start=start, end=lines.n, line=inside.start)
                )
            yield start, lines.n if not isinstance(got, Unreadable) else got.end, got
            if isinstance(got, Unreadable) and "never closed" in got.message.text:
                break


def count_lines(path: Path) -> int:
    """Lines of ``path`` after the first (LF, CRLF or CR endings), counted at C speed: a progress total."""
    n = 0
    last = b""
    with open(path, "rb") as fh:
        while chunk := fh.read(CHUNK):
            n += chunk.count(b"\n")
            if b"\r" in chunk:  # CR or CRLF endings (searched for first: most files have none)
                n += chunk.count(b"\r") - chunk.count(b"\r\n")
            if last == b"\r" and chunk[:1] == b"\n":
                n -= 1
            last = chunk[-1:]
    if last and last not in (b"\n", b"\r"):
        n += 1
    return max(0, n - 1)


def count_records(path: Path, delimiter: str) -> int:
    """Records after the header, as :func:`records` reads them (readable or not, blank lines left out)."""
    n = 0
    for _, _, row in records(path, delimiter):
        if isinstance(row, Unreadable) or row:
            n += 1
    return max(0, n - 1)
