"""Metadata of library assets: ``metadata-export`` and ``metadata-import`` (CSV) and ``mass-edit``.

The CSV format is the one DAM users exchange: a path column (``assetPath``, relative to the library root) and
typed headers ``name{{Type}}`` or ``name{{Type: multi}}`` (String, Long, Double, Boolean, Date); multi values
are joined with ``|`` (a backslash escapes the delimiter). Standard fields: ``dc:title{{String}}``,
``dc:description{{String}}``, ``cq:tags{{String: multi}}``, ``xmp:Rating{{Long}}``; every other header is a free
property. An empty cell clears the property on import. Export streams rows (constant memory) into a temporary
file renamed at the end; import applies good rows in transactional batches and reports bad ones as warnings
naming the line and the column.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import fnmatch
import itertools
import json
import operator
import os
import shlex
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Text, bindparam, cast, select, update

from core import library as L
from core.errors import OperationFailed, ParamError
from core.operations.base import DryRun, OperationEnv, Param
from core.operations.library_ops import LIB, SAMPLE, LibraryOperation
from core.store.db import WriteBatches
from core.store.dialect import json_from_text

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

    from core.context import JobContext
    from core.store.db import Database

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
    if value in ("[]", "{}"):
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
        raise ParamError("separator", f"must be one character (not a quote or a newline), not {sep!r}")
    if not multi or "\n" in multi or "\\" in multi:
        raise ParamError("multi_delimiter", f"must be non-empty, without newline or backslash, not {multi!r}")
    if multi == sep:
        raise ParamError("multi_delimiter", f"must differ from the separator {sep!r}")


def _folder_condition(folder: str, subfolders: bool) -> Any:
    if subfolders:
        return L.below(a.c.path, folder)
    return a.c.parent == folder


# =====================================================================================================
# metadata-export
# =====================================================================================================
class MetadataExport(LibraryOperation):
    name = "metadata-export"
    title = "Export metadata"
    description = (
        "Write the metadata of a folder's assets (optionally with subfolders; all or chosen properties) "
        "to a CSV file with typed headers, streamed in constant memory."
    )
    params = (
        LIB,
        Param("folder", "folder", default="", relative=True, help="the folder (default: the library root)"),
        Param("output", "file", required=True, help="the CSV file to write (replaced when complete)"),
        Param("subfolders", "bool", default=False, help="include the assets of subfolders"),
        Param(
            "properties",
            "list",
            help="only these properties, e.g. dc:title,cq:tags,client{{Long}} (default: all of them)",
        ),
        Param("separator", "str", default=",", help="field separator"),
        Param("multi_delimiter", "str", default="|", help="between the values of a multi-value property"),
        Param(
            "excel",
            "bool",
            default=False,
            help="for spreadsheets: a byte-order mark and ';' as separator (unless separator is given)",
        ),
        Param("path_column", "str", default=PATH_COLUMN, advanced=True, help="name of the path column"),
    )
    supports_dry_run = True

    def validate(self, raw: Any, env: OperationEnv | None = None) -> dict[str, Any]:
        params = super().validate(raw, env)
        if params.get("excel") and not raw.get("separator"):
            params["separator"] = ";"
        return params

    def check(self, params: dict[str, Any], env: OperationEnv | None) -> None:
        _check_separators(params)
        out = Path(params["output"]).expanduser()
        if out.is_dir():
            raise ParamError("output", f"{out} is a folder")
        if not out.parent.is_dir():
            raise ParamError("output", f"the folder {out.parent} does not exist")
        for p in params.get("properties") or []:
            try:
                L.Column.parse(p)
            except ValueError as exc:
                raise ParamError("properties", str(exc)) from None
        if env is not None:
            lib = self.lib(env.db, params)
            folder = L.resolve(lib, params.get("folder", ""), param="folder", allow_root=True)
            if not folder.path.is_dir():
                raise ParamError("folder", f"{folder.rel!r} is not a folder")

    def label_for(self, params: dict[str, Any]) -> str:
        folder = str(params.get("folder", "")).strip("/")
        return f"Export metadata of /{folder} → {Path(params.get('output', '')).name}"

    def _select(self, lib: L.LibraryInfo, params: dict[str, Any]) -> tuple[str, Any]:
        folder = L.normalize(params.get("folder", ""), param="folder")
        where = (a.c.library_id == lib.id, a.c.is_dir.is_(False), _folder_condition(folder, params["subfolders"]))
        return folder, where

    def columns(self, conn: Connection, lib: L.LibraryInfo, params: dict[str, Any]) -> list[L.Column]:
        """The exported columns: chosen ones, or the standard ones plus every free property found (one pass)."""
        _, where = self._select(lib, params)
        chosen = [L.Column.parse(p) for p in params.get("properties") or []]
        explicit = {c.name for c in chosen if "{{" in c.header}
        want_all = not chosen
        wanted_custom = {c.name for c in chosen if not c.standard and not c.read_only}
        if want_all or wanted_custom - explicit:
            found: dict[str, tuple[str, bool]] = {}
            conflicts: set[str] = set()
            stmt = select(cast(a.c.props, Text)).where(*where).distinct()
            for (raw,) in (r for chunk in _stream(conn, stmt, 5000) for r in chunk):
                props = _json(raw, {}) or {}
                for k, (t, v) in props.items():
                    multi = isinstance(v, list)
                    old = found.get(k)
                    if old is None:
                        found[k] = (t, multi)
                    elif old != (t, multi):
                        conflicts.add(k)
                        found[k] = (t if old[0] == t else "String", old[1] or multi)
            if want_all:
                chosen = [L.Column(n, *L.STANDARD[n][1:]) for n in L.STANDARD]
                chosen += [L.Column(k, t, m) for k, (t, m) in sorted(found.items())]
            else:
                chosen = [
                    L.Column(c.name, *found[c.name]) if c.name in found and c.name not in explicit else c
                    for c in chosen
                ]
            self._conflicts = sorted(conflicts)
        else:
            self._conflicts = []
        return chosen

    def row_chunks(
        self, conn: Connection, lib: L.LibraryInfo, params: dict[str, Any], columns: list[L.Column]
    ) -> Iterator[list[tuple[Any, ...]]]:
        """The CSV rows (path first, then ``columns``), in chunks of ``EXPORT_CHUNK``, streamed: memory stays
        flat in the number of assets. Cells are what csv.writer writes (None is an empty cell); the cells of
        tags and properties are formatted once per distinct stored value (most assets share a few)."""
        _, where = self._select(lib, params)
        delim = params["multi_delimiter"]
        read_only = [c for c in columns if c.read_only]
        facts = (a.c.media_type, a.c.size, a.c.mtime) if read_only else ()  # only when asked for: fewer values
        stmt = (
            select(
                a.c.path, a.c.title, a.c.description, a.c.rating, cast(a.c.tags, Text), cast(a.c.props, Text), *facts
            )
            .where(*where)
            .order_by(a.c.path)
        )
        prop_cols = [c for c in columns if not c.standard and not c.read_only]
        base = {"title": 1, "description": 2, "rating": 3, "tags": 4, "media_type": 5, "size": 6, "mtime": 7}
        positions = []
        for c in columns:
            if c.standard:
                positions.append(base[L.STANDARD[c.name][0]])
            elif c.read_only:
                positions.append(base[L.READ_ONLY[c.name][0]])
            else:
                positions.append(8 + prop_cols.index(c))
        pick = operator.itemgetter(0, *positions)
        tag_cells: dict[Any, str] = {}
        prop_cells: dict[Any, tuple[str, ...]] = {}

        def tag_cell(raw: Any) -> str:
            tags = _json(raw, [])
            cell = L.join_multi(tags, delim) if tags else ""
            if isinstance(raw, str):
                if len(tag_cells) >= _CACHE_MAX:
                    tag_cells.clear()
                tag_cells[raw] = cell
            return cell

        def prop_cell(raw: Any) -> tuple[str, ...]:
            props = _json(raw, {}) if raw is not None else {}
            cells = []
            for col in prop_cols:
                entry = props.get(col.name)
                cells.append("" if entry is None else col.format_cell(entry[1], delim))
            out = tuple(cells)
            if isinstance(raw, str) or raw is None:
                if len(prop_cells) >= _CACHE_MAX:
                    prop_cells.clear()
                prop_cells[raw] = out
            return out

        mtype = size = mtime = None
        for chunk in _stream(conn, stmt, EXPORT_CHUNK):
            out = []
            for row in chunk:
                path, title, desc, rating, tags, props = row[:6]
                tc = tag_cells.get(tags) if tags.__class__ is str else None
                if tc is None:
                    tc = tag_cell(tags)
                pc = prop_cells.get(props) if props.__class__ is str or props is None else None
                if pc is None:
                    pc = prop_cell(props)
                if read_only:
                    mtype, size, mtime = row[6:]
                    mtype = L.format_value(mtype, "String")
                    size = L.format_value(size, "Long")
                    mtime = dt.datetime.fromtimestamp(mtime, dt.UTC).isoformat() if mtime is not None else ""
                out.append(pick((path, title, desc, rating, tc, mtype, size, mtime, *pc)))
            yield out

    def rows(
        self, conn: Connection, lib: L.LibraryInfo, params: dict[str, Any], columns: list[L.Column]
    ) -> Iterator[tuple[Any, ...]]:
        for chunk in self.row_chunks(conn, lib, params, columns):
            yield from chunk

    def dry_run(self, env: OperationEnv, params: dict[str, Any]) -> DryRun:
        lib = self.lib(env.db, params)
        with env.db.connect_read() as conn:
            cols = self.columns(conn, lib, params)
            sample = []
            n = 0
            for chunk in self.row_chunks(conn, lib, params, cols):
                if len(sample) < SAMPLE:
                    sample += [row[0] for row in chunk[: SAMPLE - len(sample)]]
                n += len(chunk)
        return DryRun(
            f"would write {n} asset(s) with {len(cols)} propert(ies) to {params['output']}",
            [f"columns: {params['path_column']}, " + ", ".join(c.header for c in cols), *sample],
            {"assets": n, "columns": len(cols)},
        )

    def run(self, ctx: JobContext, params: dict[str, Any]) -> dict[str, Any]:
        lib = self.lib(ctx.db, params)
        out = Path(params["output"]).expanduser()
        sep = params["separator"]
        fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".part", dir=out.parent)
        n = 0
        try:
            with os.fdopen(
                fd, "w", newline="", encoding="utf-8-sig" if params.get("excel") else "utf-8", buffering=1 << 20
            ) as fh:
                writer = csv.writer(fh, delimiter=sep, lineterminator="\r\n" if params.get("excel") else "\n")
                with ctx.db.connect_read() as conn:
                    cols = self.columns(conn, lib, params)
                    for k in self._conflicts:
                        ctx.warn(
                            f"property {k} has different types on different assets; exported as "
                            f"{next(c.header for c in cols if c.name == k)}"
                        )
                    writer.writerow([params["path_column"], *(c.header for c in cols)])
                    for chunk in self.row_chunks(conn, lib, params, cols):
                        writer.writerows(chunk)
                        n += len(chunk)
                        ctx.progress(n)
                        if ctx.should_stop:
                            raise OperationFailed(f"stopped after {n} asset(s); {out} was not written")
            os.replace(tmp, out)
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise
        ctx.progress(n, n)
        ctx.info(f"wrote {n} asset(s) and {len(cols)} propert(ies) to {out}")
        return {"library": lib.name, "output": str(out), "assets": n, "columns": [c.header for c in cols]}


# =====================================================================================================
# metadata-import
# =====================================================================================================
# -- import machinery: statements built once, typed cells parsed through bounded caches --------------------
_IN_MAX = 500  # paths per SELECT … IN (…)
_META_FIELDS = ("title", "description", "rating", "tags", "props")
_UPDATE_META: dict[int, tuple[L.Prepared, Any]] = {}


def _update_meta(mask: int) -> tuple[L.Prepared, Any]:
    """UPDATE of the metadata fields in ``mask`` (bit k = ``_META_FIELDS[k]``) of one asset by id, and what
    picks its parameters out of a (title, description, rating, tags, props, id) row (None: all of it)."""
    got = _UPDATE_META.get(mask)
    if got is None:
        idx = [k for k in range(len(_META_FIELDS)) if mask >> k & 1]
        values = {
            f: json_from_text(bindparam(f"v_{f}", type_=Text)) if f in ("tags", "props") else bindparam(f"v_{f}")
            for f in (_META_FIELDS[k] for k in idx)
        }
        stmt = update(a).where(a.c.id == bindparam("aid")).values(**values)
        names = (*(f"v_{_META_FIELDS[k]}" for k in idx), "aid")
        project = None if len(idx) == len(_META_FIELDS) else operator.itemgetter(*idx, len(_META_FIELDS))
        got = _UPDATE_META[mask] = (L.Prepared(stmt, names), project)
    return got


_SELECT_META: dict[int, L.Prepared] = {}


def _select_meta(n: int) -> L.Prepared:
    """SELECT id, path, title, description, rating, tags, props of ``n`` paths of a library (built once per n)."""
    got = _SELECT_META.get(n)
    if got is None:
        names = [f"p{i}" for i in range(n)]
        stmt = select(
            a.c.id, a.c.path, a.c.title, a.c.description, a.c.rating, cast(a.c.tags, Text), cast(a.c.props, Text)
        ).where(a.c.library_id == bindparam("lib"), a.c.path.in_([bindparam(x) for x in names]))
        got = _SELECT_META[n] = L.Prepared(stmt, ("lib", *names))
    return got


# The same columns for the paths from ``lo`` to ``hi``, at most ``lim`` rows: a batch of a file sorted by path
# (as metadata-export writes it) is one short index range, cheaper to read than as many lookups.
_SELECT_META_RANGE: dict[int, L.Prepared] = {}


def _select_meta_range(lim: int) -> L.Prepared:
    got = _SELECT_META_RANGE.get(lim)
    if got is None:
        stmt = (
            select(
                a.c.id, a.c.path, a.c.title, a.c.description, a.c.rating, cast(a.c.tags, Text), cast(a.c.props, Text)
            )
            .where(a.c.library_id == bindparam("lib"), a.c.path >= bindparam("lo"), a.c.path <= bindparam("hi"))
            .order_by(a.c.path)
            .limit(lim)
        )
        got = _SELECT_META_RANGE[lim] = L.Prepared(stmt, ("lib", "lo", "hi"))
    return got


class _Bad(str):
    """A cell that does not parse: the message (cached like the good values)."""


_MISS = object()


def _getter(positions: list[int]) -> Callable[[Sequence[Any]], tuple[Any, ...]]:
    """``itemgetter`` that always returns a tuple."""
    if not positions:
        return lambda row: ()
    if len(positions) == 1:
        i = positions[0]
        return lambda row: (row[i],)
    return operator.itemgetter(*positions)


class _ImportPlan:
    """Where each CSV column goes: a standard field (its position in a row's parsed values) or a property;
    typed cells are parsed once per distinct text (bounded caches: most files repeat a few values)."""

    def __init__(self, cols: list[tuple[int, L.Column]], delimiter: str) -> None:
        self.delimiter = delimiter
        self.columns = [col for _, col in cols]
        self.cells = _getter([i for i, _ in cols])  # a CSV row -> its metadata cells, in the order of cols
        # cells that are not plain strings (a plain one is its text, or None when empty): (position, cache)
        self.typed: list[tuple[int, dict[str, Any]]] = [
            (k, {}) for k, col in enumerate(self.columns) if col.multi or col.type != "String"
        ]
        self.title = self.description = self.rating = self.tags = -1
        self.props: list[tuple[int, L.Column]] = []
        for k, col in enumerate(self.columns):
            if col.standard:
                setattr(self, L.STANDARD[col.name][0], k)
            else:
                self.props.append((k, col))
        self.prop_cells = _getter([k for k, _ in self.props])  # cells -> the property cells
        self._merged: dict[tuple[str, tuple[str, ...]], tuple[bool, Any]] = {}

    def parse(self, k: int, cache: dict[str, Any], text: str) -> Any:
        """The value of cell ``text`` of column ``k`` (a _Bad message when it does not parse), cached."""
        try:
            value = self.columns[k].parse_cell(text, self.delimiter)
        except ValueError as exc:
            value = _Bad(str(exc))
        if len(cache) >= _CACHE_MAX:
            cache.clear()
        cache[text] = value
        return value

    def merge_props(self, text: Any, cells: tuple[str, ...], values: list[Any]) -> tuple[bool, Any]:
        """(changed, new props as JSON text) once the row's property cells apply to the stored ``text``;
        cached per (stored text, cells): most rows share both."""
        key = (text, cells) if isinstance(text, str) or text is None else None
        hit = self._merged.get(key) if key is not None else None  # type: ignore[arg-type]
        if hit is None:
            old = _json(text, {}) or {}
            new = dict(old)
            for k, col in self.props:
                v = values[k]
                if v is None or v == []:
                    new.pop(col.name, None)
                else:
                    new[col.name] = [col.type, v]
            changed = new != old
            hit = (changed, L.json_dumps(new) if changed else text)
            if key is not None:
                if len(self._merged) >= _CACHE_MAX:
                    self._merged.clear()
                self._merged[key] = hit  # type: ignore[index]
        return hit


@dataclass
class ImportStats:
    rows: int = 0
    changed: int = 0
    unchanged: int = 0
    skipped: int = 0
    warnings: list[tuple[str, str | None]] = field(default_factory=list)
    sample: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"rows": self.rows, "changed": self.changed, "unchanged": self.unchanged, "skipped": self.skipped}


class MetadataImport(LibraryOperation):
    name = "metadata-import"
    title = "Import metadata"
    description = (
        "Read asset metadata from a CSV file (path column and typed headers, as written by "
        "metadata-export) and apply good rows in transactional batches; unknown paths, bad values and "
        "malformed lines are reported as warnings with their line and column."
    )
    params = (
        LIB,
        Param("input", "file", required=True, help="the CSV file"),
        Param("separator", "str", default=",", help="field separator"),
        Param("multi_delimiter", "str", default="|", help="between the values of a multi-value property"),
        Param("path_column", "str", default=PATH_COLUMN, help="the column with the asset path"),
        Param("batch_size", "int", default=50, minimum=1, maximum=100_000, help="rows per transaction"),
    )
    counted_items = ("rows",)
    default_thresholds = {"rows": 500}
    supports_dry_run = True

    def check(self, params: dict[str, Any], env: OperationEnv | None) -> None:
        _check_separators(params)
        path = Path(params["input"]).expanduser()
        if not path.is_file():
            raise ParamError("input", f"{path} is not a file")
        self.header(params)
        if env is not None:
            self.lib(env.db, params)

    def label_for(self, params: dict[str, Any]) -> str:
        return f"Import metadata from {Path(params.get('input', '')).name} · {params.get('library', '')}"

    def header(self, params: dict[str, Any]) -> tuple[int, list[tuple[int, L.Column]], list[str]]:
        """(path column index, [(index, column)], read-only headers); ParamError naming what is wrong."""
        path = Path(params["input"]).expanduser()
        try:
            with open(path, newline="", encoding="utf-8-sig") as fh:
                row = next(csv.reader(fh, delimiter=params["separator"]), None)
        except (OSError, UnicodeDecodeError, csv.Error) as exc:
            raise ParamError("input", f"cannot read {path}: {exc}") from None
        if not row:
            raise ParamError("input", f"{path} is empty (expected a header line)")
        pc = params["path_column"]
        if pc not in row:
            hint = ""
            others = [s for s in ";,\t|" if s != params["separator"] and s in row[0]]
            if len(row) == 1 and others:
                hint = f"; is the separator {others[0]!r}? (-p separator=…)"
            raise ParamError("path_column", f"{pc!r} is not a column of {path.name} (columns: {', '.join(row)}){hint}")
        cols: list[tuple[int, L.Column]] = []
        read_only: list[str] = []
        seen: set[str] = set()
        for i, h in enumerate(row):
            if i == row.index(pc):
                continue
            try:
                col = L.Column.parse(h)
            except ValueError as exc:
                raise ParamError("input", f"line 1, column {i + 1}: {exc}") from None
            if col.name in seen:
                raise ParamError("input", f"line 1, column {i + 1}: {col.name} appears twice")
            seen.add(col.name)
            if col.read_only:
                read_only.append(h)
            else:
                cols.append((i, col))
        return row.index(pc), cols, read_only

    def estimate(self, env: OperationEnv, params: dict[str, Any]) -> dict[str, int]:
        lines = 0
        last = b"\n"
        with open(Path(params["input"]).expanduser(), "rb") as fh:
            while chunk := fh.read(1 << 20):
                lines += chunk.count(b"\n")
                last = chunk[-1:]
        if last != b"\n":
            lines += 1
        return {"rows": max(0, lines - 1)}

    def process(self, db: Database, lib: L.LibraryInfo, params: dict[str, Any], ctx: JobContext | None) -> ImportStats:
        """Read the file and apply (ctx given) or only count (dry run) the changes.

        Rows are parsed as they are read (typed cells through a bounded cache: most files repeat a few values)
        and applied in transactions of ``batch_size`` rows: one SELECT of the batch's assets, the merge in
        Python, one executemany UPDATE of the changed ones. Memory stays flat in the number of rows."""
        stats = ImportStats()
        path_idx, cols, read_only = self.header(params)
        root = L.real_root(lib)
        plan = _ImportPlan(cols, params["multi_delimiter"])
        width = len(cols) + len(read_only) + 1

        def warn(message: str, item: str | None = None) -> None:
            if ctx is not None:
                ctx.warn(message, item)
            elif len(stats.warnings) < 1000:
                stats.warnings.append((message, item))

        for h in read_only:
            warn(f"column {h} is read-only (a fact of the file); ignored")
        with contextlib.ExitStack() as stack:
            writer = stack.enter_context(db.write_batches()) if ctx is not None else None
            return self._read(db, lib, params, ctx, stats, plan, warn, writer, path_idx, width, root)

    def _read(
        self,
        db: Database,
        lib: L.LibraryInfo,
        params: dict[str, Any],
        ctx: JobContext | None,
        stats: ImportStats,
        plan: _ImportPlan,
        warn: Callable[[str, str | None], None],
        writer: WriteBatches | None,
        path_idx: int,
        width: int,
        root: Path,
    ) -> ImportStats:
        pc = params["path_column"]
        batch_size = params["batch_size"]
        normalize, plain = L.normalize, L._is_plain
        getcells, typed, parse, prop_cells, columns = plan.cells, plan.typed, plan.parse, plan.prop_cells, plan.columns
        batch: list[tuple[int, str, list[Any], tuple[str, ...]]] = []
        with open(Path(params["input"]).expanduser(), newline="", encoding="utf-8-sig") as fh:
            reader = csv.reader(fh, delimiter=params["separator"], strict=True)
            next(reader)
            while True:
                start = reader.line_num + 1
                try:
                    row = next(reader)
                except StopIteration:
                    break
                except csv.Error as exc:
                    stats.rows += 1
                    stats.skipped += 1
                    warn(f"line {start}: malformed CSV ({exc}); skipped", f"line {start}")
                    continue
                if len(row) != width:
                    if not row or row == [""]:
                        continue
                    stats.rows += 1
                    stats.skipped += 1
                    warn(f"line {start}: {len(row)} field(s) where the header has {width}; skipped", f"line {start}")
                    continue
                if width == 1 and row == [""]:
                    continue
                stats.rows += 1
                rel = row[path_idx]
                try:
                    if not plain(rel):
                        rel = normalize(rel, param=pc, root=root)
                except (ParamError, L.PathNotAllowed) as exc:
                    stats.skipped += 1
                    warn(
                        f"line {start}, column {pc}: {exc.detail if hasattr(exc, 'detail') else exc}; skipped",
                        f"line {start}",
                    )
                    continue
                cells = getcells(row)
                values = [c or None for c in cells]
                bad = False
                for k, cache in typed:
                    v = cache.get(cells[k], _MISS)
                    if v is _MISS:
                        v = parse(k, cache, cells[k])
                    if v.__class__ is _Bad:
                        warn(f"line {start}, column {columns[k].header}: {v}; row skipped", f"line {start}")
                        bad = True
                    else:
                        values[k] = v
                if bad:
                    stats.skipped += 1
                    continue
                batch.append((start, rel, values, prop_cells(cells)))
                if len(batch) >= batch_size:
                    self._apply(db, lib, plan, batch, stats, warn, writer, pc)
                    batch = []
                    if ctx is not None:
                        ctx.progress(stats.rows)
                        if ctx.should_stop:
                            ctx.warn(f"stopped after line {reader.line_num}: the rows before it were applied")
                            return stats
        if batch:
            self._apply(db, lib, plan, batch, stats, warn, writer, pc)
        return stats

    def _apply(
        self,
        db: Database,
        lib: L.LibraryInfo,
        plan: _ImportPlan,
        batch: list[tuple[int, str, list[Any], tuple[str, ...]]],
        stats: ImportStats,
        warn: Any,
        writer: WriteBatches | None,
        pc: str,
    ) -> None:
        """One batch in one transaction (a dry run only reads): all of its good rows apply, or none."""
        paths = list(dict.fromkeys([rel for _, rel, _, _ in batch]))
        later: list[tuple[str, str]] = []  # warnings are reported after the transaction (the log writes too)
        ti, di, ri, gi = plan.title, plan.description, plan.rating, plan.tags
        props = plan.props
        sample = writer is None
        cm = writer.transaction() if writer is not None else db.connect_read()
        with cm as conn:
            dialect = conn.dialect
            cur = conn.connection.cursor()  # the connection's own transaction, without per-call overhead
            try:
                # path -> [id, title, description, rating, tags (JSON text), props (JSON text)]
                current: dict[str, list[Any]] = {}
                missing = paths
                if 1 < len(paths) <= _IN_MAX and all(x < y for x, y in itertools.pairwise(paths)):
                    wanted = set(paths)
                    for aid, path, title, desc, rating, tags, prop in (
                        _select_meta_range(2 * len(paths) + 16)
                        .run(cur, dialect, (lib.id, paths[0], paths[-1]))
                        .fetchall()
                    ):
                        if path in wanted:
                            current[path] = [aid, title, desc, rating, tags, prop]
                    # whatever the range did not hold (beyond its limit, or another collation): looked up
                    missing = [x for x in paths if x not in current] if len(current) < len(paths) else []
                for i in range(0, len(missing), _IN_MAX):
                    chunk = missing[i : i + _IN_MAX]
                    for aid, path, title, desc, rating, tags, prop in (
                        _select_meta(len(chunk)).run(cur, dialect, (lib.id, *chunk)).fetchall()
                    ):
                        current[path] = [aid, title, desc, rating, tags, prop]
                # asset id -> (title, description, rating, tags, props, id); the fields changed in the batch
                updates: dict[int, tuple[Any, ...]] = {}
                changed_fields = 0
                for line, rel, values, pkey in batch:
                    found = current.get(rel)
                    if found is None:
                        stats.skipped += 1
                        later.append(
                            (
                                f"line {line}, column {pc}: {rel!r} is not in the library {lib.name!r}; skipped",
                                f"line {line}",
                            )
                        )
                        continue
                    aid, title, desc, rating, tags, prop = found
                    new_title = values[ti] if ti >= 0 else title
                    new_desc = values[di] if di >= 0 else desc
                    new_rating = values[ri] if ri >= 0 else rating
                    mask = (new_title != title) | (new_desc != desc) << 1 | (new_rating != rating) << 2
                    new_tags = tags
                    if gi >= 0:
                        tag_list = [str(v) for v in values[gi]]
                        if tag_list != (_json(tags, []) or []):
                            mask |= 8
                            new_tags = L.json_dumps(tag_list)
                    new_props = prop
                    if props:
                        prop_changed, new_props = plan.merge_props(prop, pkey, values)
                        mask |= prop_changed << 4
                    if not mask:
                        stats.unchanged += 1
                        continue
                    stats.changed += 1
                    changed_fields |= mask
                    if sample and len(stats.sample) < SAMPLE:
                        before = {
                            "title": title,
                            "description": desc,
                            "rating": rating,
                            "tags": _json(tags, []),
                            "props": _json(prop, {}),
                        }
                        after = {
                            "title": new_title,
                            "description": new_desc,
                            "rating": new_rating,
                            "tags": _json(new_tags, []),
                            "props": _json(new_props, {}),
                        }
                        diff = [f"{k}: {before[k]!r} → {v!r}" for k, v in after.items() if before[k] != v]
                        stats.sample.append(f"line {line} {rel}: " + "; ".join(diff))
                    found[1:] = new_title, new_desc, new_rating, new_tags, new_props  # later rows see it
                    updates[aid] = (new_title, new_desc, new_rating, new_tags, new_props, aid)
                if writer is not None and updates:
                    # one UPDATE of the fields that changed in the batch (the others are written as they are)
                    stmt, project = _update_meta(changed_fields)
                    rows = list(updates.values())
                    stmt.run_many(cur, dialect, rows if project is None else list(map(project, rows)))
            finally:
                cur.close()
        for message, item in later:
            warn(message, item)

    def dry_run(self, env: OperationEnv, params: dict[str, Any]) -> DryRun:
        lib = self.lib(env.db, params)
        st = self.process(env.db, lib, params, None)
        details = st.sample + [f"warning: {m}" for m, _ in st.warnings]
        return DryRun(
            f"would change {st.changed} of {st.rows} row(s) ({st.unchanged} unchanged, "
            f"{st.skipped} skipped with a warning)",
            details,
            {"rows": st.rows, "changed": st.changed, "unchanged": st.unchanged, "skipped": st.skipped},
        )

    def run(self, ctx: JobContext, params: dict[str, Any]) -> dict[str, Any]:
        lib = self.lib(ctx.db, params)
        ctx.set_total(self.estimate(OperationEnv(ctx.db, ctx.user), params)["rows"])
        st = self.process(ctx.db, lib, params, ctx)
        ctx.progress(st.rows, st.rows)
        ctx.info(f"{st.rows} row(s): {st.changed} changed, {st.unchanged} unchanged, {st.skipped} skipped")
        return {"library": lib.name, "input": str(Path(params["input"]).expanduser()), **st.to_json()}


# =====================================================================================================
# mass-edit
# =====================================================================================================
@dataclass
class Filter:
    folder: str = ""
    glob: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    types: list[str] = field(default_factory=list)
    props: list[tuple[L.Column, str]] = field(default_factory=list)

    @classmethod
    def parse(cls, text: str) -> Filter:
        """``folder:PATH glob:*.jpg tag:cats type:image/* client=ACME dc:title="A title"``, all terms ANDed;
        or a JSON object with the same keys (``props`` a JSON object)."""
        f = cls()
        text = text.strip()
        if text.startswith("{"):
            try:
                obj = json.loads(text)
            except json.JSONDecodeError as exc:
                raise ParamError("filter", f"not valid JSON: {exc}") from None
            terms = []
            for k, v in obj.items():
                if k == "props":
                    terms += [f"{pk}={pv}" for pk, pv in dict(v).items()]
                else:
                    terms += [f"{k}:{x}" for x in (v if isinstance(v, list) else [v])]
        else:
            try:
                terms = shlex.split(text)
            except ValueError as exc:
                raise ParamError("filter", f"cannot split {text!r}: {exc}") from None
        for term in terms:
            key, eq, value = term.partition("=")
            if eq and not key.startswith(("folder:", "glob:", "tag:", "type:")):
                try:
                    f.props.append((L.Column.parse(key), value))
                except ValueError as exc:
                    raise ParamError("filter", str(exc)) from None
                continue
            kind, colon, value = term.partition(":")
            if not colon:
                raise ParamError(
                    "filter", f"{term!r}: expected folder:PATH, glob:PATTERN, tag:NAME, type:MEDIA or PROPERTY=VALUE"
                )
            if kind == "folder":
                f.folder = L.normalize(value, param="filter")
            elif kind == "glob":
                f.glob.append(value)
            elif kind == "tag":
                f.tags.append(value)
            elif kind == "type":
                f.types.append(value)
            else:
                raise ParamError("filter", f"unknown filter {kind!r} (folder, glob, tag, type or PROPERTY=VALUE)")
        return f

    def matches(self, path: str, mtype: str, meta: L.Meta, delimiter: str = "|") -> bool:
        name = path.rsplit("/", 1)[-1]
        for g in self.glob:
            if not fnmatch.fnmatchcase(path if "/" in g else name, g.lstrip("/")):
                return False
        if self.types and not any(fnmatch.fnmatchcase(mtype, t) for t in self.types):
            return False
        if any(t not in meta.tags for t in self.tags):
            return False
        for col, want in self.props:
            have = meta.get(col)
            if isinstance(have, list):
                if want not in [L.format_value(x, col.type) for x in have]:
                    return False
            elif L.format_value(have, col.type) != want:
                return False
        return True


class MassEdit(LibraryOperation):
    name = "mass-edit"
    title = "Mass edit"
    description = "Set or clear a property, add or remove tags, on every asset that matches a filter."
    params = (
        LIB,
        Param(
            "filter",
            "str",
            required=True,
            help="terms, all of which must match: folder:PATH glob:*.jpg tag:NAME type:image/* KEY=VALUE",
        ),
        Param("set", "str", help='KEY=VALUE (KEY may be typed: rating{{Long}}=5), or a JSON object {"KEY": VALUE}'),
        Param("clear", "list", help="properties to clear"),
        Param("add_tags", "list", help="tags to add"),
        Param("remove_tags", "list", help="tags to remove"),
    )
    supports_dry_run = True

    def check(self, params: dict[str, Any], env: OperationEnv | None) -> None:
        Filter.parse(params["filter"])
        self.actions(params)
        if env is not None:
            self.lib(env.db, params)

    def label_for(self, params: dict[str, Any]) -> str:
        return f"Mass edit {params.get('filter', '')} · {params.get('library', '')}"

    @staticmethod
    def actions(params: dict[str, Any]) -> list[tuple[L.Column, Any]]:
        out: list[tuple[L.Column, Any]] = []
        raw = params.get("set")
        if raw:
            raw = raw.strip()
            if raw.startswith("{"):
                try:
                    items = list(json.loads(raw).items())
                except (json.JSONDecodeError, AttributeError) as exc:
                    raise ParamError("set", f"not a JSON object: {exc}") from None
            else:
                key, eq, value = raw.partition("=")
                if not eq or not key.strip():
                    raise ParamError("set", f"expected KEY=VALUE, not {raw!r}")
                items = [(key.strip(), value)]
            for key, value in items:
                try:
                    col = L.Column.parse(key)
                    if col.read_only:
                        raise ValueError(f"{col.name} is read-only")
                    if isinstance(value, str):
                        v = col.parse_cell(value, "|")
                    elif col.multi:
                        v = [L.parse_value(str(x), col.type) for x in (value if isinstance(value, list) else [value])]
                    else:
                        v = L.parse_value(str(value), col.type) if value is not None else None
                except ValueError as exc:
                    raise ParamError("set", str(exc)) from None
                out.append((col, v))
        for key in params.get("clear") or []:
            try:
                col = L.Column.parse(key)
            except ValueError as exc:
                raise ParamError("clear", str(exc)) from None
            out.append((col, [] if col.multi else None))
        if not out and not params.get("add_tags") and not params.get("remove_tags"):
            raise ParamError("set", "nothing to do: give set, clear, add_tags or remove_tags")
        return out

    def _edit(self, meta: L.Meta, actions: list[tuple[L.Column, Any]], params: dict[str, Any]) -> bool:
        changed = False
        for col, value in actions:
            changed = meta.set(col, value) or changed
        add, remove = params.get("add_tags") or [], set(params.get("remove_tags") or [])
        if add or remove:
            tags = [t for t in meta.tags if t not in remove]
            tags += [t for t in add if t not in tags]
            if tags != meta.tags:
                meta.tags = tags
                changed = True
        return changed

    def _matches(self, db: Database, lib: L.LibraryInfo, params: dict[str, Any]) -> Iterator[tuple[int, str, L.Meta]]:
        f = Filter.parse(params["filter"])
        stmt = (
            select(a.c.id, a.c.path, a.c.media_type, a.c.title, a.c.description, a.c.rating, a.c.tags, a.c.props)
            .where(a.c.library_id == lib.id, a.c.is_dir.is_(False), L.below(a.c.path, f.folder))
            .order_by(a.c.path)
            .execution_options(yield_per=2000)
        )
        with db.connect_read() as conn:
            for r in conn.execute(stmt):
                meta = L.Meta.of(r)
                if f.matches(r.path, r.media_type, meta):
                    yield r.id, r.path, meta

    def dry_run(self, env: OperationEnv, params: dict[str, Any]) -> DryRun:
        lib = self.lib(env.db, params)
        actions = self.actions(params)
        matched = changed = 0
        sample = []
        for _, path, meta in self._matches(env.db, lib, params):
            matched += 1
            if self._edit(meta, actions, params):
                changed += 1
                if len(sample) < SAMPLE:
                    sample.append(path)
        return DryRun(
            f"{matched} asset(s) match; {changed} would change", sample, {"assets": matched, "changed": changed}
        )

    def run(self, ctx: JobContext, params: dict[str, Any]) -> dict[str, Any]:
        lib = self.lib(ctx.db, params)
        actions = self.actions(params)
        matched = changed = 0
        pending: list[dict[str, Any]] = []

        def flush() -> None:
            if pending:
                with ctx.db.connect_write() as conn:
                    conn.execute(
                        update(a)
                        .where(a.c.id == L._bp("aid"))
                        .values(
                            title=L._bp("title"),
                            description=L._bp("description"),
                            rating=L._bp("rating"),
                            tags=L._bp("tags"),
                            props=L._bp("props"),
                        ),
                        pending,
                    )
                pending.clear()

        for aid, _, meta in self._matches(ctx.db, lib, params):
            matched += 1
            if self._edit(meta, actions, params):
                changed += 1
                pending.append({"aid": aid, **meta.values()})
            if len(pending) >= 500:
                flush()
                ctx.progress(matched)
                if ctx.should_stop:
                    ctx.warn(f"stopped after {changed} change(s)")
                    break
        flush()
        ctx.progress(matched, matched)
        if not matched:
            ctx.warn(f"no asset matches {params['filter']!r}")
        ctx.info(f"{matched} asset(s) matched, {changed} changed")
        return {"library": lib.name, "matched": matched, "changed": changed}


OPERATIONS = (MetadataExport, MetadataImport, MassEdit)
