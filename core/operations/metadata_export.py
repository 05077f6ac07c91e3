"""``metadata-export``: the metadata of a folder's assets to a CSV file in the DAM's format, streamed."""

from __future__ import annotations

import csv
import operator
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Text, cast, select

from core import library as L
from core.errors import OperationFailed, ParamError
from core.files import create_beside
from core.operations.base import DryRun, OperationEnv, Param
from core.operations.library_ops import LIB, SAMPLE, LibraryOperation
from core.operations.outputs import output

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

    from core.engine import JobContext
from core.messages import Message, define, msg
from core.operations.metadata_common import (
    _CACHE_MAX,
    EXPORT_CHUNK,
    PATH_COLUMN,
    _check_separators,
    _folder_condition,
    _json,
    _stream,
    a,
    check_prefix,
    neutralise,
    prefix_of,
)

# =====================================================================================================
# metadata-export
# =====================================================================================================
define("meta.export_is_folder", "{path} is a folder")
define("meta.export_no_folder", "the folder {path} does not exist")
define("meta.export_not_folder", "{path!r} is not a folder")
define(
    "meta.export_would",
    "would write {n} {n:plural:asset|assets} with {columns} {columns:plural:column|columns} to {output}",
)
define("meta.export_columns", "columns: {columns:list}")
define("meta.export_type_conflict", "property {name} has different types on different assets; exported as {header}")
define("meta.export_stopped", "stopped after {n} {n:plural:asset|assets}; {output} was not written")
define("label.metadata_export", "Export metadata of /{folder} → {file}")
define(
    "meta.export_delimiter",
    "{name}: some values hold the multi-value delimiter {delimiter!r}; they are written as they are and will read "
    "back as several values",
)
define(
    "meta.export_done", "wrote {n} {n:plural:asset|assets} and {columns} {columns:plural:column|columns} to {output}"
)


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
            help="for spreadsheets: a byte-order mark, ';' as separator (unless separator is given) and cells "
            "beginning with = + - @ shown as text (a leading ')",
        ),
        Param("path_column", "str", default=PATH_COLUMN, advanced=True, help="name of the path column"),
        Param(
            "path_prefix",
            "str",
            advanced=True,
            help="written before every asset path, e.g. /content/dam/mylib (default: paths start with /)",
        ),
    )
    supports_dry_run = True

    def validate(self, raw: Any, env: OperationEnv | None = None) -> dict[str, Any]:
        params = super().validate(raw, env)
        if params.get("excel") and not raw.get("separator"):
            params["separator"] = ";"
        return params

    def check(self, params: dict[str, Any], env: OperationEnv | None) -> None:
        _check_separators(params)
        check_prefix(params)
        out = Path(params["output"]).expanduser()
        if out.is_dir():
            raise ParamError("output", msg("meta.export_is_folder", path=str(out)))
        if not out.parent.is_dir():
            raise ParamError("output", msg("meta.export_no_folder", path=str(out.parent)))
        for p in params.get("properties") or []:
            try:
                L.Column.parse(p)
            except L.ValueError_ as exc:
                raise ParamError("properties", exc.message) from None
        if env is not None:
            lib = self.lib(env.db, params)
            folder = L.resolve(lib, params.get("folder", ""), param="folder", allow_root=True)
            if not folder.path.is_dir():
                raise ParamError("folder", msg("meta.export_not_folder", path=folder.rel))

    def label_message(self, params: dict[str, Any]) -> Message:
        folder = str(params.get("folder", "")).strip("/")
        return msg("label.metadata_export", folder=folder, file=Path(params.get("output", "")).name)

    def _select(self, lib: L.LibraryInfo, params: dict[str, Any]) -> tuple[str, Any]:
        folder = L.normalize(params.get("folder", ""), param="folder")
        where = (a.c.library_id == lib.id, a.c.is_dir.is_(False), _folder_condition(folder, params["subfolders"]))
        return folder, where

    def columns(self, conn: Connection, lib: L.LibraryInfo, params: dict[str, Any]) -> tuple[list[L.Column], list[str]]:
        """(the exported columns, the properties found with different types): chosen ones, or the standard
        ones plus every free property found (one pass). Nothing is kept on the operation (one instance serves
        every job)."""
        conflicts: set[str] = set()
        _, where = self._select(lib, params)
        chosen = [L.Column.parse(p) for p in params.get("properties") or []]
        explicit = {c.name for c, raw in zip(chosen, params.get("properties") or [], strict=True) if "{{" in raw}
        want_all = not chosen
        wanted_custom = {c.name for c in chosen if not c.standard and not c.read_only}
        if want_all or wanted_custom - explicit:
            found: dict[str, tuple[str, bool]] = {}
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
        return chosen, sorted(conflicts)

    def row_chunks(
        self,
        conn: Connection,
        lib: L.LibraryInfo,
        params: dict[str, Any],
        columns: list[L.Column],
        clashes: set[str] | None = None,
    ) -> Iterator[list[tuple[Any, ...]]]:
        """The CSV rows (path first, then ``columns``), in chunks of ``EXPORT_CHUNK``, streamed: memory stays
        flat in the number of assets. Cells are what csv.writer writes (None is an empty cell); the cells of
        tags and properties are formatted once per distinct stored value (most assets share a few). Paths
        start with ``path_prefix`` (or ``/``); the names of multi-value columns with a value that holds the
        delimiter go to ``clashes`` (the DAM's format cannot escape it); ``excel`` neutralises formulas."""
        clashes = set() if clashes is None else clashes
        head = prefix_of(params) + "/"
        excel = bool(params.get("excel"))
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
        tag_cells, tag_cell, prop_cells, prop_cell = _cell_makers(prop_cols, delim, clashes)

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
                    mtime = L.format_date(mtime) if mtime is not None else ""
                out.append(pick((head + path, title, desc, rating, tc, mtype, size, mtime, *pc)))
            if excel:
                out = [tuple(map(neutralise, row)) for row in out]
            yield out

    @staticmethod
    def writes_lines(params: dict[str, Any], columns: list[L.Column]) -> bool:
        """Whether :meth:`line_chunks` can write this export: the default columns (the standard ones in their
        order, then properties), no spreadsheet neutralising."""
        standard = [c.name for c in columns if c.standard]
        return (
            not params.get("excel")
            and standard == list(L.STANDARD)
            and all(not c.standard and not c.read_only for c in columns[len(standard) :])
        )

    def line_chunks(
        self,
        conn: Connection,
        lib: L.LibraryInfo,
        params: dict[str, Any],
        columns: list[L.Column],
        clashes: set[str],
    ) -> Iterator[list[str]]:
        """The rows of :meth:`row_chunks` as CSV lines, when :meth:`writes_lines` (the default export): the
        tags and property cells are formatted and quoted once per distinct stored value, and a row's line is
        one string format, its text cells quoted only when they hold the separator, a quote or a line break
        (as csv.writer does; it is then asked for them)."""
        sep, delim = params["separator"], params["multi_delimiter"]
        head = prefix_of(params) + "/"
        _, where = self._select(lib, params)
        stmt = (
            select(a.c.path, a.c.title, a.c.description, a.c.rating, cast(a.c.tags, Text), cast(a.c.props, Text))
            .where(*where)
            .order_by(a.c.path)
        )
        _, tag_cell, _, prop_cell = _cell_makers([c for c in columns if not c.standard], delim, clashes)
        quoted_tags: dict[Any, str] = {}
        quoted_props: dict[Any, str] = {}
        plain_head = _csv_cell(head, sep) == head
        for chunk in _stream(conn, stmt, EXPORT_CHUNK):
            out = []
            for path, title, desc, rating, tags, props in chunk:
                tc = quoted_tags.get(tags)
                if tc is None:
                    tc = sep + _csv_cell(tag_cell(tags), sep) + sep
                    if len(quoted_tags) >= _CACHE_MAX:
                        quoted_tags.clear()
                    quoted_tags[tags] = tc
                pc = quoted_props.get(props)
                if pc is None:
                    pc = "".join(sep + _csv_cell(c, sep) for c in prop_cell(props))
                    if len(quoted_props) >= _CACHE_MAX:
                        quoted_props.clear()
                    quoted_props[props] = pc
                if title.__class__ is not str:
                    title = "" if title is None else str(title)
                if desc.__class__ is not str:
                    desc = "" if desc is None else str(desc)
                text = path + title + desc
                if sep in text or '"' in text or "\n" in text or "\r" in text or not plain_head:
                    path, title, desc = _csv_cell(head + path, sep), _csv_cell(title, sep), _csv_cell(desc, sep)
                else:
                    path = head + path
                if rating.__class__ is not int:
                    rating = _csv_cell(rating, sep)
                out.append(f"{path}{sep}{title}{sep}{desc}{tc}{rating}{pc}\n")
            yield out

    def rows(
        self, conn: Connection, lib: L.LibraryInfo, params: dict[str, Any], columns: list[L.Column]
    ) -> Iterator[tuple[Any, ...]]:
        for chunk in self.row_chunks(conn, lib, params, columns):
            yield from chunk

    def dry_run(self, env: OperationEnv, params: dict[str, Any]) -> DryRun:
        lib = self.lib(env.db, params)
        with env.db.connect_read() as conn:
            cols, _ = self.columns(conn, lib, params)
            sample: list[str] = []
            n = 0
            for chunk in self.row_chunks(conn, lib, params, cols):
                if len(sample) < SAMPLE:
                    sample += [row[0] for row in chunk[: SAMPLE - len(sample)]]
                n += len(chunk)
        return DryRun(
            msg("meta.export_would", n=n, columns=len(cols), output=params["output"]).text,
            [msg("meta.export_columns", columns=[params["path_column"], *(c.header for c in cols)]).text, *sample],
            {"assets": n, "columns": len(cols)},
        )

    def run(self, ctx: JobContext, params: dict[str, Any]) -> dict[str, Any]:
        lib = self.lib(ctx.db, params)
        out = Path(params["output"]).expanduser()
        sep = params["separator"]
        clashes: set[str] = set()
        fd, tmp = create_beside(out)  # the mode of a file the user creates (or of the file it replaces)
        n = 0
        try:
            with os.fdopen(
                fd, "w", newline="", encoding="utf-8-sig" if params.get("excel") else "utf-8", buffering=1 << 20
            ) as fh:
                writer = csv.writer(fh, delimiter=sep, lineterminator="\r\n" if params.get("excel") else "\n")
                with ctx.db.connect_read() as conn:
                    cols, conflicts = self.columns(conn, lib, params)
                    for k in conflicts:
                        header = next(c.header for c in cols if c.name == k)
                        ctx.warn(msg("meta.export_type_conflict", name=k, header=header))
                    head = [params["path_column"], *(c.header for c in cols)]  # a property's name is a cell too
                    writer.writerow(list(map(neutralise, head)) if params.get("excel") else head)
                    if self.writes_lines(params, cols):
                        chunks: Iterator[list[Any]] = self.line_chunks(conn, lib, params, cols, clashes)
                        write: Any = lambda lines: fh.write("".join(lines))  # noqa: E731
                    else:
                        chunks, write = self.row_chunks(conn, lib, params, cols, clashes), writer.writerows
                    for chunk in chunks:
                        write(chunk)
                        n += len(chunk)
                        ctx.progress(n)
                        if ctx.should_stop:
                            raise OperationFailed(msg("meta.export_stopped", n=n, output=str(out)))
            os.replace(tmp, out)
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise
        for name in sorted(clashes):
            ctx.warn(msg("meta.export_delimiter", name=name, delimiter=params["multi_delimiter"]))
        ctx.progress(n, n)
        ctx.info(msg("meta.export_done", n=n, columns=len(cols), output=str(out)))
        outputs = [output(out, "export", rows=n)]
        return {
            "library": lib.name,
            "output": str(out),
            "assets": n,
            "columns": [c.header for c in cols],
            "outputs": outputs,
        }


def _cell_makers(
    prop_cols: list[L.Column], delim: str, clashes: set[str]
) -> tuple[dict[Any, str], Any, dict[Any, Any], Any]:
    """(cache, maker) of the tags cell and of the property cells, each formatted once per distinct stored value
    (most assets share a few); a multi-value column whose value holds the delimiter goes to ``clashes``."""
    tag_cells: dict[Any, str] = {}
    prop_cells: dict[Any, tuple[str, ...]] = {}

    def tag_cell(raw: Any) -> str:
        tags = _json(raw, [])
        if tags and any(delim in t for t in tags):
            clashes.add("cq:tags")
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
            if entry is not None and isinstance(entry[1], list) and any(delim in str(v) for v in entry[1]):
                clashes.add(col.name)
            cells.append("" if entry is None else col.format_cell(entry[1], delim))
        out = tuple(cells)
        if isinstance(raw, str) or raw is None:
            if len(prop_cells) >= _CACHE_MAX:
                prop_cells.clear()
            prop_cells[raw] = out
        return out

    return tag_cells, tag_cell, prop_cells, prop_cell


_CSV_SPECIAL = ('"', "\n", "\r")


def _csv_cell(cell: Any, sep: str) -> str:
    """A cell as csv.writer writes it (minimal quoting), a line break always quoted."""
    text = "" if cell is None else str(cell)
    if sep in text or any(c in text for c in _CSV_SPECIAL):
        return '"' + text.replace('"', '""') + '"'
    return text


OPERATIONS = (MetadataExport,)
