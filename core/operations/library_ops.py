"""What the operations on a library share: the ``library`` parameter, the base class, resolving given paths.

The operations: ``scan`` (core.operations.scan), ``delete`` (delete.py), ``restore`` (restore.py), ``move``
(move.py), ``metadata-export``/``metadata-import`` (metadata_csv.py), ``mass-edit`` (mass_edit.py), ``fetch``
and ``metadata-writeback`` (writeback.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core import library as L
from core.errors import ParamError
from core.messages import CATALOG, Message, define, msg
from core.operations.base import Operation, Param

define("label.scan", "Scan · {library}")
define("label.restore", "Restore from trash · {library}")

if TYPE_CHECKING:
    from core.store.db import Database

LIB = Param("library", "str", required=True, help="the library's name (see: asyncops library list)")
SAMPLE = 10
# Tests only: seconds to pause before each step of a move (and between a rename and its catalogue update),
# so that a test can kill the process at a chosen point.
STEP_DELAY_ENV = "ASYNCOPS_TEST_MOVE_STEP_DELAY"


class LibraryOperation(Operation):
    """An operation on one library named by the ``library`` parameter."""

    def lib(self, db: Database, params: dict[str, Any]) -> L.LibraryInfo:
        return L.get_library(db, params["library"])

    def label_message(self, params: dict[str, Any]) -> Message:
        code = f"label.{self.name}"
        if code in CATALOG:
            return msg(code, library=params.get("library", ""))
        return Message.plain(f"{self.title} · {params.get('library', '')}")


def _paths(lib: L.LibraryInfo, raw: list[str], param: str = "paths", *, must_exist: bool = True) -> list[L.Resolved]:
    """Resolve ``raw`` safely; duplicates and paths inside another given path are dropped."""
    if not raw:
        raise ParamError(param, "give at least one path")
    items = [L.resolve(lib, p, param=param, must_exist=must_exist) for p in raw]
    items.sort(key=lambda r: r.rel)
    out: list[L.Resolved] = []
    for r in items:
        if out and L.is_under(r.rel, out[-1].rel):
            continue
        out.append(r)
    return out


OPERATIONS: tuple[type[Operation], ...] = ()
