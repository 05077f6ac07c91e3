"""PostgreSQL: the engine's hot statements (a claim, a job's outcome) compiled once and run on the psycopg cursor
of the caller's SQLAlchemy connection, inside the transaction it began.

For a short job SQLAlchemy's execution machinery (the compiled-cache lookup, the result's metadata built from the
cursor's description, the row objects) costs the worker more than the statement costs the server. Nothing else
changes: the SQL is SQLAlchemy's own for the dialect, the values go through the same bind and result processors
(aware UTC datetimes, JSON), the statement is prepared by the server as psycopg does after a few uses, and an
error is the exception ``Connection.execute`` raises, the connection invalidated when the server is gone (so that
the writer's held connection is replaced at its next use, and a refused write is told from a bug)."""

from __future__ import annotations

import weakref
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy.engine import Connection, Dialect
from sqlalchemy.exc import DBAPIError

if TYPE_CHECKING:  # psycopg is installed with the postgres extra only: this module must import without it
    import psycopg


class Direct:
    """A statement that returns rows (RETURNING, or a textual SELECT with typed columns), compiled for ``dialect``."""

    _cache: weakref.WeakKeyDictionary[Dialect, dict[Any, Direct]] = weakref.WeakKeyDictionary()

    @classmethod
    def of(cls, stmt: Any, conn: Connection) -> Direct:
        """``stmt`` compiled once for ``conn``'s dialect (kept while the dialect, that is its engine, lives)."""
        compiled = cls._cache.setdefault(conn.dialect, {})
        found = compiled.get(stmt)
        if found is None:
            found = compiled[stmt] = cls(stmt, conn.dialect)
        return found

    def __init__(self, stmt: Any, dialect: Dialect) -> None:
        compiled = stmt.compile(dialect=dialect)
        self.sql: str = compiled.string
        self._dialect = dialect
        # every parameter: the fixed ones processed once here, the others (given at each call) processed then,
        # None included, as SQLAlchemy does
        self._fixed: dict[str, Any] = dict(compiled.params)
        self._bind: dict[str, Callable[[Any], Any]] = {}
        for bind in compiled.binds.values():
            name = compiled.bind_names[bind]
            processor = bind.type.dialect_impl(dialect).bind_processor(dialect)
            if processor is None:
                continue
            if bind.required:
                self._bind[name] = processor
            else:
                self._fixed[name] = processor(self._fixed[name])
        self._columns = list(stmt.exported_columns)
        self._results: list[tuple[int, Callable[[Any], Any]]] | None = None  # from the first result's types

    def _processors(self, types: list[int]) -> list[tuple[int, Callable[[Any], Any]]]:
        """The result processors of the returned columns, for the types the server sent (as SQLAlchemy picks them)."""
        out = []
        for i, (column, type_code) in enumerate(zip(self._columns, types, strict=True)):
            processor = column.type.dialect_impl(self._dialect).result_processor(self._dialect, type_code)
            if processor is not None:
                out.append((i, processor))
        return out

    def rows(self, conn: Connection, values: Mapping[str, Any]) -> list[tuple[Any, ...]]:
        params = self._fixed.copy()
        for name, value in values.items():
            processor = self._bind.get(name)
            params[name] = processor(value) if processor is not None else value
        dbapi = cast("psycopg.Connection[Any]", conn.connection.driver_connection)
        error: type[Exception] = self._dialect.loaded_dbapi.Error  # psycopg's, from the dialect that loaded it
        cursor = dbapi.cursor()
        try:
            cursor.execute(self.sql, params, prepare=True)
            raw = cursor.fetchall()
            if self._results is None:
                self._results = self._processors([d.type_code for d in cursor.description or ()])
        except error as exc:
            gone = self._dialect.is_disconnect(cast(Any, exc), cast(Any, dbapi), cast(Any, cursor))
            if gone:
                conn.invalidate(exc)
            raise DBAPIError.instance(
                self.sql, params, exc, error, connection_invalidated=gone, dialect=self._dialect
            ) from exc
        finally:
            cursor.close()
        if not self._results:
            return [tuple(r) for r in raw]
        out = []
        for r in raw:
            row = list(r)
            for i, processor in self._results:
                row[i] = processor(row[i])
            out.append(tuple(row))
        return out
