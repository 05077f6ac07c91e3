"""``restore``: bring back what a delete put in the library's trash (the undo of a delete).

Only entries of the library's own trash (``.asyncops-trash/<entry>``) are restored, only when their record
says the given job put them there from the given path, and only to that path: a crafted item cannot pull a
file from elsewhere into the library. The catalogue edits kept with an entry are put back on what it held.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core import library as L
from core.errors import OperationFailed, ParamError
from core.messages import define, msg
from core.operations.base import DryRun, OperationEnv, Param
from core.operations.library_ops import LIB, LibraryOperation

if TYPE_CHECKING:
    from core.engine import JobContext

define("restore.bad_items", "expected a non-empty JSON array of {{path, trash}} objects")
define("restore.bad_item", "item {n}: expected an object with text fields path and trash")
define("restore.would_item", "restore {path}")
define("restore.gone", "{path}: no longer in the trash")
define("restore.exists", "{path}: exists again, would not be overwritten")
define("restore.would", "would restore {ok} of {n} {n:plural:item|items}")
define("restore.cannot", "cannot restore: {reason}")
define("restore.done", "restored {restored} of {n} {n:plural:item|items}")
define("restore.none", "nothing was restored")


def check_items(items: Any, param: str, *, empty: bool = False) -> None:
    """Trash entries to bring back as a delete's result (or an overwriting move's) names them: a JSON array of
    ``{"path": …, "trash": …}`` objects, empty only where ``empty`` allows it."""
    if not isinstance(items, list) or not (items or empty):
        raise ParamError(param, msg("restore.bad_items"))
    for i, it in enumerate(items):
        if not isinstance(it, dict) or not isinstance(it.get("path"), str) or not isinstance(it.get("trash"), str):
            raise ParamError(param, msg("restore.bad_item", n=i + 1))


def bring_back(ctx: JobContext, jail: L.Jail, rel: str, trash: str, job: int | None) -> dict[str, Any] | None:
    """One trash entry back to ``rel`` (see ``L.restore``): its record, with the catalogue edits it kept, or None
    when it cannot be (an error in the job's log)."""
    try:
        return L.restore(jail, trash, rel, job)
    except OSError as exc:
        ctx.error(msg("restore.cannot", reason=L.reason_of(exc)), item=rel)
        return None


class Restore(LibraryOperation):
    name = "restore"
    title = "Restore from trash"
    description = "Bring files and folders deleted to the trash back to their place (the undo of a delete)."
    internal = True  # Undo launches it with the trash entries it needs
    params = (
        LIB,
        Param(
            "items",
            "json",
            required=True,
            help='what to restore: [{"path": "docs/a.md", "trash": "ENTRY"}] as the delete job\'s result names them',
        ),
        Param("job", "int", advanced=True, help="the delete job that put them in the trash"),
    )
    supports_dry_run = True

    def check(self, params: dict[str, Any], env: OperationEnv | None) -> None:
        items = params["items"]
        check_items(items, "items")
        if env is not None:
            lib = self.lib(env.db, params)
            for it in items:
                L.resolve(lib, it["path"], param="items", must_exist=False)

    def dry_run(self, env: OperationEnv, params: dict[str, Any]) -> DryRun:
        lib = self.lib(env.db, params)
        details = []
        ok = 0
        with L.Jail(L.real_root(lib)) as jail:
            for it in params["items"]:
                rel = L.normalize(it["path"], param="items")
                if not L.trash_exists(jail, it["trash"]):
                    details.append(msg("restore.gone", path=rel).text)
                elif jail.exists(rel):
                    details.append(msg("restore.exists", path=rel).text)
                else:
                    ok += 1
                    details.append(msg("restore.would_item", path=rel).text)
        n = len(params["items"])
        return DryRun(msg("restore.would", ok=ok, n=n).text, details, {"items": ok})

    def run(self, ctx: JobContext, params: dict[str, Any]) -> dict[str, Any]:
        lib = self.lib(ctx.db, params)
        n = len(params["items"])
        ctx.set_total(n)
        restored: list[str] = []
        saved: dict[str, Any] = {}
        with L.Jail(L.real_root(lib)) as jail:
            for it in params["items"]:
                rel = L.normalize(it["path"], param="items")
                record = bring_back(ctx, jail, rel, it["trash"], params.get("job"))
                if record is not None:
                    restored.append(rel)
                    saved.update(record.get("edits") or {})
                ctx.advance()
        if restored:
            L.scan(ctx.db, lib, ctx, under=restored)  # type: ignore[arg-type]
            with ctx.db.connect_write() as conn:
                L.reapply(conn, lib.id, saved)
            ctx.progress(n, n)
        ctx.info(msg("restore.done", restored=len(restored), n=n))
        result = {"library": lib.name, "restored": restored}
        if not restored:
            raise OperationFailed(msg("restore.none"), result=result)
        return result

    def undo(self, result: dict[str, Any] | None, params: dict[str, Any]) -> tuple[str, dict[str, Any]] | None:
        if not result or not result.get("restored"):
            return None
        return "delete", {"library": params["library"], "paths": list(result["restored"])}


OPERATIONS = (Restore,)
