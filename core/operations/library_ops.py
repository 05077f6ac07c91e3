"""Operations on the files of a library: ``scan``, ``delete``, ``restore`` and ``move``.

``move`` is resumable: it writes its whole plan (a journal of steps) in one transaction before anything moves,
then works the steps off one by one; each step checks the state of the disk first, so doing it twice is
harmless. A move cut short at any point (kill -9, power loss, a stop) is completed by resuming the job, by
running the same move again, or by the next move on the library.
"""

from __future__ import annotations

import errno
import os
import posixpath
import queue
import shutil
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, func, insert, literal, select, update

from core import library as L
from core.errors import OperationFailed, ParamError
from core.operations.base import DryRun, Operation, OperationEnv, Param

if TYPE_CHECKING:
    from core.context import JobContext
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

    def label_for(self, params: dict[str, Any]) -> str:
        return f"{self.title} · {params.get('library', '')}"


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


# =====================================================================================================
# scan
# =====================================================================================================
class Scan(LibraryOperation):
    name = "scan"
    title = "Scan library"
    description = (
        "Index a library: every file and folder, the metadata of each asset and the references between "
        "files (Markdown, HTML, CSS). A re-scan only reads what changed."
    )
    params = (
        LIB,
        Param("folder", "folder", relative=True, help="only this folder of the library (default: all of it)"),
        Param("force", "bool", default=False, help="re-read every file, changed or not", advanced=True),
    )
    supports_dry_run = True

    def check(self, params: dict[str, Any], env: OperationEnv | None) -> None:
        if env is not None:
            lib = self.lib(env.db, params)
            if params.get("folder"):
                L.resolve(lib, params["folder"], param="folder", allow_root=True)

    def dry_run(self, env: OperationEnv, params: dict[str, Any]) -> DryRun:
        lib = self.lib(env.db, params)
        under = [params["folder"]] if params.get("folder") else []
        st = L.scan(env.db, lib, under=under, force=params.get("force", False), dry=True)
        return DryRun(
            f"scan of {lib.name} would add {st.added}, update {st.updated} and forget {st.removed} "
            f"entries ({st.unchanged} unchanged)",
            [f"{st.files} files and {st.folders} folders on disk"],
            {"added": st.added, "updated": st.updated, "removed": st.removed},
        )

    def run(self, ctx: JobContext, params: dict[str, Any]) -> dict[str, Any]:
        lib = self.lib(ctx.db, params)
        under = [params["folder"]] if params.get("folder") else []
        ctx.info(f"scanning {lib.root}")
        st = L.scan(ctx.db, lib, ctx, under=under, force=params.get("force", False))  # type: ignore[arg-type]
        ctx.progress(ctx.total or 0, ctx.total or 0)
        ctx.info(
            f"{st.files} files, {st.folders} folders: {st.added} added, {st.updated} updated, "
            f"{st.removed} forgotten; {st.references} references in {st.documents} documents"
        )
        return st.to_json()


# =====================================================================================================
# delete
# =====================================================================================================
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

    def check(self, params: dict[str, Any], env: OperationEnv | None) -> None:
        if env is not None:
            _paths(self.lib(env.db, params), params["paths"])

    def label_for(self, params: dict[str, Any]) -> str:
        paths = params.get("paths") or []
        what = paths[0] if len(paths) == 1 else f"{len(paths)} items"
        return f"Delete {what}{' permanently' if params.get('permanent') else ''} · {params.get('library', '')}"

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
        where = "permanently" if params.get("permanent") else "to the trash"
        details = [f"delete {r.rel}{'/' if r.path.is_dir() and not r.path.is_symlink() else ''}" for r in items]
        details += [f"warning: {src} line {line} refers to {target} ({raw})" for src, line, raw, target in broken]
        return DryRun(
            f"would delete {counts['assets']} file(s) and {counts['folders']} folder(s) {where}; "
            f"{len(broken)} reference(s) from other files would break",
            details,
            {**counts, "references": len(broken)},
        )

    def run(self, ctx: JobContext, params: dict[str, Any]) -> dict[str, Any]:
        lib = self.lib(ctx.db, params)
        items = _paths(lib, params["paths"])
        permanent = bool(params.get("permanent"))
        with ctx.db.connect_read() as conn:
            counts = L.count_under(conn, lib.id, [r.rel for r in items])
        ctx.set_total(max(counts.files + counts.folders, len(items)))
        broken = self._broken(ctx.db, lib, items)
        for src, line, raw, target in broken:
            ctx.warn(f"{src} line {line} refers to {target} ({raw!r}), which is deleted", item=f"{src}:{line}")
        deleted: list[str] = []
        trashed: list[dict[str, Any]] = []
        files = folders = 0
        for r in items:
            if ctx.should_stop:
                ctx.warn("stopped: the remaining items were not deleted")
                break
            failures: list[str] = []

            def on_error(path: str, exc: OSError, failures: list[str] = failures) -> None:
                failures.append(path)
                ctx.error(f"cannot delete: {exc.strerror or exc}", item=path)

            if permanent:
                forget = _Forgetter(ctx.db, lib.id, r)
                try:
                    f, d = L.remove_tree(r.path, ctx, on_error, forget.folder)  # type: ignore[arg-type]
                finally:
                    forget.close()
                files, folders = files + f, folders + d
            else:
                try:
                    entry = L.send_to_trash(r.path)
                except OSError as exc:
                    on_error(r.rel, exc)
                    continue
                trashed.append({"path": r.rel, "trash": entry})
                if entry is None:
                    ctx.warn("moved to the trash, but its place there is unknown: undo cannot restore it", r.rel)
                with ctx.db.connect_read() as conn:
                    c = L.count_under(conn, lib.id, [r.rel])
                files, folders = files + c.files, folders + c.folders
                ctx.advance(max(1, c.files + c.folders))
            gone = not os.path.lexists(r.path)
            with ctx.db.connect_write() as conn:
                if gone:
                    conn.execute(
                        delete(L.assets_t).where(L.assets_t.c.library_id == lib.id, L.subtree(L.assets_t.c.path, r.rel))
                    )
                else:  # partly deleted: forget what is gone
                    rows = conn.execute(
                        select(L.assets_t.c.id, L.assets_t.c.path).where(
                            L.assets_t.c.library_id == lib.id, L.subtree(L.assets_t.c.path, r.rel)
                        )
                    ).all()
                    root = L.real_root(lib)
                    ids = [i for i, p in rows if not os.path.lexists(root / p)]
                    for k in range(0, len(ids), 500):
                        conn.execute(delete(L.assets_t).where(L.assets_t.c.id.in_(ids[k : k + 500])))
            if gone:
                deleted.append(r.rel)
        ctx.progress(ctx.total or 0)
        ctx.info(
            f"deleted {len(deleted)} of {len(items)} item(s) {'permanently' if permanent else 'to the trash'}: "
            f"{files} file(s), {folders} folder(s)"
        )
        return {
            "library": lib.name,
            "deleted": deleted,
            "permanent": permanent,
            "trashed": trashed,
            "files": files,
            "folders": folders,
            "broken_references": len(broken),
        }

    def undo(self, result: dict[str, Any] | None, params: dict[str, Any]) -> tuple[str, dict[str, Any]] | None:
        if not result or result.get("permanent"):
            return None
        items = [t for t in result.get("trashed", []) if t.get("trash")]
        if not items:
            return None
        return "restore", {"library": params["library"], "items": items}


class _Forgetter:
    """Forgets the catalogue rows of each folder as soon as it is gone from disk, in a thread of its own, so
    that the catalogue's DELETEs (SQLite working without the GIL) overlap the removal of the files: a row is
    only ever forgotten once its file is gone. Folders that arrive together are forgotten in one transaction."""

    def __init__(self, db: Database, library_id: int, item: L.Resolved) -> None:
        self.db, self.library_id = db, library_id
        self.prefix, self.rel = str(item.path), item.rel
        self.queue: queue.SimpleQueue[str | None] = queue.SimpleQueue()
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, name="asyncops-forget", daemon=True)
        self.thread.start()

    def folder(self, path: str) -> None:
        """``path`` (under the item, as remove_tree names it) is gone with everything in it."""
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


# =====================================================================================================
# restore
# =====================================================================================================
class Restore(LibraryOperation):
    name = "restore"
    title = "Restore from trash"
    description = "Bring files and folders deleted to the trash back to their place (the undo of a delete)."
    params = (
        LIB,
        Param(
            "items",
            "json",
            required=True,
            help='what to restore: [{"path": "docs/a.md", "trash": "/home/me/.local/share/Trash/files/a.md"}]',
        ),
    )
    supports_dry_run = True

    def check(self, params: dict[str, Any], env: OperationEnv | None) -> None:
        items = params["items"]
        if not isinstance(items, list) or not items:
            raise ParamError("items", "expected a non-empty JSON array of {path, trash} objects")
        for i, it in enumerate(items):
            if not isinstance(it, dict) or not isinstance(it.get("path"), str) or not isinstance(it.get("trash"), str):
                raise ParamError("items", f"item {i + 1}: expected an object with text fields path and trash")
        if env is not None:
            lib = self.lib(env.db, params)
            for it in items:
                L.resolve(lib, it["path"], param="items", must_exist=False)

    def dry_run(self, env: OperationEnv, params: dict[str, Any]) -> DryRun:
        lib = self.lib(env.db, params)
        details = []
        ok = 0
        for it in params["items"]:
            r = L.resolve(lib, it["path"], param="items", must_exist=False)
            if not os.path.lexists(it["trash"]):
                details.append(f"{r.rel}: no longer in the trash")
            elif os.path.lexists(r.path):
                details.append(f"{r.rel}: exists again, would not be overwritten")
            else:
                ok += 1
                details.append(f"restore {r.rel}")
        return DryRun(f"would restore {ok} of {len(params['items'])} item(s)", details, {"items": ok})

    def run(self, ctx: JobContext, params: dict[str, Any]) -> dict[str, Any]:
        lib = self.lib(ctx.db, params)
        ctx.set_total(len(params["items"]))
        restored = []
        for it in params["items"]:
            r = L.resolve(lib, it["path"], param="items", must_exist=False)
            try:
                L.restore_from_trash(Path(it["trash"]), r.path)
            except (OSError, ValueError) as exc:
                ctx.error(f"cannot restore: {getattr(exc, 'strerror', None) or exc}", item=r.rel)
            else:
                restored.append(r.rel)
            ctx.advance()
        if restored:
            L.scan(ctx.db, lib, ctx, under=restored)  # type: ignore[arg-type]
            ctx.progress(len(params["items"]), len(params["items"]))
        ctx.info(f"restored {len(restored)} of {len(params['items'])} item(s)")
        return {"library": lib.name, "restored": restored}

    def undo(self, result: dict[str, Any] | None, params: dict[str, Any]) -> tuple[str, dict[str, Any]] | None:
        if not result or not result.get("restored"):
            return None
        return "delete", {"library": params["library"], "paths": list(result["restored"])}


# =====================================================================================================
# move
# =====================================================================================================
CLASH = ("refuse", "overwrite", "rename")


@dataclass
class Pair:
    src: str
    dst: str
    is_dir: bool
    clear: bool = False  # overwrite: the existing destination goes to the trash first
    renamed: bool = False


@dataclass
class Plan:
    pairs: list[Pair]
    steps: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    files: int = 0
    folders: int = 0
    documents: int = 0
    links: int = 0
    unlocated: list[tuple[str, int, str]] = field(default_factory=list)
    samples: list[str] = field(default_factory=list)

    def mapping(self) -> Callable[[str], str]:
        pairs = sorted(((p.src, p.dst) for p in self.pairs), key=lambda x: -len(x[0]))

        def m(path: str) -> str:
            for s, d in pairs:
                if L.is_under(path, s):
                    return L.remap(path, s, d)
            return path

        return m


def _free_name(root: Path, folder: str, name: str, taken: set[str]) -> str:
    stem, ext = posixpath.splitext(name)
    if name.startswith(".") and not ext:
        stem, ext = name, ""
    n = 1
    while True:
        cand = posixpath.join(folder, f"{stem} ({n}){ext}")
        if cand not in taken and not os.path.lexists(root / cand):
            return cand
        n += 1


class Move(LibraryOperation):
    name = "move"
    title = "Move"
    description = (
        "Move files and folders into another folder of the library, keeping their names. The catalogue "
        "follows and every document that referred to a moved file is rewritten so its links still "
        "resolve. Resumable: a move cut short is completed by resuming or running it again."
    )
    params = (
        LIB,
        Param("paths", "list", relative=True, help="files and folders to move, relative to the library"),
        Param("destination", "folder", relative=True, help="the folder they go into (created when missing)"),
        Param(
            "on_clash",
            "choice",
            default="refuse",
            choices=CLASH,
            help="when the destination already has an item of that name: refuse the move (nothing moves), "
            "overwrite it (the old one goes to the trash) or rename the moved item",
        ),
        Param(
            "pairs",
            "json",
            advanced=True,
            help='explicit moves instead of paths+destination: [["old/a.md", "new/b.md"], ...] (used by undo)',
        ),
    )
    counted_items = ("assets", "references")
    default_thresholds = {"assets": 100, "references": 50}
    resumable = True
    supports_dry_run = True

    # -- parameters -----------------------------------------------------------------------------------
    def check(self, params: dict[str, Any], env: OperationEnv | None) -> None:
        has_pairs = params.get("pairs") is not None
        if has_pairs == bool(params.get("paths")):
            raise ParamError("paths", "give paths (with destination) or pairs, not both or neither")
        if params.get("paths") and params.get("destination") is None:
            raise ParamError("destination", "is required with paths")
        if has_pairs:
            pairs = params["pairs"]
            if (
                not isinstance(pairs, list)
                or not pairs
                or not all(isinstance(p, list) and len(p) == 2 and all(isinstance(x, str) for x in p) for p in pairs)
            ):
                raise ParamError("pairs", 'expected a JSON array of ["from", "to"] pairs')
        if env is None:
            return
        lib = self.lib(env.db, params)
        if _open_plan(env.db, lib, params) is not None:
            return  # an interrupted run of this very move: running it again completes it
        self._pairs(lib, params)

    def label_for(self, params: dict[str, Any]) -> str:
        if params.get("pairs"):
            return f"Move {len(params['pairs'])} item(s) · {params.get('library', '')}"
        paths = params.get("paths") or []
        what = paths[0] if len(paths) == 1 else f"{len(paths)} items"
        return f"Move {what} → {params.get('destination') or '/'} · {params.get('library', '')}"

    def _pairs(self, lib: L.LibraryInfo, params: dict[str, Any]) -> list[Pair]:
        """What moves where; ParamError on a clash (unless a policy says otherwise) or an impossible move."""
        root = L.real_root(lib)
        policy = params.get("on_clash", "refuse")
        raw: list[tuple[L.Resolved, str]] = []
        if params.get("pairs"):
            for a, b in params["pairs"]:
                src = L.resolve(lib, a, param="pairs")
                dst = L.resolve(lib, b, param="pairs", must_exist=False)
                raw.append((src, dst.rel))
        else:
            dest = L.resolve(lib, params["destination"], param="destination", must_exist=False, allow_root=True)
            if os.path.lexists(dest.path) and not dest.path.is_dir():
                raise ParamError("destination", f"{dest.rel!r} is a file, not a folder")
            for src in _paths(lib, params["paths"]):
                raw.append((src, posixpath.join(dest.rel, src.name) if dest.rel else src.name))
        pairs: list[Pair] = []
        taken: set[str] = set()
        srcs = [s.rel for s, _ in raw]
        for src, dst in raw:
            param = "pairs" if params.get("pairs") else "destination"
            if L.is_under(dst, src.rel) and dst != src.rel:
                raise ParamError(param, f"cannot move {src.rel!r} into itself ({dst!r})")
            if dst == src.rel:
                continue  # already there
            anc = L.parent_of(dst)
            while anc:
                if os.path.lexists(root / anc) and not (root / anc).is_dir():
                    raise ParamError(param, f"{anc!r} is a file, not a folder")
                anc = L.parent_of(anc)
            is_dir = src.path.is_dir() and not src.path.is_symlink()
            pair = Pair(src.rel, dst, is_dir)
            clash = dst in taken or (os.path.lexists(root / dst) and not any(L.is_under(dst, s) for s in srcs))
            if clash:
                if policy == "refuse" or dst in taken:
                    raise ParamError(
                        param,
                        f"{dst!r} already exists: nothing was moved (choose on_clash=overwrite or on_clash=rename)",
                    )
                if policy == "overwrite":
                    pair.clear = True
                else:
                    pair.dst, pair.renamed = _free_name(root, L.parent_of(dst), posixpath.basename(dst), taken), True
            taken.add(pair.dst)
            pairs.append(pair)
        return pairs

    # -- planning -------------------------------------------------------------------------------------
    def plan(self, db: Database, lib: L.LibraryInfo, params: dict[str, Any]) -> Plan:
        plan = Plan(self._pairs(lib, params))
        root = L.real_root(lib)
        mapping = plan.mapping()
        a, r = L.assets_t, L.refs_t
        docs: dict[int, str] = {}
        with db.connect_read() as conn:
            for p in plan.pairs:
                c = L.count_under(conn, lib.id, [p.src])
                plan.files += c.files if c.files or p.is_dir else 1
                plan.folders += c.folders
                # documents that refer to what moves, and documents inside what moves (their own links)
                src_a = a.alias("s")
                q1 = (
                    select(src_a.c.id, src_a.c.path)
                    .join(r, r.c.source_id == src_a.c.id)
                    .where(r.c.library_id == lib.id, L.subtree(r.c.target, p.src))
                    .distinct()
                )
                q2 = (
                    select(src_a.c.id, src_a.c.path)
                    .join(r, r.c.source_id == src_a.c.id)
                    .where(src_a.c.library_id == lib.id, L.subtree(src_a.c.path, p.src))
                    .distinct()
                )
                for row in conn.execute(q1):
                    docs[row.id] = row.path
                for row in conn.execute(q2):
                    docs[row.id] = row.path
                if p.clear:
                    plan.steps.append(("clear", {"src": p.src, "dst": p.dst}))
                plan.steps.append(("move", {"src": p.src, "dst": p.dst, "is_dir": p.is_dir}))
        for old in sorted(docs.values()):
            new = mapping(old)
            full = root / old
            kind = L.document_kind(L.media_type(old))
            if kind is None:
                continue
            try:
                data = full.read_bytes()
            except OSError:
                continue
            text = L.decode(data)
            edits: list[list[Any]] = []
            for link in L.find_links(text, kind):
                new_raw = L.relink(link, old, new, mapping)
                if new_raw is None or new_raw == link.raw:
                    continue
                if link.col is None:
                    plan.unlocated.append((new, link.line, link.raw))
                    continue
                edits.append([link.line, link.col, link.raw, new_raw])
                if len(plan.samples) < SAMPLE:
                    plan.samples.append(f"{new} line {link.line}: {link.raw} → {new_raw}")
            new_data = L.encode(L.apply_edits(text, [tuple(e) for e in edits])) if edits else data  # type: ignore[misc]
            plan.steps.append(
                ("rewrite", {"doc": new, "orig": L.sha256(data), "new": L.sha256(new_data), "edits": edits})
            )
            if edits:
                plan.documents += 1
                plan.links += len(edits)
        plan.steps.append(("finish", {}))
        return plan

    def estimate(self, env: OperationEnv, params: dict[str, Any]) -> dict[str, int]:
        lib = self.lib(env.db, params)
        if params.get("pairs"):
            rels = [L.normalize(a, param="pairs") for a, _ in params["pairs"]]
        else:
            rels = [L.normalize(p, param="paths") for p in params["paths"]]
        a, r = L.assets_t, L.refs_t
        with env.db.connect_read() as conn:
            c = L.count_under(conn, lib.id, rels)
            refs = 0
            for rel in rels:
                refs += (
                    conn.execute(
                        select(func.count()).select_from(r).where(r.c.library_id == lib.id, L.subtree(r.c.target, rel))
                    ).scalar()
                    or 0
                )
                refs += (
                    conn.execute(
                        select(func.count())
                        .select_from(r)
                        .join(a, a.c.id == r.c.source_id)
                        .where(a.c.library_id == lib.id, L.subtree(a.c.path, rel))
                    ).scalar()
                    or 0
                )
        return {"assets": c.files, "references": refs}

    def dry_run(self, env: OperationEnv, params: dict[str, Any]) -> DryRun:
        lib = self.lib(env.db, params)
        pending = _open_plan(env.db, lib, params)
        if pending is not None:
            return DryRun(f"an interrupted run of this move (plan {pending}) would be completed", [], {})
        plan = self.plan(env.db, lib, params)
        details = [
            f"{p.src} → {p.dst}"
            + (" (renamed)" if p.renamed else "")
            + (" (overwrites the existing one, which goes to the trash)" if p.clear else "")
            for p in plan.pairs[:SAMPLE]
        ]
        if len(plan.pairs) > SAMPLE:
            details.append(f"… and {len(plan.pairs) - SAMPLE} more")
        details += plan.samples
        details += [f"warning: {d} line {line}: cannot locate {raw!r} to rewrite it" for d, line, raw in plan.unlocated]
        return DryRun(
            f"would move {plan.files} file(s) and {plan.folders} folder(s) in {len(plan.pairs)} item(s) "
            f"and rewrite {plan.links} link(s) in {plan.documents} document(s)",
            details,
            {"assets": plan.files, "folders": plan.folders, "documents": plan.documents, "references": plan.links},
        )

    # -- running --------------------------------------------------------------------------------------
    def run(self, ctx: JobContext, params: dict[str, Any]) -> dict[str, Any]:
        db = ctx.db
        lib = self.lib(db, params)
        mine = _plan_of_job(db, ctx.job_id)
        if mine is None:
            for plan_id, job_id, plan_params in _unfinished(db, lib):
                if not _take_over(db, ctx, plan_id, job_id):
                    raise OperationFailed(
                        f"move job #{job_id} is still working on this library; wait for it to "
                        "finish (or stop it), then run this move again"
                    )
                if plan_params == params:
                    ctx.info(f"completing the interrupted run of this move (job #{job_id})")
                    return self._execute(ctx, lib, plan_id)
                ctx.warn(f"completing the interrupted move of job #{job_id} first")
                self._execute(ctx, lib, plan_id)
                ctx.progress(0, None)
            try:
                plan = self.plan(db, lib, params)
            except ParamError as exc:
                raise OperationFailed(str(exc)) from None
            for d, line, raw in plan.unlocated:
                ctx.warn(f"line {line}: cannot locate the link {raw!r} to rewrite it; fix it by hand", item=d)
            mine = _write_plan(db, lib, ctx.job_id, params, plan)
            ctx.info(
                f"plan {mine}: move {plan.files} file(s), {plan.folders} folder(s) in {len(plan.pairs)} "
                f"item(s); rewrite {plan.links} link(s) in {plan.documents} document(s)"
            )
        else:
            ctx.info(f"resuming plan {mine}")
        return self._execute(ctx, lib, mine)

    def _execute(self, ctx: JobContext, lib: L.LibraryInfo, plan_id: int) -> dict[str, Any]:
        db = ctx.db
        root = L.real_root(lib)
        delay = float(os.environ.get(STEP_DELAY_ENV) or 0)
        with db.connect_read() as conn:
            steps = list(
                conn.execute(select(L.MoveStep.__table__).where(L.MoveStep.plan_id == plan_id).order_by(L.MoveStep.seq))
            )
        ctx.progress(sum(1 for s in steps if s.done), len(steps))
        for step in steps:
            if step.done:
                continue
            if delay and ctx.wait(delay):
                pass
            if ctx.should_stop:
                ctx.warn(f"stopped: plan {plan_id} is left unfinished; run the same move again to complete it")
                return {"library": lib.name, "plan": plan_id, "complete": False}
            handler = getattr(self, f"_step_{step.kind}")
            result = handler(ctx, lib, root, plan_id, step.id, dict(step.data), delay)
            ctx.advance()
            if result is not None:
                return result
        with db.connect_read() as conn:
            return conn.execute(select(L.MovePlan.result).where(L.MovePlan.id == plan_id)).scalar() or {}

    @staticmethod
    def _done(conn: Any, step_id: int) -> None:
        conn.execute(update(L.MoveStep.__table__).where(L.MoveStep.id == step_id).values(done=True))

    def _step_clear(
        self,
        ctx: JobContext,
        lib: L.LibraryInfo,
        root: Path,
        plan_id: int,
        step_id: int,
        data: dict[str, Any],
        delay: float,
    ) -> None:
        src, dst = root / data["src"], root / data["dst"]
        if os.path.lexists(src) and os.path.lexists(dst):
            L.send_to_trash(dst)
            ctx.warn(f"overwritten: the former {data['dst']} went to the trash", item=data["dst"])
        with ctx.db.connect_write() as conn:
            if os.path.lexists(src):
                conn.execute(
                    delete(L.assets_t).where(
                        L.assets_t.c.library_id == lib.id, L.subtree(L.assets_t.c.path, data["dst"])
                    )
                )
            self._done(conn, step_id)

    def _step_move(
        self,
        ctx: JobContext,
        lib: L.LibraryInfo,
        root: Path,
        plan_id: int,
        step_id: int,
        data: dict[str, Any],
        delay: float,
    ) -> None:
        s_rel, d_rel = data["src"], data["dst"]
        src, dst = root / s_rel, root / d_rel
        if os.path.lexists(src):
            if os.path.lexists(dst):
                raise OperationFailed(
                    f"{d_rel} appeared while moving {s_rel} there; plan {plan_id} is left "
                    "unfinished: move it away and run the same move again"
                )
            parent = L.parent_of(d_rel)
            if parent:
                (root / parent).mkdir(parents=True, exist_ok=True)
                real = Path(os.path.realpath(root / parent))
                if real != root and root not in real.parents:
                    raise OperationFailed(f"{parent} leaves the library through a symbolic link: not moved")
            try:
                os.rename(src, dst)
            except OSError as exc:
                if exc.errno != errno.EXDEV:
                    raise OperationFailed(f"cannot move {s_rel} to {d_rel}: {exc.strerror or exc}") from exc
                shutil.move(os.fspath(src), os.fspath(dst))
            if delay:
                ctx.wait(delay)
        elif not os.path.lexists(dst):
            raise OperationFailed(f"{s_rel} is neither at its place nor at {d_rel}; plan {plan_id} cannot go on")
        a, r = L.assets_t, L.refs_t
        n = len(s_rel)
        with ctx.db.connect_write() as conn:
            # stale catalogue rows of the destination (the step is not done, so nothing of ours is there yet)
            conn.execute(delete(a).where(a.c.library_id == lib.id, L.subtree(a.c.path, d_rel)))
            conn.execute(
                update(a)
                .where(a.c.library_id == lib.id, a.c.path == s_rel)
                .values(path=d_rel, parent=L.parent_of(d_rel))
            )
            conn.execute(
                update(a)
                .where(a.c.library_id == lib.id, L.below(a.c.path, s_rel))
                .values(
                    path=literal(d_rel) + func.substr(a.c.path, n + 1),
                    parent=literal(d_rel) + func.substr(a.c.parent, n + 1),
                )
            )
            conn.execute(
                update(r)
                .where(r.c.library_id == lib.id, L.subtree(r.c.target, s_rel))
                .values(target=literal(d_rel) + func.substr(r.c.target, n + 1))
            )
            L.ensure_folders(conn, lib.id, root, L.parent_of(d_rel))
            self._done(conn, step_id)

    def _step_rewrite(
        self,
        ctx: JobContext,
        lib: L.LibraryInfo,
        root: Path,
        plan_id: int,
        step_id: int,
        data: dict[str, Any],
        delay: float,
    ) -> None:
        rel = data["doc"]
        path = root / rel
        try:
            content = path.read_bytes()
        except OSError as exc:
            ctx.warn(f"cannot read it to fix its links: {exc.strerror or exc}", item=rel)
            content = None
        if content is not None and data["edits"]:
            h = L.sha256(content)
            if h == data["orig"]:
                new = L.encode(L.apply_edits(L.decode(content), [tuple(e) for e in data["edits"]]))
                L.write_atomic(path, new)
                ctx.log(f"rewrote {len(data['edits'])} link(s)", "DEBUG", item=rel)
            elif h != data["new"]:
                ctx.warn("changed since the move was planned: its links were not rewritten", item=rel)
        with ctx.db.connect_write() as conn:
            if content is not None:
                try:
                    st = os.stat(path)
                    conn.execute(
                        update(L.assets_t)
                        .where(L.assets_t.c.library_id == lib.id, L.assets_t.c.path == rel)
                        .values(size=st.st_size, mtime=st.st_mtime)
                    )
                except OSError:
                    pass
                L.reindex(ctx.db, lib, [rel], root=root, conn=conn)
            self._done(conn, step_id)

    def _step_finish(
        self,
        ctx: JobContext,
        lib: L.LibraryInfo,
        root: Path,
        plan_id: int,
        step_id: int,
        data: dict[str, Any],
        delay: float,
    ) -> dict[str, Any]:
        with ctx.db.connect_read() as conn:
            rows = list(conn.execute(select(L.MoveStep.kind, L.MoveStep.data).where(L.MoveStep.plan_id == plan_id)))
        moved = [[d["src"], d["dst"]] for k, d in rows if k == "move"]
        rewrites = [d for k, d in rows if k == "rewrite"]
        result = {
            "library": lib.name,
            "plan": plan_id,
            "complete": True,
            "moved": moved,
            "overwritten": [d["dst"] for k, d in rows if k == "clear"],
            "documents_rewritten": sum(1 for d in rewrites if d["edits"]),
            "links_rewritten": sum(len(d["edits"]) for d in rewrites),
        }
        with ctx.db.connect_write() as conn:
            conn.execute(
                update(L.MovePlan.__table__).where(L.MovePlan.id == plan_id).values(state="done", result=result)
            )
            self._done(conn, step_id)
        ctx.info(
            f"moved {len(moved)} item(s); rewrote {result['links_rewritten']} link(s) in "
            f"{result['documents_rewritten']} document(s)"
        )
        return result

    def undo(self, result: dict[str, Any] | None, params: dict[str, Any]) -> tuple[str, dict[str, Any]] | None:
        if not result or not result.get("complete") or not result.get("moved"):
            return None
        return "move", {"library": params["library"], "pairs": [[dst, src] for src, dst in result["moved"]]}


# -- the journal ----------------------------------------------------------------------------------------
plans_t = L.MovePlan.__table__
steps_t = L.MoveStep.__table__


def _write_plan(db: Database, lib: L.LibraryInfo, job_id: int | None, params: dict[str, Any], plan: Plan) -> int:
    with db.connect_write() as conn:
        plan_id = conn.execute(
            insert(plans_t)
            .values(library_id=lib.id, job_id=job_id, params=params, state="running", created_at=L.utcnow())
            .returning(plans_t.c.id)
        ).scalar_one()
        conn.execute(
            insert(steps_t),
            [
                {"plan_id": plan_id, "seq": i, "kind": k, "data": d, "done": False}
                for i, (k, d) in enumerate(plan.steps)
            ],
        )
    return int(plan_id)


def _plan_of_job(db: Database, job_id: int | None) -> int | None:
    if job_id is None:
        return None
    with db.connect_read() as conn:
        return conn.execute(
            select(plans_t.c.id).where(plans_t.c.job_id == job_id, plans_t.c.state == "running").order_by(plans_t.c.id)
        ).scalar()


def _unfinished(db: Database, lib: L.LibraryInfo) -> list[tuple[int, int | None, dict[str, Any]]]:
    with db.connect_read() as conn:
        return [
            (r.id, r.job_id, r.params)
            for r in conn.execute(
                select(plans_t.c.id, plans_t.c.job_id, plans_t.c.params)
                .where(plans_t.c.library_id == lib.id, plans_t.c.state == "running")
                .order_by(plans_t.c.id)
            )
        ]


def _open_plan(db: Database, lib: L.LibraryInfo, params: dict[str, Any]) -> int | None:
    """An unfinished plan of a move with exactly these parameters."""
    for plan_id, _, p in _unfinished(db, lib):
        if p == params:
            return plan_id
    return None


def _take_over(db: Database, ctx: JobContext, plan_id: int, job_id: int | None) -> bool:
    """Make the plan of another (dead, stopped or re-queued) job this job's; False when that job still runs."""
    from core.status import JobStatus
    from core.store import jobs

    if job_id is not None and job_id != ctx.job_id:
        snaps = jobs.get_many(db, [job_id])
        if snaps:
            status = snaps[0].status
            if status.is_running:
                return False
            if status.is_waiting:  # re-queued after its engine died: this job completes it instead
                done = jobs.transition(
                    db,
                    job_id,
                    JobStatus.STOPPED,
                    expect=(JobStatus.QUEUED, JobStatus.SCHEDULED),
                    message=f"its move was completed by job #{ctx.job_id}",
                )
                if done is None:
                    return False
    with db.connect_write() as conn:
        stmt = update(plans_t).where(plans_t.c.id == plan_id, plans_t.c.state == "running")
        stmt = stmt.where(plans_t.c.job_id.is_(None) if job_id is None else plans_t.c.job_id == job_id)
        return bool(conn.execute(stmt.values(job_id=ctx.job_id)).rowcount)


OPERATIONS = (Scan, Delete, Restore, Move)
