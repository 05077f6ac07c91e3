"""``metadata-import``: asset metadata from a CSV file in the DAM's format; every value set is a person's edit.

The header names the path column (``assetPath``, any case) and typed columns ``name{{Type}}`` /
``name{{Type: multi}}`` (any case, spaces anywhere inside the braces; every JCR type and the aliases Int,
Integer, Number, Calendar). A column whose type is unknown or Binary is ignored with a warning; a standard
field declared with another type or ``multi`` is read as itself, with a warning. An empty cell leaves the
property unchanged (``empty=clear`` clears it). ``path_prefix`` is stripped from the paths (rows outside it
are warned about).

Nothing is lost silently: a record the parser cannot read (an unclosed quote, a broken encoding) is an error
naming its lines, and the job ends FAILED listing what it applied; a bad cell is a warning naming its line and
column, and only that cell is left out. Rows apply in transactions of ``batch_size``.
"""

from __future__ import annotations

import contextlib
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core import library as L
from core.errors import OperationFailed, ParamError
from core.messages import Message, define, msg
from core.operations.base import DryRun, OperationEnv, Param
from core.operations.csv_records import Unreadable, count_lines, count_records, records
from core.operations.library_ops import LIB, LibraryOperation
from core.operations.metadata_common import (
    _CACHE_MAX,
    PATH_COLUMN,
    _check_separators,
    _json,
    check_prefix,
    prefix_of,
)
from core.operations.metadata_rows import (  # how the rows are read and their changes worked out
    _MAX_LISTED,
    _RANGE_TRIES,
    _STD_NAME,
    DIFF_FULL,
    EMPTY,
    Header,
    ImportStats,
    _Cells,
    _merges_in_sqlite,
    _path_of,
    _Plan,
    _select,
    _select_range,
    _show,
    _Update,
)
from core.operations.outputs import RejectedRows, rejected_rows_params

if TYPE_CHECKING:
    from core.engine import JobContext
    from core.records import JobSnapshot
    from core.store.db import Database, WriteBatches

define("meta.import_unreadable_file", "cannot read {path}: {reason}")
define("meta.import_empty", "{path} is empty (expected a header line)")
define("meta.import_no_path_column", "{column!r} is not a column of {name} (columns: {columns:list}){hint}")
define("meta.import_separator_hint", "; is the separator {separator!r}? (-p separator=…)")
define("meta.import_dup_path_column", "the path column {column!r} appears more than once (columns {positions:list})")
define("meta.import_dup_column", "line 1, column {n}: {name} appears twice")
define("meta.import_column_ignored", "line 1, column {n}: {reason}; the column is ignored")
define("meta.import_column_note", "line 1, column {n}: {reason}")
define("meta.import_read_only", "column {header} is read-only (a fact of the file); ignored")
define("meta.import_width", "line {line}: {n} {n:plural:field|fields} where the header has {width}; skipped")
define("meta.import_bad_path", "line {line}, column {column}: {reason}; skipped")
define("meta.import_outside_prefix", "line {line}, column {column}: {path!r} is not under {prefix}; skipped")
define(
    "meta.import_not_in_library", "line {line}, column {column}: {path!r} is not in the library {library!r}; skipped"
)
define("meta.import_bad_cell", "line {line}, column {column}: {reason}; this cell is not applied")
define("meta.import_stopped", "stopped after line {line}: the rows before it were applied")
define(
    "meta.import_done",
    "{rows} {rows:plural:row|rows}: {changed} changed, {unchanged} unchanged, {skipped} skipped, "
    "{unreadable} {unreadable:plural:record|records} not readable",
)
define(
    "meta.import_incomplete",
    "{lines} {lines:plural:line|lines} of {name} could not be read; {changed} {changed:plural:asset|assets} "
    "changed by the rows that could (listed in the result)",
)
define(
    "meta.import_would",
    "would change {changed} of {rows} {rows:plural:row|rows} ({unchanged} unchanged, {skipped} skipped with a "
    "warning, {unreadable} {unreadable:plural:record|records} not readable)",
)
define("meta.reading_single", "column {column}: {type}, one value; an empty cell {empty}")
define(
    "meta.reading_multi", "column {column}: {type}, several values separated by {delimiter!r}; an empty cell {empty}"
)
define("meta.empty_keep", "leaves the value unchanged")
define("meta.empty_clear", "clears it")
define("meta.diff", "{path}: {field}: {before} → {after}")
define("meta.diff_more", "… and {n} more {n:plural:change|changes} ({fields})")
define("label.metadata_import", "Import metadata from {file} · {library}")

# Rows per transaction by default. Each transaction takes SQLite's write lock, commits and writes the pages it
# changed to the WAL (the index's upper pages again each time): 1,000 rows take a few milliseconds, so a stop or
# another writer still waits no longer than that, a failed batch holds at most 1,000 rows, and the commits no
# longer outweigh the rows (50, the DAM's save size, made 2,000 commits of 100,000 rows).
BATCH = 1000
# Records read at once by the common case's check (:meth:`_Plan.plain_batch`): a few hundred keep its fixed costs
# small, and the objects they hold alive few (a chunk of a whole batch kept the garbage collector busy)
CHUNK = 250


class MetadataImport(LibraryOperation):
    name = "metadata-import"
    title = "Import metadata"
    description = (
        "Read asset metadata from a CSV file in the DAM's format (path column and typed headers) and apply it in "
        "transactional batches; each value set is an edit that survives re-reading the file. Unreadable records "
        "fail the job (listing what was applied); bad cells are warnings naming their line and column."
    )
    params = (
        LIB,
        Param("input", "file", required=True, help="the CSV file"),
        Param("separator", "str", default=",", help="field separator"),
        Param("multi_delimiter", "str", default="|", help="between the values of a multi-value property"),
        Param("path_column", "str", default=PATH_COLUMN, help="the column with the asset path (any case)"),
        Param(
            "path_prefix",
            "str",
            advanced=True,
            help="repository prefix of the paths, stripped on import (e.g. /content/dam/mylib)",
        ),
        Param(
            "empty",
            "choice",
            default="keep",
            choices=EMPTY,
            help="an empty cell leaves the property unchanged (keep, as the DAM does) or clears it",
        ),
        Param("batch_size", "int", default=BATCH, minimum=1, maximum=100_000, help="rows per transaction"),
    )
    counted_items = ("rows",)
    default_thresholds = {"rows": 500}
    supports_dry_run = True
    pausable = True  # at its next item (ctx.pause_point)
    retry_items = "rows"

    def failed_items(self, env: OperationEnv, job: JobSnapshot) -> dict[str, Any] | None:
        """The rows of its rejected-rows file (see core.operations.outputs), without the reason column."""
        return rejected_rows_params(job)

    def check(self, params: dict[str, Any], env: OperationEnv | None) -> None:
        _check_separators(params)
        check_prefix(params)
        path = Path(params["input"]).expanduser()
        if not path.is_file():
            raise ParamError("input", msg("meta.import_unreadable_file", path=str(path), reason="not a file"))
        self.header(params)
        if env is not None:
            self.lib(env.db, params)

    def label_message(self, params: dict[str, Any]) -> Message:
        return msg("label.metadata_import", file=Path(params.get("input", "")).name, library=params.get("library", ""))

    def header(self, params: dict[str, Any]) -> Header:
        """How each column will be read; ParamError for what makes the whole file unreadable."""
        path = Path(params["input"]).expanduser()
        try:
            first = next(records(path, params["separator"]), None)
        except OSError as exc:
            raise ParamError("input", msg("meta.import_unreadable_file", path=str(path), reason=str(exc))) from None
        if first is None or not first[2]:
            raise ParamError("input", msg("meta.import_empty", path=str(path)))
        row = first[2]
        if isinstance(row, Unreadable):
            raise ParamError("input", row.message)
        pc = params["path_column"]
        positions = [i for i, h in enumerate(row) if h.strip().lower() == pc.lower()]
        if not positions:
            others = [s for s in ";,\t|" if s != params["separator"] and s in row[0]]
            hint = msg("meta.import_separator_hint", separator=others[0]).text if len(row) == 1 and others else ""
            raise ParamError(
                "path_column", msg("meta.import_no_path_column", column=pc, name=path.name, columns=row, hint=hint)
            )
        if len(positions) > 1:
            raise ParamError(
                "input", msg("meta.import_dup_path_column", column=pc, positions=[p + 1 for p in positions])
            )
        head = Header(positions[0], len(row), [])
        seen: set[str] = set()
        for i, h in enumerate(row):
            if i == head.path_idx:
                continue
            try:
                col = L.Column.parse(h, lenient=True)
            except L.ValueError_ as exc:
                head.notes.append(msg("meta.import_column_ignored", n=i + 1, reason=exc.message.text))
                continue
            if col.name in seen:
                raise ParamError("input", msg("meta.import_dup_column", n=i + 1, name=col.name))
            seen.add(col.name)
            head.notes += [msg("meta.import_column_note", n=i + 1, reason=n.text) for n in col.notes]
            if col.read_only:
                head.notes.append(msg("meta.import_read_only", header=h))
            else:
                head.cols.append((i, col))
        return head

    def estimate(self, env: OperationEnv, params: dict[str, Any]) -> dict[str, int]:
        return {"rows": count_records(Path(params["input"]).expanduser(), params.get("separator") or ",")}

    # -- reading and applying ---------------------------------------------------------------------------
    def process(self, db: Database, lib: L.LibraryInfo, params: dict[str, Any], ctx: JobContext | None) -> ImportStats:
        """Read the file and apply (ctx given) or only compare (dry run) the changes, in constant memory."""
        stats = ImportStats()
        head = self.header(params)

        def warn(message: Message, item: str | None = None) -> None:
            if ctx is not None:
                ctx.warn(message, item)
            elif len(stats.warnings) < 1000:
                stats.warnings.append((message, item))

        for note in head.notes:
            warn(note)
        with contextlib.ExitStack() as stack:
            writer = stack.enter_context(db.write_batches(bulk=True)) if ctx is not None else None
            self._read(db, lib, params, ctx, stats, head, warn, writer)
        return stats

    def _read(
        self,
        db: Database,
        lib: L.LibraryInfo,
        params: dict[str, Any],
        ctx: JobContext | None,
        stats: ImportStats,
        head: Header,
        warn: Any,
        writer: WriteBatches | None,
    ) -> None:
        pc = params["path_column"]
        prefix = prefix_of(params)
        plan = _Plan(head, params.get("empty", "keep") == "keep", params["multi_delimiter"])
        batch: list[tuple[int, str, tuple[str, ...], tuple[str, ...], _Cells]] = []
        width, path_idx, is_plain = head.width, head.path_idx, L._is_plain
        direct_cells, parsed_cells, cells_of = plan.direct_cells, plan.parsed_cells, plan.cells
        cell_sets = plan.cell_sets  # the parsed cells of each distinct input (cells_of fills it)
        root = L.real_root(lib)
        # SQLite compares, sets and records each row in its UPDATE (no read before it); a dry run, which lists
        # before → after, and PostgreSQL read the stored rows and work out the changes here
        in_sql = writer is not None and _merges_in_sqlite(db.engine.dialect.name, head)
        size = params["batch_size"]
        it = records(Path(params["input"]).expanduser(), params["separator"])
        next(it)  # the header
        n = stats.rows  # rows read (kept in a local in this loop: stats.rows is set from it at each batch)
        while chunk := list(islice(it, min(CHUNK, size - len(batch)))):  # a batch is full at the end of a chunk
            got = None if prefix else plan.plain_batch(chunk, width, path_idx)
            start = chunk[-1][0]
            if got is not None:
                n += len(chunk)
                batch += got
            for start, _end, row in chunk if got is None else ():
                if row.__class__ is not list:
                    assert isinstance(row, Unreadable)
                    n += 1
                    stats.unreadable.append(row)
                    if ctx is not None:
                        ctx.error(row.message, f"line {row.start}")
                    continue
                if len(row) != width:
                    if not row or (len(row) == 1 and row[0] == ""):
                        continue  # a blank line
                    n += 1
                    stats.skipped += 1
                    warn(msg("meta.import_width", line=start, n=len(row), width=width), f"line {start}")
                    continue
                n += 1
                raw = row[path_idx].strip()
                if prefix:
                    if raw != prefix and not raw.startswith(prefix + "/"):
                        where = f"line {start}"
                        stats.skipped += 1
                        warn(msg("meta.import_outside_prefix", line=start, column=pc, path=raw, prefix=prefix), where)
                        continue
                    raw = raw[len(prefix) :] or "/"
                try:
                    rel = raw[1:]
                    if raw[:1] != "/" or not is_plain(rel):
                        rel = L.normalize(raw, param=pc, root=root)
                except (ParamError, L.PathNotAllowed) as exc:
                    where = f"line {start}"
                    stats.skipped += 1
                    reason = exc.detail_message if isinstance(exc, ParamError) else exc.message
                    warn(msg("meta.import_bad_path", line=start, column=pc, reason=reason.text), where)
                    continue
                texts = parsed_cells(row)
                cells = cell_sets.get(texts) or cells_of(texts)
                if cells.bad:
                    for col, bad in cells.bad:
                        warn(
                            msg("meta.import_bad_cell", line=start, column=col.header, reason=bad.message.text),
                            f"line {start}",
                        )
                batch.append((start, rel, direct_cells(row), texts, cells))
            if len(batch) >= size:
                stats.rows = n
                self._apply(db, lib, batch, stats, warn, writer, pc, plan, in_sql)
                batch = []
                if ctx is not None:
                    ctx.progress(n)
                    with writer.paused() if writer is not None and ctx.pause_wanted else contextlib.nullcontext():
                        ctx.pause_point()  # between batches: no transaction is open
                    if ctx.should_stop:
                        ctx.warn(msg("meta.import_stopped", line=start))
                        return
        stats.rows = n
        if batch:
            self._apply(db, lib, batch, stats, warn, writer, pc, plan, in_sql)

    def _apply(
        self,
        db: Database,
        lib: L.LibraryInfo,
        batch: list[tuple[int, str, tuple[str, ...], tuple[str, ...], _Cells]],
        stats: ImportStats,
        warn: Any,
        writer: WriteBatches | None,
        pc: str,
        plan: _Plan,
        in_sql: bool,
    ) -> None:
        """One batch in one transaction (a dry run only reads): all of its good rows apply, or none."""
        later: list[tuple[Message, str]] = []  # warnings are reported after the transaction (the log writes too)
        if in_sql and writer is not None:
            self._apply_in_sql(lib, batch, stats, writer, pc, plan, later)
        else:
            self._apply_here(db, lib, batch, stats, writer, pc, plan, later)
        for message, item in later:
            warn(message, item)

    def _apply_in_sql(
        self,
        lib: L.LibraryInfo,
        batch: list[tuple[int, str, tuple[str, ...], tuple[str, ...], _Cells]],
        stats: ImportStats,
        writer: WriteBatches,
        pc: str,
        plan: _Plan,
        later: list[tuple[Message, str]],
    ) -> None:
        """SQLite: the batch runs :func:`compare_update_sql` for its rows in file order (so the same asset twice
        applies in order), as joined UPDATEs (:meth:`_SQLiteStatement.run_rows`) whose row counts add up to the
        number of rows that changed something. When some
        did not, the batch's paths are looked up once: a row whose path is not catalogued is skipped with a
        warning, the others were unchanged. Until the result lists ``_MAX_LISTED`` changed assets, a batch where
        not every row changed is run again row by row (after a rollback to its savepoint) to know which did.
        When the batch's parsed cells change nothing (:meth:`_Plan.parsed_unchanged`, read in the same
        transaction), the statement compares and sets the plain text cells only. Once the stored values most
        assets hold are known, a batch whose cells leave them unchanged first runs that statement guarded by them
        (:meth:`_Plan.usual_for`: no read), then the full one when some rows were not changed by it."""
        lid = lib.id
        listing = len(stats.applied) < _MAX_LISTED
        with writer.transaction() as conn:
            cur = conn.connection.cursor()  # the connection's own transaction, without per-call overhead
            unique = len(set(map(_path_of, batch))) == len(batch)
            try:
                guard = plan.usual_for(batch, unique)
                if guard is not None:
                    stmt, params = plan.statement(batch, False, guard)
                else:
                    stmt, params = plan.statement(batch, not plan.parsed_unchanged(cur, lid, batch))
                if listing:
                    cur.execute("SAVEPOINT import_batch")
                changed = stmt.run_rows(cur, lid, params, unique)
                if guard is not None:
                    plan.guarding = changed == len(params)
                elif changed == len(params):
                    plan.guarding = True
                flags: list[int] | None = None
                if listing:
                    if changed == len(params):
                        flags = [1] * len(params)
                    else:
                        cur.execute("ROLLBACK TO import_batch")
                        if guard is not None:  # the guard may have left assets out: every row compares all
                            stmt, params = plan.statement(batch, True)
                        flags = [stmt.run(cur, conn.dialect, (lid, *row)).rowcount for row in params]
                        changed = sum(flags)
                    cur.execute("RELEASE import_batch")
                elif guard is not None and changed < len(params):
                    # the assets the guard left out (other stored values), with those it did not change (the
                    # full statement finds those unchanged now: no row is counted twice)
                    full, params = plan.statement(batch, True)
                    changed += full.run_rows(cur, lid, params, unique)
                found: set[str] | None = None
                if changed < len(params):
                    found = set()
                    paths = list(dict.fromkeys(rel for _, rel, _, _, _ in batch))
                    for i in range(0, len(paths), 500):
                        chunk = paths[i : i + 500]
                        found.update(r[1] for r in _select(len(chunk), False).run(cur, conn.dialect, (lid, *chunk)))
            finally:
                cur.close()
        stats.changed += changed
        if flags is not None:
            room = _MAX_LISTED - len(stats.applied)
            stats.applied += [rel for (_, rel, _, _, _), f in zip(batch, flags, strict=True) if f][:room]
        if found is None:
            return
        missing = 0
        for line, rel, _, _, _ in batch:
            if rel not in found:
                missing += 1
                later.append(
                    (
                        msg("meta.import_not_in_library", line=line, column=pc, path=rel, library=lib.name),
                        f"line {line}",
                    )
                )
        stats.skipped += missing
        stats.unchanged += len(batch) - missing - changed

    def _apply_here(
        self,
        db: Database,
        lib: L.LibraryInfo,
        batch: list[tuple[int, str, tuple[str, ...], tuple[str, ...], _Cells]],
        stats: ImportStats,
        writer: WriteBatches | None,
        pc: str,
        plan: _Plan,
        later: list[tuple[Message, str]],
    ) -> None:
        """A dry run and PostgreSQL: read the batch's stored rows and work out each row's changes here.

        Plain text fields (title, description) are compared cell by cell; what the other cells change is worked
        out once per distinct (cells, stored values) and reused (most rows share their tags, rating and
        properties). A field's first edit, which remembers the asset's former value, is noted per row."""
        paths = list(dict.fromkeys(rel for _, rel, _, _, _ in batch))
        dry = writer is None
        direct, keep, outcome, stored = plan.direct, plan.keep, plan.outcome, plan.stored
        cm = writer.transaction() if writer is not None else db.connect_read()
        with cm as conn:
            cur = conn.connection.cursor()  # the connection's own transaction, without per-call overhead
            try:
                current: dict[str, list[Any]] = {}
                for row in self._stored(cur, conn.dialect, lib, paths, not dry, plan):
                    # id, title, description, rating, tags, props, edits (None when not read), written
                    current[row[1]] = [row[0], *row[2:7], None if dry else row[7], False]
                for line, rel, dtexts, texts, cells in batch:
                    found = current.get(rel)
                    if found is None:
                        stats.skipped += 1
                        later.append(
                            (
                                msg("meta.import_not_in_library", line=line, column=pc, path=rel, library=lib.name),
                                f"line {line}",
                            )
                        )
                        continue
                    changes: list[tuple[str, Any, Any]] = []
                    for (k, key), text in zip(direct, dtexts, strict=True):
                        new: str | None = text
                        if text == "":
                            if keep:
                                continue
                            new = None
                        if found[k] != new:
                            changes.append((key, found[k], new))
                            found[k] = new
                    if cells.values:
                        okey = (texts, stored(found))
                        out = outcome.get(okey)
                        if out is None:
                            out = plan.work_out(cells, found)
                            if len(outcome) >= _CACHE_MAX:
                                outcome.clear()
                            outcome[okey] = out
                        if out.changes:
                            changes += out.changes
                            for k, v in out.scalars:
                                found[k] = v
                            found[4], found[5] = out.tags, out.props
                    if not changes:
                        stats.unchanged += 1
                        continue
                    stats.changed += 1
                    found[7] = True
                    if len(stats.applied) < _MAX_LISTED:
                        stats.applied.append(rel)
                    if dry:
                        self._diff(stats, rel, sorted(changes, key=lambda c: plan.order[c[0]]))
                    else:
                        edits = dict(_json(found[6], {}) or {})
                        for name, old, _ in changes:
                            if name not in edits:  # a first edit: what the asset had stands for the file's
                                edits[name] = {"f": old}
                        found[6] = L.json_dumps(edits)
                if not dry:
                    rows = [(r[1], r[2], r[3], r[4], r[5], r[6], r[0]) for r in current.values() if r[7]]
                    if rows:
                        _Update.get().run_many(cur, conn.dialect, rows)
            finally:
                cur.close()

    @staticmethod
    def _stored(
        cur: Any, dialect: Any, lib: L.LibraryInfo, paths: list[str], with_edits: bool, plan: _Plan
    ) -> list[Any]:
        """The stored rows of ``paths``. On SQLite, when the paths are close together in the catalogue's order (a
        file exported from it, sorted by path), one range of the path index is read instead of a lookup per
        path; a range that holds too many other assets falls back to the lookups (and after a few such
        misses, a file in another order is read by lookups only)."""
        if dialect.name == "sqlite" and plan.range_misses < _RANGE_TRIES and len(paths) > 1:
            ordered = sorted(paths)  # code point order: SQLite's BINARY collation of UTF-8 text
            limit = 2 * len(paths) + 16
            got = _select_range(with_edits).run(cur, dialect, (lib.id, ordered[0], ordered[-1], limit)).fetchall()
            if len(got) < limit:
                wanted = set(paths)
                return [row for row in got if row[1] in wanted]
            plan.range_misses += 1
        rows: list[Any] = []
        for i in range(0, len(paths), 500):
            chunk = paths[i : i + 500]
            rows += _select(len(chunk), with_edits).run(cur, dialect, (lib.id, *chunk)).fetchall()
        return rows

    @staticmethod
    def _diff(stats: ImportStats, rel: str, changes: list[tuple[str, Any, Any]]) -> None:
        for key, old, new in changes:
            name = _STD_NAME.get(key, key[2:])
            if len(stats.diff) < DIFF_FULL:
                stats.diff.append(msg("meta.diff", path=rel, field=name, before=_show(old), after=_show(new)).text)
            else:
                stats.more[name] = stats.more.get(name, 0) + 1

    # -- reports ----------------------------------------------------------------------------------------
    def readings(self, params: dict[str, Any]) -> list[str]:
        """How each column will be read (type, one or several values, what an empty cell does)."""
        head = self.header(params)
        empty = msg("meta.empty_keep" if params.get("empty", "keep") == "keep" else "meta.empty_clear").text
        out = []
        for _, col in head.cols:
            if col.multi:
                out.append(
                    msg(
                        "meta.reading_multi",
                        column=col.name,
                        type=col.type,
                        delimiter=params["multi_delimiter"],
                        empty=empty,
                    ).text
                )
            else:
                out.append(msg("meta.reading_single", column=col.name, type=col.type, empty=empty).text)
        return out + [n.text for n in head.notes]

    def dry_run(self, env: OperationEnv, params: dict[str, Any]) -> DryRun:
        lib = self.lib(env.db, params)
        st = self.process(env.db, lib, params, None)
        details = self.readings(params) + st.diff
        if st.more:
            n = sum(st.more.values())
            details.append(msg("meta.diff_more", n=n, fields=", ".join(f"{k}: {v}" for k, v in st.more.items())).text)
        details += [u.message.text for u in st.unreadable]
        details += [m.text for m, _ in st.warnings if m.code != "meta.import_column_note"]
        return DryRun(
            msg(
                "meta.import_would",
                changed=st.changed,
                rows=st.rows,
                unchanged=st.unchanged,
                skipped=st.skipped,
                unreadable=len(st.unreadable),
            ).text,
            details,
            {
                "rows": st.rows,
                "changed": st.changed,
                "unchanged": st.unchanged,
                "skipped": st.skipped,
                "unreadable": len(st.unreadable),
            },
        )

    def run(self, ctx: JobContext, params: dict[str, Any]) -> dict[str, Any]:
        lib = self.lib(ctx.db, params)
        ctx.set_total(count_lines(Path(params["input"]).expanduser()))  # a progress total: lines, counted at once
        rejected = RejectedRows(ctx)  # notes the rows it refuses, for the rejected-rows file (outputs)
        st = self.process(ctx.db, lib, params, rejected)  # type: ignore[arg-type]
        ctx.progress(st.rows, st.rows)
        ctx.info(
            msg(
                "meta.import_done",
                rows=st.rows,
                changed=st.changed,
                unchanged=st.unchanged,
                skipped=st.skipped,
                unreadable=len(st.unreadable),
            )
        )
        path = Path(params["input"]).expanduser()
        result = {"library": lib.name, "input": str(path), **st.to_json()}
        if (rejects := rejected.write(path, params["separator"], ctx.job_id)) is not None:
            result["outputs"] = [rejects]
        if st.unreadable:
            lines = sum(u.lines for u in st.unreadable)
            raise OperationFailed(
                msg("meta.import_incomplete", lines=lines, name=path.name, changed=st.changed), result=result
            )
        return result


OPERATIONS = (MetadataImport,)
