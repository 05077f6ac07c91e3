"""``metadata-writeback``: write a person's edits into the files themselves, so other tools see them.

Markdown gets YAML front matter, HTML ``<title>`` and ``<meta>``, media an XMP sidecar. Before a file is
rewritten its current content is kept in the library's trash with the edits it carried; the file is written
atomically inside the jail; the edits now in the file leave the catalogue's edit list (free properties of media
and of HTML pages, which their sidecars and ``<meta>`` do not carry here, stay edits). What cannot be read (front matter that is not a YAML mapping,
a sidecar that is not XML) is never replaced: that file is skipped with a warning and keeps its edits. A free
property whose key the file's reader takes for a standard field (``rating``, ``keywords``...) is not written
(warning); an asset with nothing its file can carry makes no file.

Undo puts a kept copy back (or removes a sidecar it created) only when the file is still exactly what the
writeback wrote (the hash in its result): a file changed since is kept as it is, a file moved or deleted since is
not recreated (a warning each). The edits the writeback moved into the files put back return as edits, unless the
field was edited again since (that later edit is kept).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import select, update

from core import library as L
from core.errors import OperationFailed, ParamError
from core.messages import Message, define, msg
from core.operations.base import DryRun, OperationEnv, Param
from core.operations.library_ops import LIB, SAMPLE, LibraryOperation

if TYPE_CHECKING:
    from core.engine import JobContext
    from core.store.db import Database

define("writeback.would_item", "{path}: {fields:list} → {target}")
define("writeback.would", "would write the edits of {n} {n:plural:asset|assets} into their files")
define("writeback.no_place", "{path}: its type keeps no metadata in the file; the edits stay in the catalogue")
define("writeback.kept", "{path}: {fields:list} have no place in {target}; they stay edits of the catalogue")
define("writeback.cannot", "cannot write: {reason}")
define("writeback.wrote", "wrote {fields:list} into {target}")
define("writeback.done", "wrote the edits of {n} {n:plural:asset|assets} into {files} {files:plural:file|files}")
define("writeback.stopped", "stopped: the remaining assets keep their edits in the catalogue only")
define("writeback.changed_since", "{path} changed since it was written; not removed")
define("writeback.changed_not_restored", "{path} changed since the writeback; not restored (the file is kept as it is)")
define("writeback.gone", "{path} is no longer there (moved or deleted since the writeback); not restored")
define(
    "writeback.bad_front_matter",
    "{path}: its front matter cannot be read (line {line}: {problem}); the file is not rewritten and its edits "
    "stay in the catalogue",
)
define(
    "writeback.front_matter_not_mapping",
    "{path}: its front matter is not a set of names and values; the file is not rewritten and its edits stay "
    "in the catalogue",
)
define(
    "writeback.bad_xmp",
    "{path}: this XMP sidecar cannot be read ({problem}); it is not rewritten and the edits stay in the catalogue",
)
define(
    "writeback.clash",
    "{path}: the property {name} would be read from {target} as the {field} field; not written, it stays an edit "
    "of the catalogue",
)
define("writeback.later_edit", "{path}: {field} was edited after the writeback; that edit is kept")
define("writeback.reverted", "put back {n} {n:plural:file|files} as they were before job #{job}")
define("writeback.bad_revert", "expected the written list of a metadata-writeback result")
define("writeback.none", "nothing could be written")
define("label.writeback", "Write metadata into files of /{folder} · {library}")
define("label.writeback_undo", "Undo metadata write-back #{job} · {library}")


class MetadataWriteback(LibraryOperation):
    name = "metadata-writeback"
    title = "Write metadata into files"
    description = (
        "Write the values people set (import, mass edit) into the files themselves: front matter for "
        "Markdown, <title> and <meta> for HTML, XMP sidecars for media. Undo puts the files back."
    )
    params = (
        LIB,
        Param("folder", "folder", default="", relative=True, help="only the assets of this folder (and below)"),
        Param("revert", "json", advanced=True, help="used by undo: the files a writeback job wrote"),
        Param("job", "int", advanced=True, help="used by undo: the writeback job to revert"),
    )
    counted_items = ("assets",)
    default_thresholds = {"assets": 100}
    supports_dry_run = True
    pausable = True  # at its next item (ctx.pause_point)

    def check(self, params: dict[str, Any], env: OperationEnv | None) -> None:
        revert = params.get("revert")
        if revert is not None and (
            not isinstance(revert, list) or not all(isinstance(x, dict) and "path" in x for x in revert)
        ):
            raise ParamError("revert", msg("writeback.bad_revert"))
        if env is not None:
            lib = self.lib(env.db, params)
            L.resolve(lib, params.get("folder", ""), param="folder", allow_root=True)

    def label_message(self, params: dict[str, Any]) -> Message:
        library = params.get("library", "")
        if params.get("revert") is not None:
            return msg("label.writeback_undo", job=params.get("job"), library=library)
        return msg("label.writeback", folder=str(params.get("folder", "")).strip("/"), library=library)

    def _edited(self, db: Database, lib: L.LibraryInfo, params: dict[str, Any]) -> list[tuple[int, str, str, dict]]:
        folder = L.normalize(params.get("folder", ""), param="folder")
        a = L.assets_t
        with db.connect_read() as conn:
            rows = conn.execute(
                select(a.c.id, a.c.path, a.c.media_type, a.c.edits, *(a.c[k] for k in L.STANDARD_FIELDS), a.c.props)
                .where(
                    a.c.library_id == lib.id, a.c.is_dir.is_(False), L.subtree(a.c.path, folder), a.c.edits.is_not(None)
                )
                .order_by(a.c.path)
            ).all()
        # each edit with the value it set (``"v"``, the asset's own): what is written, and what a backup keeps
        return [(r.id, r.path, r.media_type, L.with_values(L.Meta.of(r), r.edits)) for r in rows if r.edits]

    def estimate(self, env: OperationEnv, params: dict[str, Any]) -> dict[str, int]:
        if params.get("revert") is not None:
            return {"assets": len(params["revert"])}
        return {"assets": len(self._edited(env.db, self.lib(env.db, params), params))}

    def dry_run(self, env: OperationEnv, params: dict[str, Any]) -> DryRun:
        """What the run would do, file by file, its refusals included: each file is read and its new content
        worked out as the run does (nothing is written)."""
        lib = self.lib(env.db, params)
        details: list[str] = []
        n = 0
        with L.Jail(L.real_root(lib)) as jail:
            for _, rel, mtype, edits in self._edited(env.db, lib, params):
                notes: list[Message] = []
                try:
                    item = _prepare(jail, rel, mtype, edits, notes.append)
                except L.Unreadable as exc:
                    notes.append(msg(exc.code, path=_target(rel, mtype, jail), **exc.args_))
                    item = None
                except OSError as exc:
                    notes.append(msg("writeback.cannot", reason=f"{rel}: {L.reason_of(exc)}"))
                    item = None
                if item is not None:
                    n += 1
                    fields = [L.field_name(k) for k in item.done]
                    notes.insert(0, msg("writeback.would_item", path=rel, fields=fields, target=item.path))
                if len(details) < SAMPLE * 5:
                    details.extend(m.text for m in notes)
        return DryRun(msg("writeback.would", n=n).text, details, {"assets": n})

    def run(self, ctx: JobContext, params: dict[str, Any]) -> dict[str, Any]:
        lib = self.lib(ctx.db, params)
        if params.get("revert") is not None:
            return self._revert(ctx, lib, params)
        work = self._edited(ctx.db, lib, params)
        ctx.set_total(len(work))
        written: list[dict[str, Any]] = []
        failed = 0
        a = L.assets_t
        with L.Jail(L.real_root(lib)) as jail:
            for aid, rel, mtype, edits in work:
                ctx.pause_point()
                if ctx.should_stop:
                    ctx.warn(msg("writeback.stopped"))
                    break
                ctx.advance()
                try:
                    item = _prepare(jail, rel, mtype, edits, functools.partial(ctx.warn, item=rel))
                    if item is None:  # no place for them, or nothing this file can carry: not written, not counted
                        continue
                    path, data, done = item.path, item.data, item.done
                    backup = L.trash_copy(jail, path, ctx.job_id, {rel: edits}) if item.current is not None else None
                    jail.write_atomic(path, data)
                except L.Unreadable as exc:
                    ctx.warn(msg(exc.code, path=_target(rel, mtype, jail), **exc.args_), item=rel)
                    failed += 1
                    continue
                except OSError as exc:
                    ctx.error(msg("writeback.cannot", reason=L.reason_of(exc)), item=rel)
                    failed += 1
                    continue
                kept = {k: {"f": e.get("f")} for k, e in edits.items() if k not in done}
                with ctx.db.connect_write() as conn:
                    conn.execute(update(a).where(a.c.id == aid).values(edits=kept or None))
                    _refresh(ctx, lib, jail, conn, [rel, path])
                ctx.log(msg("writeback.wrote", fields=[L.field_name(k) for k in done], target=path), "INFO", rel)
                moved = {k: edits[k] for k in done}  # what the undo puts back as edits (with their values)
                written.append({"path": path, "asset": rel, "trash": backup, "sha": L.sha256(data), "edits": moved})
        ctx.progress(len(work), len(work))
        ctx.info(msg("writeback.done", n=len({w["asset"] for w in written}), files=len(written)))
        result = {"library": lib.name, "job": ctx.job_id, "written": written}
        if failed and not written:
            raise OperationFailed(msg("writeback.none"), result=result)
        return result

    def _revert(self, ctx: JobContext, lib: L.LibraryInfo, params: dict[str, Any]) -> dict[str, Any]:
        """Put back each file the writeback wrote, when it is still exactly what the writeback wrote (its hash);
        a file changed or gone since is left as it is (a warning). The edits the writeback moved into a file put
        back come back as edits, unless someone set that field again since (their value is kept)."""
        items = params["revert"]
        ctx.set_total(len(items))
        reverted: list[str] = []
        saved: dict[str, dict[str, Any]] = {}
        a = L.assets_t
        assets = sorted({str(it.get("asset") or it["path"]) for it in items})
        now: dict[str, tuple[L.Meta, dict[str, Any]]] = {}
        with ctx.db.connect_read() as conn:  # the catalogue as the writeback left it (or as edited since)
            for i in range(0, len(assets), 500):
                query = select(a).where(a.c.library_id == lib.id, a.c.path.in_(assets[i : i + 500]))
                now.update((r.path, (L.Meta.of(r), dict(r.edits or {}))) for r in conn.execute(query))
        with L.Jail(L.real_root(lib)) as jail:
            for it in items:
                path = L.normalize(it["path"], param="revert")
                asset = str(it.get("asset") or path)
                ctx.advance()
                try:
                    try:
                        current = jail.read_bytes(path)
                    except FileNotFoundError:
                        ctx.warn(msg("writeback.gone", path=path), item=path)
                        continue
                    if L.sha256(current) != it.get("sha"):
                        code = "writeback.changed_not_restored" if it.get("trash") else "writeback.changed_since"
                        ctx.warn(msg(code, path=path), item=path)
                        continue
                    if it.get("trash"):
                        record = L.restore(jail, it["trash"], path, params.get("job"), replace=True)
                        moved = it.get("edits")
                        if moved is None:  # a result written before the edits were kept in it
                            moved = (record.get("edits") or {}).get(asset) or {}
                    else:
                        jail.unlink(path)  # a sidecar the writeback created, unchanged since
                        moved = it.get("edits") or {}
                except OSError as exc:
                    ctx.error(msg("writeback.cannot", reason=L.reason_of(exc)), item=path)
                    continue
                reverted.append(path)
                if asset in now:
                    saved[asset] = {**saved.get(asset, {}), **_still_left(ctx, asset, moved, *now[asset])}
            with ctx.db.connect_write() as conn:
                back = set(reverted)  # only what was put back is read again (a file skipped is as it was)
                paths = sorted(
                    {p for it in items if it["path"] in back for p in (it["path"], it.get("asset") or it["path"])}
                )
                _refresh(ctx, lib, jail, conn, paths)
                L.reapply(conn, lib.id, {k: v for k, v in saved.items() if v})
        ctx.info(msg("writeback.reverted", n=len(reverted), job=params.get("job")))
        return {"library": lib.name, "reverted": reverted}

    def undo(self, result: dict[str, Any] | None, params: dict[str, Any]) -> tuple[str, dict[str, Any]] | None:
        if not result or not result.get("written"):
            return None
        return "metadata-writeback", {"library": params["library"], "revert": result["written"], "job": result["job"]}


@dataclass(frozen=True)
class _Item:
    """A file a writeback rewrites: where, what it holds now (None: it does not exist yet), its new content and
    the fields written into it."""

    path: str
    current: bytes | None
    data: bytes
    done: list[str]


def _target(rel: str, mtype: str, jail: L.Jail) -> str:
    target = L.target_of(rel, mtype, jail.exists)
    return target[0] if target is not None else rel


def _prepare(
    jail: L.Jail, rel: str, mtype: str, edits: dict[str, Any], note: Callable[[Message], object]
) -> _Item | None:
    """The file that receives the edits of ``rel`` and its new content, read and worked out as the run writes
    it (nothing is written here). ``note`` hears what is not written: no place for the edits (None), a free
    property that clashes with a standard field, fields the file cannot carry (None when it carries none).
    :class:`L.Unreadable` or OSError when the file cannot be read."""
    target = L.target_of(rel, mtype, jail.exists)
    if target is None:
        note(msg("writeback.no_place", path=rel))
        return None
    path, kind = target
    fields = {k: e.get("v") for k, e in edits.items()}
    clash = L.clashes(kind, fields)
    for key, field in clash.items():
        note(msg("writeback.clash", path=rel, name=key[2:], target=path, field=field))
    current = jail.read_bytes(path) if jail.exists(path) else None
    data, done = L.render(kind, current, fields)
    kept = [L.field_name(k) for k in edits if k not in done and k not in clash]
    if kept:
        note(msg("writeback.kept", path=rel, fields=kept, target=path))
    return _Item(path, current, data, done) if done else None


def _still_left(ctx: JobContext, rel: str, moved: dict[str, Any], meta: L.Meta, edits: dict[str, Any]) -> dict:
    """The edits of ``moved`` (``{key: {"v", "f"}}``) whose field is still what the writeback left: no edit on it
    since and the same value. A field edited since keeps that later edit (a note says so)."""
    out = {}
    for key, e in moved.items():
        if key in edits:
            if L.value_of(meta, key) != e.get("v"):
                ctx.log(msg("writeback.later_edit", path=rel, field=L.field_name(key)), "INFO", rel)
        elif L.value_of(meta, key) == e.get("v"):
            out[key] = e
    return out


def _refresh(ctx: JobContext, lib: L.LibraryInfo, jail: L.Jail, conn: Any, paths: list[str]) -> None:
    """Size and modified time of the files written, then their metadata read again (edits kept)."""
    a = L.assets_t
    for p in paths:
        try:
            st = jail.lstat(p)
        except OSError:
            continue
        conn.execute(
            update(a).where(a.c.library_id == lib.id, a.c.path == p).values(size=st.st_size, mtime=st.st_mtime)
        )
    L.reindex(ctx.db, lib, paths, None, ctx, conn=conn, jail=jail)  # type: ignore[arg-type]


OPERATIONS = (MetadataWriteback,)
