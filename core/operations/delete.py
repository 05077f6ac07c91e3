"""``delete``: into the library's own trash (undo restores) or permanently, never outside the library."""

from __future__ import annotations

import os
import queue
import threading
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, select

from core import library as L
from core.errors import OperationFailed
from core.messages import Message, define, msg
from core.operations.base import DryRun, OperationEnv, Param
from core.operations.library_ops import LIB, LibraryOperation, _paths

if TYPE_CHECKING:
    from core.engine import JobContext
    from core.records import JobSnapshot
    from core.store.db import Database

define("delete.would_item", "delete {path}")
define("delete.broken_ref", "{source} line {line} refers to {target} ({link!r}), which is deleted")
define("delete.where_trash", "to the trash")
define("delete.where_permanent", "permanently")
define(
    "delete.would",
    "would delete {files} {files:plural:file|files} and {folders} {folders:plural:folder|folders} {where}; "
    "{references} {references:plural:reference|references} from other files would break",
)
define("delete.stopped", "stopped: the remaining items were not deleted")
define("delete.cannot", "cannot delete: {reason}")
define(
    "delete.done",
    "deleted {deleted} of {n} {n:plural:item|items} {where}: {files} {files:plural:file|files}, "
    "{folders} {folders:plural:folder|folders}",
)
define("delete.none", "nothing was deleted: {paths:list}")
define("label.delete", "Delete {path} · {library}")
define("label.delete_many", "Delete {n} {n:plural:item|items} · {library}")
define("label.delete_permanently", "Delete {path} permanently · {library}")
define("label.delete_permanently_many", "Delete {n} {n:plural:item|items} permanently · {library}")


class Delete(LibraryOperation):
    name = "delete"
    title = "Delete"
    description = (
        "Delete files and folders of a library: into the trash (restorable, undo brings them back) or "
        "permanently. References from other files to what is deleted are reported as warnings."
    )
    params = (
        LIB,
        Param("paths", "list", required=True, relative=True, help="files and folders, relative to the library"),
        Param("permanent", "bool", default=False, help="delete for good instead of moving to the trash"),
    )
    counted_items = ("assets", "folders")
    default_thresholds = {"assets": 100, "folders": 20}
    supports_dry_run = True
    pausable = True  # at its next item (ctx.pause_point)
    retry_items = "files"

    def failed_items(self, env: OperationEnv, job: JobSnapshot) -> dict[str, Any] | None:
        """The given paths it did not delete (failed, or not reached when stopped) that are still there."""
        result = job.result or {}
        done = set(result.get("deleted") or []) | {t.get("path") for t in result.get("trashed") or []}
        lib = self.lib(env.db, job.params)
        items = _paths(lib, job.params["paths"], must_exist=False)
        left = [r.rel for r in items if r.rel not in done and os.path.lexists(r.path)]
        return {**job.params, "paths": left} if left else None

    def check(self, params: dict[str, Any], env: OperationEnv | None) -> None:
        if env is not None:
            _paths(self.lib(env.db, params), params["paths"])

    def label_message(self, params: dict[str, Any]) -> Message:
        paths = params.get("paths") or []
        code = "label.delete_permanently" if params.get("permanent") else "label.delete"
        if len(paths) != 1:
            code += "_many"
        return msg(code, path=paths[0] if len(paths) == 1 else "", n=len(paths), library=params.get("library", ""))

    def estimate(self, env: OperationEnv, params: dict[str, Any]) -> dict[str, int]:
        lib = self.lib(env.db, params)
        items = _paths(lib, params["paths"])
        with env.db.connect_read() as conn:
            c = L.count_under(conn, lib.id, [r.rel for r in items])
        uncatalogued = sum(1 for r in items if not _catalogued(env.db, lib, r.rel))
        return {"assets": c.files + uncatalogued, "folders": c.folders}

    def _broken(self, db: Database, lib: L.LibraryInfo, items: list[L.Resolved]) -> list[tuple[str, int, str, str]]:
        rels = [r.rel for r in items]
        out = []
        with db.connect_read() as conn:
            for rel in rels:
                out += L.references_into(conn, lib.id, rel, exclude_sources_under=rels)
        return out

    def dry_run(self, env: OperationEnv, params: dict[str, Any]) -> DryRun:
        lib = self.lib(env.db, params)
        items = _paths(lib, params["paths"])
        counts = self.estimate(env, params)
        broken = self._broken(env.db, lib, items)
        permanent = bool(params.get("permanent"))
        details = [
            msg("delete.would_item", path=r.rel + ("/" if r.path.is_dir() and not r.path.is_symlink() else "")).text
            for r in items
        ]
        details += [
            msg("delete.broken_ref", source=src, line=line, target=target, link=raw).text
            for src, line, raw, target in broken
        ]
        return DryRun(
            msg(
                "delete.would",
                files=counts["assets"],
                folders=counts["folders"],
                permanent=permanent,
                where=msg("delete.where_permanent" if permanent else "delete.where_trash").text,
                references=len(broken),
            ).text,
            details,
            {**counts, "references": len(broken)},
        )

    def run(self, ctx: JobContext, params: dict[str, Any]) -> dict[str, Any]:
        lib = self.lib(ctx.db, params)
        items = _paths(lib, params["paths"])
        permanent = bool(params.get("permanent"))
        a = L.assets_t
        with ctx.db.connect_read() as conn:
            counts = L.count_under(conn, lib.id, [r.rel for r in items])
        ctx.set_total(max(counts.files + counts.folders, len(items)))
        broken = self._broken(ctx.db, lib, items)
        for src, line, raw, target in broken:
            ctx.warn(msg("delete.broken_ref", source=src, line=line, target=target, link=raw), item=f"{src}:{line}")
        deleted: list[str] = []
        trashed: list[dict[str, Any]] = []
        failed: list[str] = []
        files = folders = 0
        with L.Jail(L.real_root(lib)) as jail:
            for r in items:
                ctx.pause_point()
                if ctx.should_stop:
                    ctx.warn(msg("delete.stopped"))
                    break
                failures: list[str] = []

                def on_error(path: str, exc: OSError, failures: list[str] = failures) -> None:
                    failures.append(path)
                    if isinstance(exc, L.JailError):
                        ctx.warn(exc.message, item=L.shown(path))
                    else:
                        ctx.error(msg("delete.cannot", reason=L.reason_of(exc)), item=L.shown(path))

                if permanent:
                    forget = _Forgetter(ctx.db, lib.id, r.rel)
                    try:
                        f, d = jail.remove_tree(r.rel, on_error, forget.folder, ctx.advance)
                    finally:
                        forget.close()
                    files, folders = files + f, folders + d
                else:
                    with ctx.db.connect_read() as conn:  # with the values they set: the record outlives the rows
                        edits = L.edits_under(conn, lib.id, r.rel)
                    try:
                        entry = L.send_to_trash(jail, r.rel, ctx.job_id, edits)
                    except OSError as exc:
                        on_error(r.rel, exc)
                        failed.append(r.rel)
                        continue
                    trashed.append({"path": r.rel, "trash": entry})
                    with ctx.db.connect_read() as conn:
                        c = L.count_under(conn, lib.id, [r.rel])
                    files, folders = files + c.files, folders + c.folders
                    ctx.advance(max(1, c.files + c.folders))
                gone = not failures and jail.missing(r.rel)
                with ctx.db.connect_write() as conn:
                    if gone:
                        conn.execute(delete(a).where(a.c.library_id == lib.id, L.subtree(a.c.path, r.rel)))
                    else:  # partly deleted (or refused): forget only what is gone
                        rows = conn.execute(
                            select(a.c.id, a.c.path).where(a.c.library_id == lib.id, L.subtree(a.c.path, r.rel))
                        ).all()
                        ids = [i for i, p in rows if jail.missing(p)]
                        for k in range(0, len(ids), 500):
                            conn.execute(delete(a).where(a.c.id.in_(ids[k : k + 500])))
                if gone:
                    deleted.append(r.rel)
                elif r.rel not in failed:
                    failed.append(r.rel)
        ctx.progress(ctx.total or 0)
        ctx.info(
            msg(
                "delete.done",
                deleted=len(deleted),
                n=len(items),
                where=msg("delete.where_permanent" if permanent else "delete.where_trash").text,
                files=files,
                folders=folders,
            )
        )
        result = {
            "library": lib.name,
            "job": ctx.job_id,
            "deleted": deleted,
            "failed": failed,
            "permanent": permanent,
            "trashed": trashed,
            "files": files,
            "folders": folders,
            "broken_references": len(broken),
        }
        if failed and not deleted and not trashed and not files and not folders:
            raise OperationFailed(msg("delete.none", paths=failed), result=result)
        return result

    def undo(self, result: dict[str, Any] | None, params: dict[str, Any]) -> tuple[str, dict[str, Any]] | None:
        if not result or result.get("permanent"):
            return None
        items = [t for t in result.get("trashed", []) if t.get("trash")]
        if not items:
            return None
        return "restore", {"library": params["library"], "items": items, "job": result.get("job")}


class _Forgetter:
    """Forgets the catalogue rows of each folder as soon as it is gone from disk, in a thread of its own, so
    that the catalogue's DELETEs (SQLite working without the GIL) overlap the removal of the files: a row is
    only ever forgotten once its file is gone. Folders that arrive together are forgotten in one transaction."""

    def __init__(self, db: Database, library_id: int, rel: str) -> None:
        self.db, self.library_id = db, library_id
        self.prefix, self.rel = rel, rel
        self.queue: queue.SimpleQueue[str | None] = queue.SimpleQueue()
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, name="asyncops-forget", daemon=True)
        self.thread.start()

    def folder(self, path: str) -> None:
        """``path`` (under the item, as remove_tree names it) is gone with everything in it."""
        if L.is_utf8(path):  # a name that is not UTF-8 was never catalogued (scan skips it), nor what it held
            self.queue.put(self.rel + path[len(self.prefix) :])

    def _run(self) -> None:
        a = L.assets_t
        done = False
        while not done:
            batch = [self.queue.get()]
            while not self.queue.empty():
                batch.append(self.queue.get())
            if batch[-1] is None:
                done = True
                batch.pop()
            if not batch or self.error is not None:
                continue
            try:
                with self.db.connect_write() as conn:
                    for rel in batch:
                        assert rel is not None
                        conn.execute(delete(a).where(a.c.library_id == self.library_id, L.subtree(a.c.path, rel)))
            except BaseException as exc:  # reported by close(), in the operation's thread
                self.error = exc

    def close(self) -> None:
        self.queue.put(None)
        self.thread.join()
        if self.error is not None:
            raise self.error


def _catalogued(db: Database, lib: L.LibraryInfo, rel: str) -> bool:
    with db.connect_read() as conn:
        return (
            conn.execute(
                select(L.assets_t.c.id).where(L.assets_t.c.library_id == lib.id, L.assets_t.c.path == rel)
            ).first()
            is not None
        )


OPERATIONS = (Delete,)
