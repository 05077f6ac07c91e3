"""What metadata-export, metadata-import and mass-edit share: the DAM's CSV conventions, bounded caches of
decoded JSON, streaming reads, path prefixes and the cells a spreadsheet must not run as formulas."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from core import library as L
from core.errors import ParamError

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

from core.messages import define, msg

PATH_COLUMN = "assetPath"
a = L.assets_t


_JSON_CACHE: dict[str, Any] = {}
_CACHE_MAX = 4096  # entries of each cache of decoded/parsed/formatted values (bounded: flat memory)


def _json(value: Any, empty: Any) -> Any:
    """A JSON column read as text, decoded once per distinct text (most rows repeat a few tag sets and
    property sets); the result is shared: callers copy before changing it."""
    if value is None:
        return empty
    if not isinstance(value, str):
        return value
    if value in ("[]", "{}", "null"):  # "null": a JSON column holding None, read as text
        return empty
    decoded = _JSON_CACHE.get(value)
    if decoded is None:
        decoded = json.loads(value)
        if len(_JSON_CACHE) >= _CACHE_MAX:  # bounded: memory stays flat whatever the number of rows
            _JSON_CACHE.clear()
        _JSON_CACHE[value] = decoded
    return decoded


EXPORT_CHUNK = 1000  # rows per csv.writerows and per progress report


def _stream(conn: Connection, stmt: Any, size: int) -> Iterator[list[tuple[Any, ...]]]:
    """The rows of ``stmt`` in lists of ``size``, in constant memory. On SQLite straight from a DBAPI cursor of
    the connection (plain tuples: no per-row result processing; its cursor steps through the result as it is
    fetched); elsewhere through SQLAlchemy's server-side streaming."""
    if conn.dialect.name != "sqlite":
        for part in conn.execution_options(yield_per=size).execute(stmt).partitions():
            yield [tuple(r) for r in part]
        return
    cur = L.Prepared(stmt, ()).run(conn.connection.cursor(), conn.dialect, ())
    try:
        while chunk := cur.fetchmany(size):
            yield chunk
    finally:
        cur.close()


def _check_separators(params: dict[str, Any]) -> None:
    sep, multi = params.get("separator", ","), params.get("multi_delimiter", "|")
    if len(sep) != 1 or sep in '\r\n"':
        raise ParamError("separator", msg("meta.bad_separator", value=sep))
    if not multi or "\n" in multi or "\\" in multi:
        raise ParamError("multi_delimiter", msg("meta.bad_delimiter", value=multi))
    if multi == sep:
        raise ParamError("multi_delimiter", msg("meta.same_delimiter", separator=sep))


def _folder_condition(folder: str, subfolders: bool) -> Any:
    if subfolders:
        return L.below(a.c.path, folder)
    return a.c.parent == folder


define("meta.bad_separator", "must be one character (not a quote or a newline), not {value!r}")
define("meta.bad_delimiter", "must be non-empty, without newline or backslash, not {value!r}")
define("meta.same_delimiter", "must differ from the separator {separator!r}")
define("meta.bad_prefix", "must be an absolute repository path such as /content/dam, not {value!r}")

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: Any) -> Any:
    """A cell a spreadsheet shows as text instead of running it as a formula (OWASP: a leading ``'`` before
    ``=``, ``+``, ``-``, ``@``, tab and carriage return)."""
    if cell.__class__ is str and cell and cell[0] in FORMULA_START:
        return "'" + cell
    return cell


def prefix_of(params: dict[str, Any]) -> str:
    """The repository prefix of asset paths (``path_prefix``), without its trailing ``/``; '' when none."""
    return str(params.get("path_prefix") or "").rstrip("/")


def check_prefix(params: dict[str, Any]) -> None:
    p = params.get("path_prefix")
    if p and (not str(p).startswith("/") or "\n" in str(p)):
        raise ParamError("path_prefix", msg("meta.bad_prefix", value=p))
