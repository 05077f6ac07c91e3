"""How ``metadata-import`` works out what changes: its header and statistics; on SQLite the UPDATE that compares,
sets and records each row itself (:func:`compare_update_sql`), run for many rows at once, and the exact check
that lets a batch whose typed cells change nothing leave them out of it (:meth:`_Plan.parsed_unchanged`); for a
dry run and PostgreSQL the prepared statements that read a batch's stored rows (one SELECT, or a range read when
the paths sit together) and the change of each row worked out here, once per distinct input."""

from __future__ import annotations

import json
import operator
import re
import sqlite3
from dataclasses import dataclass, field
from itertools import chain
from typing import TYPE_CHECKING, Any

from sqlalchemy import Text, bindparam, cast, select, update

from core import library as L
from core.messages import Message
from core.operations.csv_records import Unreadable
from core.operations.metadata_common import (
    _CACHE_MAX,
    _json,
    a,
)
from core.store.dialect import json_from_text

if TYPE_CHECKING:
    pass


EMPTY = ("keep", "clear")
DIFF_FULL = 50
_KEEP = object()
_FIELDS = ("title", "description", "rating", "tags", "props", "edits")
_MAX_LISTED = 1000
_JOINED_MIN = 16  # rows run as one UPDATE … FROM (VALUES …) at least (see _SQLiteStatement.run_rows)
_JOINED_MAX = 1000  # and at most
_FEW = 64  # assets holding the same stored values whose paths parsed_unchanged reads
_GROUPS_MAX = 32  # distinct stored values of a batch's range that parsed_unchanged works through


@dataclass
class Header:
    path_idx: int
    width: int
    cols: list[tuple[int, L.Column]]
    notes: list[Message] = field(default_factory=list)  # column warnings (ignored columns, read-as notes)


@dataclass
class ImportStats:
    rows: int = 0
    changed: int = 0
    unchanged: int = 0
    skipped: int = 0
    unreadable: list[Unreadable] = field(default_factory=list)
    applied: list[str] = field(default_factory=list)
    diff: list[str] = field(default_factory=list)
    more: dict[str, int] = field(default_factory=dict)
    warnings: list[tuple[Message, str | None]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "rows": self.rows,
            "changed": self.changed,
            "unchanged": self.unchanged,
            "skipped": self.skipped,
            "unreadable_records": len(self.unreadable),
            "unreadable_lines": [[u.start, u.end] for u in self.unreadable],
            "applied": self.applied[:_MAX_LISTED],
        }


def _show(value: Any) -> str:
    if value is None or value == []:
        return "∅"
    if isinstance(value, list) and len(value) == 2 and isinstance(value[0], str) and value[0] in L.TYPES:
        value = value[1]  # a free property: [type, value]
    return repr(value)


_STD = {name: attr for name, (attr, _, _) in L.STANDARD.items()}
_STD_NAME = {attr: name for name, attr in _STD.items()}
_POS = {"title": 1, "description": 2, "rating": 3}
_SELECT: dict[tuple[int, bool], L.Prepared] = {}


def _select(n: int, edits: bool = True) -> L.Prepared:
    """SELECT id, path, title, description, rating, tags, props[, edits] of ``n`` paths (compiled once per n)."""
    got = _SELECT.get((n, edits))
    if got is None:
        names = [f"p{i}" for i in range(n)]
        cols = [a.c.id, a.c.path, a.c.title, a.c.description, a.c.rating, cast(a.c.tags, Text), cast(a.c.props, Text)]
        if edits:
            cols.append(cast(a.c.edits, Text))
        stmt = select(*cols).where(a.c.library_id == bindparam("lib"), a.c.path.in_([bindparam(x) for x in names]))
        got = _SELECT[(n, edits)] = L.Prepared(stmt, ("lib", *names))
    return got


_SELECT_RANGE: dict[bool, L.Prepared] = {}
_RANGE_TRIES = 3  # ranges that held too many other assets before a run reads by lookups only


def _select_range(edits: bool) -> L.Prepared:
    """The same columns for the paths from ``lo`` to ``hi`` (at most ``lim`` rows)."""
    got = _SELECT_RANGE.get(edits)
    if got is None:
        cols = [a.c.id, a.c.path, a.c.title, a.c.description, a.c.rating, cast(a.c.tags, Text), cast(a.c.props, Text)]
        if edits:
            cols.append(cast(a.c.edits, Text))
        stmt = (
            select(*cols)
            .where(a.c.library_id == bindparam("lib"), a.c.path >= bindparam("lo"), a.c.path <= bindparam("hi"))
            .limit(bindparam("lim"))
        )
        got = _SELECT_RANGE[edits] = L.Prepared(stmt, ("lib", "lo", "hi", "lim"))
    return got


class _Update:
    """The UPDATE of an asset's metadata and edits, compiled once."""

    stmt: L.Prepared | None = None

    @classmethod
    def get(cls) -> L.Prepared:
        if cls.stmt is None:
            values = {
                f: json_from_text(bindparam(f"v_{f}", type_=Text))
                if f in ("tags", "props", "edits")
                else bindparam(f"v_{f}")
                for f in _FIELDS
            }
            cls.stmt = L.Prepared(
                update(a).where(a.c.id == bindparam("aid")).values(**values), (*(f"v_{f}" for f in _FIELDS), "aid")
            )
        return cls.stmt


def _sql_literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _merges_in_sqlite(dialect_name: str, head: Header) -> bool:
    """Whether the edits can be merged by SQLite's JSON functions (``->`` needs SQLite 3.38; a property name
    must fit in a quoted JSON path label)."""
    if dialect_name != "sqlite" or sqlite3.sqlite_version_info < (3, 38):
        return False
    return all(col.standard or not any(c in col.name for c in '"\\\x00') for _, col in head.cols)


class _SQLiteStatement(L.Prepared):
    """A statement written in SQLite's own SQL, run with parameter tuples as they are."""

    def __init__(self, sql: str, guard: str = "") -> None:
        """``guard``: a condition on the asset's own columns (no parameter) that the statement's WHERE adds."""
        super().__init__(None, ())
        self._base, self._guard = sql, guard
        self._sql = sql + guard
        self._joined: dict[tuple[int, int], str] = {}

    def sql(self, dialect: Any) -> tuple[str, Any]:
        return self._sql, None

    def run_rows(self, cur: Any, lid: int, rows: list[tuple[Any, ...]], unique: bool = False) -> int:
        """Run the statement (one asset by path: ``?1`` the library, ``?2`` the path, then the row's values) for
        each of ``rows`` (their parameters after the library), in order; the number of assets changed.

        Rows are run many at a time as one UPDATE … FROM (VALUES …) (:meth:`_joined_sql`): the same work without
        a statement step, reset and parameter binding per row (a fifth of the SQL's time). A run holds each path
        once (an asset named twice starts a new run, after the first one is applied), at most ``_JOINED_MAX``
        rows and as many values as SQLite binds; a short run is stepped row by row."""
        width = len(rows[0]) if rows else 1
        room = max(1, min(_JOINED_MAX, cur.connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) // width))
        runs: list[list[tuple[Any, ...]]] = []
        if len(rows) <= room and (unique or len({r[0] for r in rows}) == len(rows)):
            runs.append(rows)
        else:
            seen: set[Any] = set()
            run: list[tuple[Any, ...]] = []
            for r in rows:
                if r[0] in seen or len(run) >= room:
                    runs.append(run)
                    run, seen = [], set()
                seen.add(r[0])
                run.append(r)
            runs.append(run)
        changed = 0
        for run in runs:
            if len(run) < _JOINED_MIN:
                changed += cur.executemany(self._sql, [(lid, *r) for r in run]).rowcount
            else:
                changed += cur.execute(self._joined_sql(lid, len(run), width), list(chain.from_iterable(run))).rowcount
        return changed

    def _joined_sql(self, lid: int, n: int, width: int) -> str:
        """The statement as UPDATE … FROM (VALUES …) AS v for ``n`` rows of ``width`` values: ``?2`` and the
        later parameters become v's columns (``v.column1`` the path), unqualified columns stay the asset's (v's
        are named column1…), the library is written in (an integer) and v's values are plain ``?`` (SQLite
        numbers them in order at no cost; ``?NNN`` are looked up one by one). SQLite reads v, then each asset by
        the (library, path) index, as the statement did row by row; a bound parameter and a VALUES column both
        have no affinity, so every comparison is the same."""
        got = self._joined.get((lid, n))
        if got is None:
            head, tail = self._base.split(" WHERE library_id = ?1 AND path = ?2", 1)

            def columns(text: str) -> str:
                return re.sub(r"\?(\d+)", lambda m: str(int(lid)) if m[1] == "1" else f"v.column{int(m[1]) - 1}", text)

            row = "(" + ", ".join("?" * width) + ")"
            got = (
                f"{columns(head)} FROM (VALUES {', '.join([row] * n)}) AS v "
                f"WHERE library_id = {int(lid)} AND path = v.column1{columns(tail)}{self._guard}"
            )
            if len(self._joined) >= 4:
                self._joined.clear()
            self._joined[(lid, n)] = got
        return got


def _json_forms(value: Any) -> tuple[str, str, str]:
    """``value`` as JSON text as asyncops writes it (compact UTF-8), compact with ASCII escapes, and as the
    scanner's JSON column writes it (``json.dumps``: ASCII escapes, spaced): a stored text equal to one of them
    holds that value; other texts are compared once minified (SQLite's ``json()`` keeps escapes as written)."""
    return L.json_dumps(value), json.dumps(value, separators=(",", ":")), json.dumps(value)


def compare_update_sql(plan: _Plan, parsed: bool = True, direct: tuple[int, ...] | None = None) -> str:
    """SQLite: one UPDATE of one asset by path that compares, sets and records a row's cells itself, so that a
    batch needs no read of the stored rows (:meth:`_SQLiteStatement.run_rows` runs it for many rows at once). Its
    parameters, numbered: ?1 the library, ?2 the path, then each plain text cell as read (``plan.direct``), then
    ``plan.cells(…).sql``: per parsed column the new value as JSON text (NULL when the cell leaves the field
    unchanged, ``null``/``[]`` when it clears), then for a standard field the value itself, for tags and
    properties two other spellings of the JSON text (see :func:`_json_forms`).

    A field changes when its cell applies and differs from the stored value; only a row with a changed field is
    updated (the cursor's row count is the number of changed rows). A changed field's first edit is recorded,
    ``edits[key] = {"f": what the asset had}``; an earlier edit of that key keeps its own ``f`` (what the file
    said), and the value set is the field's column (see core.library.edits). The comparisons are written to parse as little JSON
    as they can (a simple CASE evaluates its operand once): SQLite evaluates each as often as it is written.

    With ``parsed`` False, the statement leaves the parsed columns out (its parameters stop after the plain text
    cells): for a batch whose parsed cells change nothing (:meth:`_Plan.parsed_unchanged`). ``direct`` names
    the plain text cells it takes (positions in ``plan.direct``; all by default): a batch whose cells of a column
    are all empty, and so keep, leaves that column out (see :meth:`_Plan.statement`)."""
    n = 2
    sets: list[str] = []
    fields: list[tuple[str, str, str]] = []  # (edit key, changed, old value as JSON)
    props: list[tuple[str, str, str]] = []  # (JSON path, changed, new value as JSON text)
    for _, key in plan.direct if direct is None else [plan.direct[j] for j in direct]:
        n += 1
        p = f"?{n}"
        applies, new = (f"{p} <> ''", p) if plan.keep else ("1", f"NULLIF({p}, '')")
        sets.append(f"{key} = CASE WHEN {applies} THEN {new} ELSE {key} END")
        fields.append((key, f"({applies} AND {key} IS NOT {new})", f"json_quote({key})"))
    for col, _, _ in plan.columns if parsed else ():
        attr = _STD.get(col.name)
        p, q = f"?{n + 1}", f"?{n + 2}"
        if attr is None or attr == "tags":
            if attr == "tags":
                r = f"?{n + 3}"
                n += 3
                old = "CASE WHEN tags IS NULL OR tags IN ('null', '{}') THEN '[]' ELSE json(tags) END"
                changed = (
                    f"({p} IS NOT NULL AND CASE tags WHEN {p} THEN 0 WHEN {q} THEN 0 WHEN {r} THEN 0 "
                    f"ELSE {old} NOT IN ({p}, {q}) END)"
                )
                sets.append(f"tags = CASE WHEN {changed} THEN {p} ELSE tags END")
                fields.append(("tags", changed, old))
                continue
            n += 2
            path = _sql_literal('$."' + col.name + '"')
            old = f"props -> {path}"
            changed = (
                f"({p} IS NOT NULL AND CASE {old} WHEN {p} THEN 0 WHEN {q} THEN 0 "
                f"ELSE {p} <> 'null' OR {old} IS NOT NULL END)"
            )
            props.append((path, changed, p))
            fields.append(("p:" + col.name, changed, old))
        else:
            n += 2
            sets.append(f"{attr} = CASE WHEN {p} IS NOT NULL THEN {q} ELSE {attr} END")
            fields.append((attr, f"({p} IS NOT NULL AND {attr} IS NOT {q})", f"json_quote({attr})"))
    if props:
        base = "CASE WHEN json_type(props) = 'object' THEN props ELSE '{}' END"
        if len(props) == 1:  # inside the CASE below, the one property is known to have changed
            path, _, p = props[0]
            merged = (
                f"CASE WHEN {p} = 'null' THEN json_remove({base}, {path}) ELSE json_set({base}, {path}, json({p})) END"
            )
        else:
            merged = (
                f"json_remove(json_set({base}, "
                + ", ".join(
                    f"CASE WHEN {c} AND {p} <> 'null' THEN {path} ELSE '$[0]' END, json({p})" for path, c, p in props
                )
                + "), "
                + ", ".join(f"CASE WHEN {c} AND {p} = 'null' THEN {path} ELSE '$[0]' END" for path, c, p in props)
                + ")"
            )
        sets.append(f"props = CASE WHEN {' OR '.join(c for _, c, _ in props)} THEN {merged} ELSE props END")
    if not fields:  # no column to apply: no row changes
        return "UPDATE assets SET id = id WHERE library_id = ?1 AND path = ?2 AND 0"
    # edits is NULL, JSON null or an object (asyncops writes nothing else there); a field's first edit adds
    # {"f": what the asset had}, a later one leaves it (json_insert does not replace; '$[0]', which an object does
    # not have, inserts nothing)
    base = "CASE WHEN edits LIKE '{%' THEN edits ELSE '{}' END"
    if len(fields) == 1:  # the row changed this field (see WHERE): one CASE picks the one JSON call it needs
        key, _, old = fields[0]
        path = '$."' + key + '"'
        first = '{"' + key + '":{'  # an object starting with this key's edit needs no parse to know it
        sets.append(
            f"edits = CASE WHEN substr(edits, 1, {len(first)}) = {_sql_literal(first)} THEN edits "
            f"WHEN edits IS NULL OR edits = 'null' THEN json_object({_sql_literal(key)}, json_object('f', json({old}))) "
            f"ELSE json_insert({base}, {_sql_literal(path)}, json_object('f', json({old}))) END"
        )
    else:
        args = []
        for key, changed, old in fields:
            path = '$."' + key + '"'
            args.append(f"CASE WHEN {changed} THEN {_sql_literal(path)} ELSE '$[0]' END, json_object('f', json({old}))")
        sets.append(f"edits = json_insert({base}, " + ", ".join(args) + ")")
    where = " OR ".join(changed for _, changed, _ in fields)
    return f"UPDATE assets SET {', '.join(sets)} WHERE library_id = ?1 AND path = ?2 AND ({where})"


def _getter(positions: list[int]) -> Any:
    """The cells of a row at ``positions``, as a tuple."""
    if not positions:
        return lambda row: ()
    if len(positions) == 1:
        only = positions[0]
        return lambda row: (row[only],)
    return operator.itemgetter(*positions)


@dataclass(frozen=True)
class _Cells:
    """A row's cells for the columns other than plain text standard fields, parsed: the values that apply (an
    empty cell that keeps is left out) and the cells that could not be read."""

    values: tuple[tuple[L.Column, Any], ...]
    bad: tuple[tuple[L.Column, L.ValueError_], ...]
    sql: tuple[str | None, ...]  # the parameters of compare_update_sql for these cells


_path_of, _cells_of = operator.itemgetter(1), operator.itemgetter(4)  # of a batch entry (line, path, …, cells)
_first, _third = operator.itemgetter(0), operator.itemgetter(2)  # of a record: (first line, last line, fields)
_last = operator.itemgetter(-1)


@dataclass(frozen=True)
class _Outcome:
    """What a row's parsed cells change in an asset's stored values (worked out once per distinct pair)."""

    changes: tuple[tuple[str, Any, Any], ...]  # (field key, old, new)
    scalars: tuple[tuple[int, Any], ...]  # new standard scalar values: (position in the stored row, value)
    tags: Any  # the tags and properties to store (JSON text)
    props: Any


class _Plan:
    """How one file's columns are read and compared, with this run's bounded caches (flat memory)."""

    def __init__(self, head: Header, keep: bool, delimiter: str) -> None:
        self.keep, self.delimiter = keep, delimiter
        direct: list[tuple[int, tuple[int, str]]] = []
        parsed: list[tuple[int, L.Column]] = []
        for i, col in head.cols:
            attr = _STD.get(col.name)
            if attr in _POS and col.type in L.TEXT_TYPES and not col.multi:
                direct.append((i, (_POS[attr], attr)))  # its cell is its value
            else:
                parsed.append((i, col))
        self.direct = [d for _, d in direct]
        self.direct_cells = _getter([i for i, _ in direct])
        self.columns: list[tuple[L.Column, dict[str, Any], bool]] = [
            (col, {}, col.type in L.TEXT_TYPES and not col.multi) for _, col in parsed
        ]
        self.parsed_cells = _getter([i for i, _ in parsed])
        self.cell_sets: dict[tuple[str, ...], _Cells] = {}
        self.outcome: dict[Any, _Outcome] = {}
        scalars = sorted({_POS[attr] for _, col in parsed if (attr := _STD.get(col.name)) in _POS})
        self.stored = operator.itemgetter(*scalars, 4, 5)  # what the outcome of parsed cells depends on
        self.order = {(_STD.get(col.name) or "p:" + col.name): i for i, col in head.cols}
        self.range_misses = 0  # batches whose range of paths held too many other assets (see _stored)
        # SQLite: what parsed_unchanged reads: the stored values the parsed cells are compared with
        kept = [("title", "description", "rating")[k - 1] for k in scalars]
        cols = [*kept, "CAST(tags AS TEXT)", "CAST(props AS TEXT)"]
        self._guard_cols = cols
        self._stored_at = [*scalars, 4, 5]  # where each of those sits in a stored row (see work_out)
        inner = ", ".join(f"{c} AS c{i}" for i, c in enumerate(cols))
        names = ", ".join(f"c{i}" for i in range(len(cols)))
        usual = " AND ".join(f"c{i} IS ?{i + 5}" for i in range(len(cols)))
        rng = f"FROM (SELECT {inner}, path FROM assets WHERE library_id = ?1 AND path >= ?2 AND path <= ?3 LIMIT ?4)"
        self._grouped_sql = (
            f"SELECT {names}, count(*), CASE WHEN count(*) <= {_FEW} THEN json_group_array(path) END {rng} "
            f"GROUP BY {names}"
        )
        self._others_sql = (
            f"SELECT count(*), json_group_array(json_array({names}, path)) FILTER (WHERE NOT ({usual})) {rng}"
        )
        self._statements: dict[tuple[bool, tuple[int, ...], str], _SQLiteStatement] = {}
        self._usual: tuple[Any, ...] | None = None  # the stored values most assets hold (see parsed_unchanged)
        self.check_misses = 0  # batches parsed_unchanged could not decide (too many assets or stored values)
        self.guarding = True  # whether the next batch may try the guarded statement (see usual_for)

    def plain_batch(
        self, chunk: list[tuple[int, int, Any]], width: int, path_idx: int
    ) -> list[tuple[int, str, tuple[str, ...], tuple[str, ...], _Cells]] | None:
        """The batch entries of ``chunk`` (records as :func:`~core.operations.csv_records.records` yields them)
        when each is a row of ``width`` cells whose path is ``/``-rooted, plain (see ``L._is_plain``) and without
        white space around it, and no cell is bad, checked for the whole chunk at once: the common case, a file
        as metadata-export writes it, without the row by row reading. None when some record needs that reading
        (and its warnings); nothing is reported or counted then."""
        rows = list(map(_third, chunk))
        try:
            if set(map(len, rows)) != {width}:
                return None
        except TypeError:  # an Unreadable record
            return None
        raws = list(map(operator.itemgetter(path_idx), rows))
        joined = "\n".join(raws)  # one path a line: its first character, and each after a line end, is "/"
        k = len(raws) - 1
        if joined[:1] != "/" or joined.count("\n") != k or joined[-1] == "/" or "\x00" in joined or "\\" in joined:
            return None
        if "//" in joined or "/." in joined or "/\n" in joined:
            return None
        rels = joined[1:].split("\n/")
        if len(rels) != len(raws):  # a path that does not start with "/"
            return None
        ends = "".join(map(_last, raws))  # no path ends in white space (each is one line, starting with "/")
        if ends.split() != [ends]:
            return None
        texts = list(map(self.parsed_cells, rows))
        sets, cells_of = self.cell_sets, self.cells
        cells = [sets.get(t) or cells_of(t) for t in texts]
        if any(c.bad for c in dict(zip(map(id, cells), cells)).values()):  # a few objects, shared by the rows
            return None
        return list(zip(map(_first, chunk), rels, map(self.direct_cells, rows), texts, cells))

    def usual_for(self, batch: list[tuple[Any, str, Any, tuple[str, ...], _Cells]], unique: bool) -> str | None:
        """SQLite: the guard of a statement without the parsed columns for ``batch``: the condition that an asset
        holds the stored values most assets hold (learnt by :meth:`parsed_unchanged`), which no row's parsed
        cells change. The guarded statement then sets the plain text cells of those assets, with no read before
        it; the others (other stored values, unchanged or not catalogued) are left to the full statement. None
        when the batch has parsed cells that apply and some would change those values, when they are not known
        yet, or a real (JSON text may round it), or the last guarded batch left assets to the full statement, or
        the batch names an asset twice (``unique`` False)."""
        usual = self._usual
        if usual is None or not self.guarding or not unique:
            return None  # (an asset named twice: the full statement after this one would apply its rows again)
        cells = list(map(_cells_of, batch))  # shared per distinct texts: a few distinct objects
        distinct = dict(zip(map(id, cells), batch, strict=True)).values()
        applying = [(b[3], b[4]) for b in distinct if b[4].values]
        if not applying or any(self._changes(t, c, usual) for t, c in applying):
            return None
        terms = []
        for col, v in zip(self._guard_cols, usual, strict=True):
            if v is None:
                terms.append(f"{col} IS NULL")
            elif v.__class__ is int:
                terms.append(f"{col} = {v}")
            elif v.__class__ is str:
                terms.append(f"{col} = {_sql_literal(v)}")
            else:
                return None
        return " AND " + " AND ".join(terms)

    def statement(
        self, batch: list[tuple[Any, str, tuple[str, ...], Any, _Cells]], parsed: bool, guard: str = ""
    ) -> tuple[_SQLiteStatement, list[tuple[Any, ...]]]:
        """SQLite: the UPDATE for ``batch`` (:func:`compare_update_sql`; with ``parsed`` False, without the parsed
        columns; compiled once per shape) and its parameters for each row after the library: the path, the
        plain text cells it takes, then with ``parsed`` the parsed cells' (``_Cells.sql``). When empty cells
        keep, a column whose cells are all empty in the batch is left out (they change nothing). ``guard``: see
        :meth:`usual_for`."""
        if self.keep:
            use = tuple(j for j in range(len(self.direct)) if any(d[j] for _, _, d, _, _ in batch))
        else:
            use = tuple(range(len(self.direct)))
        stmt = self._statements.get((parsed, use, guard))
        if stmt is None:
            if len(self._statements) >= 8:
                self._statements.clear()
            sql = compare_update_sql(self, parsed, use)
            stmt = self._statements[(parsed, use, guard)] = _SQLiteStatement(sql, guard)
        if len(use) == len(self.direct):
            if parsed:
                return stmt, [(rel, *d, *cells.sql) for _, rel, d, _, cells in batch]
            return stmt, [(rel, *d) for _, rel, d, _, _ in batch]
        if len(use) == 1:
            j = use[0]
            if parsed:
                return stmt, [(rel, d[j], *cells.sql) for _, rel, d, _, cells in batch]
            return stmt, [(rel, d[j]) for _, rel, d, _, _ in batch]
        pick = _getter(list(use))
        if parsed:
            return stmt, [(rel, *pick(d), *cells.sql) for _, rel, d, _, cells in batch]
        return stmt, [(rel, *pick(d)) for _, rel, d, _, _ in batch]

    def _changes(self, texts: tuple[str, ...], cells: _Cells, values: tuple[Any, ...]) -> bool:
        """Whether ``cells`` change anything in an asset holding these stored ``values`` (cached)."""
        found: list[Any] = [None] * 6
        for k, v in zip(self._stored_at, values, strict=True):
            found[k] = v
        key = (texts, self.stored(found))
        out = self.outcome.get(key)
        if out is None:
            out = self.work_out(cells, found)
            if len(self.outcome) >= _CACHE_MAX:
                self.outcome.clear()
            self.outcome[key] = out
        return bool(out.changes)

    def parsed_unchanged(self, cur: Any, lid: int, batch: list[tuple[Any, str, Any, tuple[str, ...], _Cells]]) -> bool:
        """SQLite: whether no row of ``batch`` (line, path, plain cells, parsed texts, parsed cells) changes a
        parsed column, so that its UPDATE can leave them out (:func:`compare_update_sql` with ``parsed`` False).

        Exact, read in the batch's own transaction: the stored values the cells are compared with are read for
        every asset from the batch's first path to its last (a file exported from the catalogue is in path
        order, so that range is the batch's assets), and each distinct (cells, stored values) is worked out once
        (:meth:`work_out`, cached). Stored values that some cells would change are fine only when no asset
        holding them is in the batch (the range also holds folders and assets the file leaves out). Once the
        values most assets hold are known to be unchanged, only the assets holding other values are read
        (one pass over the range, no grouping); otherwise the range is read grouped by stored values, with the
        paths of the few assets holding each. A range with too many assets or too many distinct stored values
        says False (the full statement then compares every row), and after a few such batches the check stops."""
        distinct = {id(cells): (texts, cells) for _, _, _, texts, cells in batch}  # cells are shared per texts
        applying = dict(tc for tc in distinct.values() if tc[1].values)
        if not applying:
            return True
        if self.check_misses >= _RANGE_TRIES:
            return False
        lo = hi = batch[0][1]
        for _, rel, _, _, _ in batch:
            if rel < lo:
                lo = rel
            elif rel > hi:
                hi = rel
        limit = 2 * len(batch) + 16
        paths: set[str] | None = None
        usual = self._usual
        if usual is not None and not any(self._changes(t, c, usual) for t, c in applying.items()):
            total, others = cur.execute(self._others_sql, (lid, lo, hi, limit, *usual)).fetchone()
            if total < limit:
                for *values, path in json.loads(others):
                    if any(v.__class__ is float for v in values):
                        return False  # JSON text may round a stored real: this batch compares every row
                    if any(self._changes(t, c, tuple(values)) for t, c in applying.items()):
                        if paths is None:
                            paths = {rel for _, rel, _, _, _ in batch}
                        if path in paths:
                            return False
                return True
        groups = cur.execute(self._grouped_sql, (lid, lo, hi, limit)).fetchall()
        if len(groups) > _GROUPS_MAX or sum(g[-2] for g in groups) >= limit:
            self.check_misses += 1
            return False
        unchanged = True
        most = 0
        for g in groups:
            values = tuple(g[:-2])
            if not any(self._changes(t, c, values) for t, c in applying.items()):
                if g[-2] > most:
                    most, self._usual = g[-2], values
                continue
            if g[-1] is None:
                unchanged = False  # many assets hold these values: some may well be in the batch
                continue
            if paths is None:
                paths = {rel for _, rel, _, _, _ in batch}
            if not paths.isdisjoint(json.loads(g[-1])):
                unchanged = False
        return unchanged

    def cells(self, texts: tuple[str, ...]) -> _Cells:
        got = self.cell_sets.get(texts)
        if got is None:
            values: list[tuple[L.Column, Any]] = []
            bad: list[tuple[L.Column, L.ValueError_]] = []
            for (col, cache, plain), text in zip(self.columns, texts, strict=True):
                if text == "":
                    if not self.keep:
                        values.append((col, [] if col.multi else None))
                    continue
                if plain:
                    values.append((col, text))
                    continue
                v = cache.get(text, _KEEP)
                if v is _KEEP:
                    try:
                        v = col.parse_cell(text, self.delimiter)
                    except L.ValueError_ as exc:
                        v = exc
                    if len(cache) >= _CACHE_MAX:
                        cache.clear()
                    cache[text] = v
                if isinstance(v, L.ValueError_):
                    bad.append((col, v))
                elif v == [] and self.keep:  # only separators or spaces: an empty cell, which keeps
                    continue
                else:
                    values.append((col, v))
            got = _Cells(tuple(values), tuple(bad), self._sql(values))
            if len(self.cell_sets) >= _CACHE_MAX:
                self.cell_sets.clear()
            self.cell_sets[texts] = got
        return got

    def _sql(self, values: list[tuple[L.Column, Any]]) -> tuple[str | None, ...]:
        """The parameters of :func:`compare_update_sql` for a row's parsed cells (None: left unchanged)."""
        got = {id(col): v for col, v in values}
        out: list[str | None] = []
        for col, _, _ in self.columns:
            attr = _STD.get(col.name)
            v = got.get(id(col), _KEEP)
            if attr is None or attr == "tags":
                if attr == "tags":
                    out += (None, None, None) if v is _KEEP else _json_forms([str(x) for x in (v or [])])
                elif v is _KEEP:
                    out += (None, None)
                elif v is None or v == []:
                    out += ("null", "null")
                else:
                    out += _json_forms([col.type, v])[:2]  # SQLite's -> gives a property's value minified
            elif v is _KEEP:
                out += (None, None)
            else:
                out += (L.json_dumps(v), v)
        return tuple(out)

    @staticmethod
    def work_out(cells: _Cells, found: list[Any]) -> _Outcome:
        """What ``cells`` change in the stored values ``found`` (id, title, description, rating, tags, props…)."""
        tags_t, props_t = found[4], found[5]
        scalars: dict[int, Any] = {}
        changes: list[tuple[str, Any, Any]] = []
        props_changed = False
        for col, v in cells.values:
            attr = _STD.get(col.name)
            if attr is None:
                old = (_json(props_t, {}) or {}).get(col.name)
                new = None if v is None or v == [] else [col.type, v]
                if old != new:
                    changes.append(("p:" + col.name, old, new))
                    props_changed = True
            elif attr == "tags":
                old_tags = _json(tags_t, []) or []
                new_tags = [str(x) for x in (v or [])]
                if new_tags != old_tags:
                    changes.append(("tags", old_tags, new_tags))
                    tags_t = L.json_dumps(new_tags)
            else:
                k = _POS[attr]
                was = scalars.get(k, found[k])
                if was != v:
                    changes.append((attr, was, v))
                    scalars[k] = v
        if props_changed:
            new_props = dict(_json(props_t, {}) or {})
            for name, _, new in changes:
                if name.startswith("p:"):
                    if new is None:
                        new_props.pop(name[2:], None)
                    else:
                        new_props[name[2:]] = new
            props_t = L.json_dumps(new_props)
        return _Outcome(tuple(changes), tuple(scalars.items()), tags_t, props_t)
