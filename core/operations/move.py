"""``move``: move files and folders inside a library, rewriting the links that point to them.

``move`` is resumable: it writes its whole plan (a journal of steps) in one transaction before anything moves,
then works the steps off one by one; each step checks the state of the disk first, so doing it twice is
harmless. A move cut short at any point (kill -9, power loss, a stop) is completed by resuming the job, by
running the same move again, or by the next move on the library.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, func, literal, or_, select, update

from core import library as L
from core.errors import OperationFailed, ParamError
from core.messages import Message, define, msg
from core.operations.base import DryRun, OperationEnv, Param
from core.operations.library_ops import LIB, SAMPLE, STEP_DELAY_ENV, LibraryOperation, _paths
from core.operations.move_journal import (
    _open_plan,
    _plan_of_job,
    _refuse,
    _take_over,
    _unfinished,
    _write_plan,
)
from core.operations.restore import bring_back, check_items

if TYPE_CHECKING:
    from core.engine import JobContext
    from core.records import JobSnapshot
    from core.store.db import Database

# =====================================================================================================
# move
# =====================================================================================================
define("move.sample", "{doc} line {line}: {old} → {new}")
define("move.not_folder", "{path!r} is a file, not a folder")
define("move.into_itself", "cannot move {src!r} into itself ({dst!r})")
define("move.clash", "{path!r} already exists: nothing was moved (choose on_clash=overwrite or on_clash=rename)")
define("move.paths_or_pairs", "give paths (with destination) or pairs, not both or neither")
define("move.destination_required", "is required with paths")
define("move.bad_pairs", 'expected a JSON array of ["from", "to"] pairs')
define("move.would_complete", "an interrupted run of this move (plan {plan}) would be completed")
define("move.would_pair", "{src} → {dst}")
define("move.renamed", "(renamed)")
define("move.overwrites", "(overwrites the existing one, which goes to the trash)")
define("move.more", "… and {n} more")
define("move.unlocated", "line {line}: cannot locate the link {link!r} to rewrite it; fix it by hand")
define(
    "move.would",
    "would move {files} {files:plural:file|files} and {folders} {folders:plural:folder|folders} in {items} "
    "{items:plural:item|items} and rewrite {links} {links:plural:link|links} in {documents} "
    "{documents:plural:document|documents}",
)
define(
    "move.busy",
    "move job #{job} has an unfinished move on this library and is still running or waiting to run; "
    "this move was refused: run it again once that job has finished",
)
define("move.completing_same", "completing the interrupted run of this move (job #{job})")
define("move.completing_other", "completing the interrupted move of job #{job} first")
define(
    "move.planned",
    "plan {plan}: move {files} {files:plural:file|files}, {folders} {folders:plural:folder|folders} in {items} "
    "{items:plural:item|items}; rewrite {links} {links:plural:link|links} in {documents} "
    "{documents:plural:document|documents}",
)
define("move.resuming", "resuming plan {plan}")
define("move.stopped", "stopped: plan {plan} is left unfinished; run the same move again to complete it")
define("move.step_failed", "plan {plan} was refused and forgotten: {reason}")
define("move.overwritten", "overwritten: the former {path} went to the trash")
define(
    "move.appeared",
    "{dst} appeared while moving {src} there; plan {plan} was refused and forgotten: move it away and run the move "
    "again",
)
define("move.lost", "{src} is neither at its place nor at {dst}; plan {plan} was refused and forgotten")
define("move.unreadable", "cannot read it to fix its links: {reason}")
define("move.rewrote", "rewrote {n} {n:plural:link|links}")
define("move.changed_since", "changed since the move was planned: its links were not rewritten")
define("label.move", "Move {path} → {destination} · {library}")
define("label.move_many", "Move {n} {n:plural:item|items} → {destination} · {library}")
define("label.move_pairs", "Move {n} {n:plural:item|items} · {library}")
define(
    "move.done",
    "moved {items} {items:plural:item|items}; rewrote {links} {links:plural:link|links} in {documents} "
    "{documents:plural:document|documents}",
)

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
        Param(
            "restore",
            "json",
            advanced=True,
            help='then bring back what a move overwrote: [{"path": …, "trash": ENTRY, "job": N}] (used by undo)',
        ),
    )
    counted_items = ("assets", "references")
    default_thresholds = {"assets": 100, "references": 50}
    resumable = True
    supports_dry_run = True
    pausable = True  # at its next item (ctx.pause_point)
    retry_items = "files"

    def failed_items(self, env: OperationEnv, job: JobSnapshot) -> dict[str, Any] | None:
        """What it was given that is still where it was (not moved: refused, failed or not reached)."""
        lib = self.lib(env.db, job.params)

        def there(rel: str) -> bool:
            try:
                return os.path.lexists(L.resolve(lib, rel, must_exist=False).path)
            except (L.PathNotAllowed, ParamError):  # left the library, or in its trash
                return False

        if job.params.get("pairs"):
            pairs = [p for p in job.params["pairs"] if there(str(p[0]))]
            return {**job.params, "pairs": pairs} if pairs else None
        paths = [p for p in job.params.get("paths") or [] if there(p)]
        return {**job.params, "paths": paths} if paths else None

    # -- parameters -----------------------------------------------------------------------------------
    def check(self, params: dict[str, Any], env: OperationEnv | None) -> None:
        has_pairs = params.get("pairs") is not None
        if has_pairs == bool(params.get("paths")):
            raise ParamError("paths", msg("move.paths_or_pairs"))
        if params.get("paths") and params.get("destination") is None:
            raise ParamError("destination", msg("move.destination_required"))
        if has_pairs:
            pairs = params["pairs"]
            if (
                not isinstance(pairs, list)
                or not pairs
                or not all(isinstance(p, list) and len(p) == 2 and all(isinstance(x, str) for x in p) for p in pairs)
            ):
                raise ParamError("pairs", msg("move.bad_pairs"))
        if params.get("restore") is not None:
            check_items(params["restore"], "restore", empty=True)
        if env is None:
            return
        lib = self.lib(env.db, params)
        if _open_plan(env.db, lib, params) is not None:
            return  # an interrupted run of this very move: running it again completes it
        self._pairs(lib, params)

    def label_message(self, params: dict[str, Any]) -> Message:
        library = params.get("library", "")
        if params.get("pairs"):
            return msg("label.move_pairs", n=len(params["pairs"]), library=library)
        paths = params.get("paths") or []
        where = params.get("destination") or "/"
        if len(paths) == 1:
            return msg("label.move", path=paths[0], destination=where, library=library)
        return msg("label.move_many", n=len(paths), destination=where, library=library)

    def _pairs(self, lib: L.LibraryInfo, params: dict[str, Any]) -> list[Pair]:
        """What moves where; ParamError on a clash (unless a policy says otherwise) or an impossible move."""
        root = L.real_root(lib)
        policy = params.get("on_clash", "refuse")
        raw: list[tuple[L.Resolved, str]] = []
        if params.get("pairs"):
            for a, b in params["pairs"]:
                src = L.resolve(lib, a, param="pairs")
                raw.append((src, L.resolve(lib, b, param="pairs", must_exist=False).rel))
        else:
            dest = L.resolve(lib, params["destination"], param="destination", must_exist=False, allow_root=True)
            if os.path.lexists(dest.path) and not dest.path.is_dir():
                raise ParamError("destination", msg("move.not_folder", path=dest.rel))
            for src in _paths(lib, params["paths"]):
                raw.append((src, posixpath.join(dest.rel, src.name) if dest.rel else src.name))
        pairs: list[Pair] = []
        taken: set[str] = set()
        srcs = [s.rel for s, _ in raw]
        for src, dst in raw:
            param = "pairs" if params.get("pairs") else "destination"
            if L.is_under(dst, src.rel) and dst != src.rel:
                raise ParamError(param, msg("move.into_itself", src=src.rel, dst=dst))
            if dst == src.rel:
                continue  # already there
            if L.in_trash(dst):  # a folder named like the trash, moved to the root
                raise ParamError(param, msg("library.in_trash", path=dst, trash=L.TRASH_DIR))
            anc = L.parent_of(dst)
            while anc:
                if os.path.lexists(root / anc) and not (root / anc).is_dir():
                    raise ParamError(param, msg("move.not_folder", path=anc))
                anc = L.parent_of(anc)
            is_dir = src.path.is_dir() and not src.path.is_symlink()
            pair = Pair(src.rel, dst, is_dir)
            clash = dst in taken or (os.path.lexists(root / dst) and not any(L.is_under(dst, s) for s in srcs))
            if clash:
                if policy == "refuse" or dst in taken:
                    raise ParamError(param, msg("move.clash", path=dst))
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
            kind = L.document_kind(L.media_type(old))
            if kind is None:
                continue
            try:
                with L.Jail(root) as jail:
                    data = jail.read_bytes(old)
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
                    plan.samples.append(msg("move.sample", doc=new, line=link.line, old=link.raw, new=new_raw).text)
            new_data = L.encode(L.apply_edits(text, [(e[0], e[1], e[2], e[3]) for e in edits])) if edits else data
            plan.steps.append(
                ("rewrite", {"doc": new, "orig": L.sha256(data), "new": L.sha256(new_data), "edits": edits})
            )
            if edits:
                plan.documents += 1
                plan.links += len(edits)
        for it in params.get("restore") or ():  # an undo: what the move overwrote comes back, once its item left
            plan.steps.append(("restore", {"path": it["path"], "trash": it["trash"], "job": it.get("job")}))
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
            for rel in rels:  # each reference into or out of what moves, once (a link inside it is one, not two)
                refs += (
                    conn.execute(
                        select(func.count())
                        .select_from(r)
                        .join(a, a.c.id == r.c.source_id)
                        .where(r.c.library_id == lib.id, or_(L.subtree(r.c.target, rel), L.subtree(a.c.path, rel)))
                    ).scalar()
                    or 0
                )
        return {"assets": c.files, "references": refs}

    def dry_run(self, env: OperationEnv, params: dict[str, Any]) -> DryRun:
        lib = self.lib(env.db, params)
        pending = _open_plan(env.db, lib, params)
        if pending is not None:
            return DryRun(msg("move.would_complete", plan=pending).text, [], {})
        plan = self.plan(env.db, lib, params)
        details = [
            msg("move.would_pair", src=p.src, dst=p.dst, renamed=p.renamed, overwrites=p.clear).text
            + (" " + msg("move.renamed").text if p.renamed else "")
            + (" " + msg("move.overwrites").text if p.clear else "")
            for p in plan.pairs[:SAMPLE]
        ]
        if len(plan.pairs) > SAMPLE:
            details.append(msg("move.more", n=len(plan.pairs) - SAMPLE).text)
        details += plan.samples
        if plan.links > len(plan.samples):
            details.append(msg("move.more", n=plan.links - len(plan.samples)).text)
        details += [msg("move.unlocated", line=line, link=raw).text + f" ({d})" for d, line, raw in plan.unlocated]
        return DryRun(
            msg(
                "move.would",
                files=plan.files,
                folders=plan.folders,
                items=len(plan.pairs),
                links=plan.links,
                documents=plan.documents,
            ).text,
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
                    raise OperationFailed(msg("move.busy", job=job_id))
                if plan_params == params:
                    ctx.info(msg("move.completing_same", job=job_id))
                    return self._execute(ctx, lib, plan_id)
                ctx.warn(msg("move.completing_other", job=job_id))
                self._execute(ctx, lib, plan_id)
                ctx.progress(0, None)
            try:
                plan = self.plan(db, lib, params)
            except ParamError as exc:
                raise OperationFailed(exc.detail_message) from None
            for d, line, raw in plan.unlocated:
                ctx.warn(msg("move.unlocated", line=line, link=raw), item=d)
            mine = _write_plan(db, lib, ctx.job_id, params, plan.steps)
            ctx.info(
                msg(
                    "move.planned",
                    plan=mine,
                    files=plan.files,
                    folders=plan.folders,
                    items=len(plan.pairs),
                    links=plan.links,
                    documents=plan.documents,
                )
            )
        else:
            ctx.info(msg("move.resuming", plan=mine))
        return self._execute(ctx, lib, mine)

    def _execute(self, ctx: JobContext, lib: L.LibraryInfo, plan_id: int) -> dict[str, Any]:
        """Work off the steps of a plan. A step refused at run time (the disk is not as planned) ends the plan:
        the journal forgets it (state ``refused``), so no later move carries it out."""
        db = ctx.db
        delay = float(os.environ.get(STEP_DELAY_ENV) or 0)
        with db.connect_read() as conn:
            steps = list(conn.execute(select(L.steps_t).where(L.MoveStep.plan_id == plan_id).order_by(L.MoveStep.seq)))
        ctx.progress(sum(1 for s in steps if s.done), len(steps))
        with L.Jail(L.real_root(lib)) as jail:
            for step in steps:
                if step.done:
                    continue
                if delay and ctx.wait(delay):
                    pass
                ctx.pause_point()
                if ctx.should_stop:
                    ctx.warn(msg("move.stopped", plan=plan_id))
                    return {"library": lib.name, "plan": plan_id, "complete": False}
                handler = getattr(self, f"_step_{step.kind}")
                try:
                    result = handler(ctx, lib, jail, plan_id, step.id, dict(step.data), delay)
                except (OperationFailed, OSError) as exc:
                    _refuse(db, plan_id)
                    if isinstance(exc, OperationFailed):
                        raise
                    raise OperationFailed(msg("move.step_failed", plan=plan_id, reason=L.reason_of(exc))) from exc
                ctx.advance()
                if result is not None:
                    return result
        with db.connect_read() as conn:
            return conn.execute(select(L.MovePlan.result).where(L.MovePlan.id == plan_id)).scalar() or {}

    @staticmethod
    def _done(conn: Any, step_id: int) -> None:
        conn.execute(update(L.steps_t).where(L.MoveStep.id == step_id).values(done=True))

    def _step_clear(
        self,
        ctx: JobContext,
        lib: L.LibraryInfo,
        jail: L.Jail,
        plan_id: int,
        step_id: int,
        data: dict[str, Any],
        delay: float,
    ) -> None:
        if jail.exists(data["src"]) and jail.exists(data["dst"]):
            with ctx.db.connect_read() as conn:  # the edits of what is overwritten go with it (its undo puts them back)
                edits = L.edits_under(conn, lib.id, data["dst"])
            data["trash"] = L.send_to_trash(jail, data["dst"], ctx.job_id, edits)
            data["job"] = ctx.job_id
            ctx.warn(msg("move.overwritten", path=data["dst"]), item=data["dst"])
        with ctx.db.connect_write() as conn:
            if "trash" in data:  # where it went, for the result (and so the undo)
                conn.execute(update(L.steps_t).where(L.MoveStep.id == step_id).values(data=data))
            if jail.exists(data["src"]):
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
        jail: L.Jail,
        plan_id: int,
        step_id: int,
        data: dict[str, Any],
        delay: float,
    ) -> None:
        s_rel, d_rel = data["src"], data["dst"]
        if jail.exists(s_rel):
            if jail.exists(d_rel):
                raise OperationFailed(msg("move.appeared", dst=d_rel, src=s_rel, plan=plan_id))
            jail.rename(s_rel, d_rel, create=True)  # JailError when a folder on the way is a link
            if delay:
                ctx.wait(delay)
        elif not jail.exists(d_rel):
            raise OperationFailed(msg("move.lost", src=s_rel, dst=d_rel, plan=plan_id))
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
            L.ensure_folders(conn, lib.id, jail.root, L.parent_of(d_rel))
            self._done(conn, step_id)

    def _step_rewrite(
        self,
        ctx: JobContext,
        lib: L.LibraryInfo,
        jail: L.Jail,
        plan_id: int,
        step_id: int,
        data: dict[str, Any],
        delay: float,
    ) -> None:
        rel = data["doc"]
        content: bytes | None
        try:
            content = jail.read_bytes(rel)
        except OSError as exc:
            ctx.warn(msg("move.unreadable", reason=L.reason_of(exc)), item=rel)
            content = None
        if content is not None and data["edits"]:
            h = L.sha256(content)
            if h == data["orig"]:
                new = L.encode(L.apply_edits(L.decode(content), [tuple(e) for e in data["edits"]]))
                jail.write_atomic(rel, new)
                ctx.log(msg("move.rewrote", n=len(data["edits"])), "DEBUG", item=rel)
            elif h != data["new"]:
                ctx.warn(msg("move.changed_since"), item=rel)
        with ctx.db.connect_write() as conn:
            if content is not None:
                try:
                    st = jail.lstat(rel)
                    conn.execute(
                        update(L.assets_t)
                        .where(L.assets_t.c.library_id == lib.id, L.assets_t.c.path == rel)
                        .values(size=st.st_size, mtime=st.st_mtime)
                    )
                except OSError:
                    pass
                L.reindex(ctx.db, lib, [rel], None, ctx, conn=conn, jail=jail)  # type: ignore[arg-type]
            self._done(conn, step_id)

    def _step_restore(
        self,
        ctx: JobContext,
        lib: L.LibraryInfo,
        jail: L.Jail,
        plan_id: int,
        step_id: int,
        data: dict[str, Any],
        delay: float,
    ) -> None:
        """An undo's: an item the move overwrote back from the trash, with its edits (an error if it cannot be)."""
        rel = data["path"]
        record = bring_back(ctx, jail, rel, data["trash"], data.get("job"))
        if record is not None:
            L.scan(ctx.db, lib, ctx, under=[rel])  # type: ignore[arg-type]
        with ctx.db.connect_write() as conn:
            if record is not None:
                L.reapply(conn, lib.id, record.get("edits") or {})
            self._done(conn, step_id)

    def _step_finish(
        self,
        ctx: JobContext,
        lib: L.LibraryInfo,
        jail: L.Jail,
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
            "overwritten_trash": [
                {"path": d["dst"], "trash": d["trash"], "job": d["job"]}
                for k, d in rows
                if k == "clear" and "trash" in d
            ],
            "documents_rewritten": sum(1 for d in rewrites if d["edits"]),
            "links_rewritten": sum(len(d["edits"]) for d in rewrites),
        }
        with ctx.db.connect_write() as conn:
            conn.execute(update(L.plans_t).where(L.MovePlan.id == plan_id).values(state="done", result=result))
            self._done(conn, step_id)
        ctx.info(
            msg(
                "move.done",
                items=len(moved),
                links=result["links_rewritten"],
                documents=result["documents_rewritten"],
            )
        )
        return result

    def undo(self, result: dict[str, Any] | None, params: dict[str, Any]) -> tuple[str, dict[str, Any]] | None:
        if not result or not result.get("complete") or not result.get("moved"):
            return None
        inverse: dict[str, Any] = {"library": params["library"], "pairs": [[dst, src] for src, dst in result["moved"]]}
        if result.get("overwritten_trash"):  # what the move overwrote comes back too
            inverse["restore"] = result["overwritten_trash"]
        return "move", inverse


OPERATIONS = (Move,)
