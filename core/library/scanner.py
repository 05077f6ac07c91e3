"""Scanning a library: walking it without following links, and re-reading metadata and references."""

from __future__ import annotations

import dataclasses
import os
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    delete,
    insert,
    or_,
    select,
    update,
)

from core.library.catalogue import Entry, Reporter, _bp, _row
from core.library.edits import merge_file
from core.library.extract import Meta, extract_meta
from core.library.fs import TRASH_DIR
from core.library.jail import Jail, is_utf8, reason_of, shown
from core.library.libraries import LibraryInfo
from core.library.links import decode, document_kind, find_links, is_external, link_target
from core.library.paths import BATCH, PART_SUFFIX, TMP_SUFFIX, normalize, parent_of, real_root, subtree
from core.library.tables import assets_t, libraries_t, refs_t
from core.library.values import DOC_KINDS
from core.messages import define, msg
from core.store.schema import utcnow

define("scan.unreadable", "cannot read: {reason}")
define("scan.folder_unreadable", "cannot read the folder: {reason}")
define("scan.link_skipped", "symbolic link not indexed (asyncops never follows links)")
define("scan.link_outside", "line {line}: link {link!r} leaves the library; not followed")
define("scan.bad_name", "the file name {name} is not valid UTF-8: not indexed (rename it to index it)")
define(
    "scan.bad_folder_name",
    "the folder name {name} is not valid UTF-8: neither it nor anything in it is indexed (rename it to index it)",
)

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

    from core.store.db import Database


# =====================================================================================================
# Scanning
# =====================================================================================================
@dataclass
class ScanStats:
    files: int = 0
    folders: int = 0
    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    documents: int = 0
    references: int = 0
    skipped_links: int = 0
    errors: int = 0

    def to_json(self) -> dict[str, int]:
        return dataclasses.asdict(self)


def walk(root: Path | Jail, start: str = "", report: Reporter | None = None) -> Iterator[Entry]:
    """Every file and folder below ``start`` (depth first, sorted), through directory descriptors opened from
    the root without following any symbolic link; the library's trash and asyncops' temporaries are left out,
    and so are names that are not UTF-8 (warned about: the catalogue holds text)."""
    report = report or Reporter()
    jail = root if isinstance(root, Jail) else Jail(root)
    try:
        stack = [start]
        while stack:
            rel = stack.pop()
            try:
                with jail.folder(rel) as fd, os.scandir(fd) as it:
                    entries = sorted(it, key=lambda e: e.name)
                    stats = []
                    for e in entries:
                        try:
                            stats.append((e, e.stat(follow_symlinks=False)))
                        except OSError as exc:
                            child = f"{rel}/{e.name}" if rel else e.name
                            report.warn(msg("scan.unreadable", reason=reason_of(exc)), item=shown(child))
            except OSError as exc:
                report.warn(msg("scan.folder_unreadable", reason=reason_of(exc)), item=rel or "/")
                continue
            subdirs = []
            for e, st in stats:
                name = e.name
                if name.endswith((TMP_SUFFIX, PART_SUFFIX)) or (not rel and name == TRASH_DIR):
                    continue
                child = f"{rel}/{name}" if rel else name
                if not is_utf8(name):
                    code = "scan.bad_folder_name" if stat.S_ISDIR(st.st_mode) else "scan.bad_name"
                    report.warn(msg(code, name=shown(name)), item=shown(child))
                elif stat.S_ISLNK(st.st_mode):
                    report.warn(msg("scan.link_skipped"), item=child)
                elif stat.S_ISDIR(st.st_mode):
                    yield Entry(child, True, 0, st.st_mtime)
                    subdirs.append(child)
                elif stat.S_ISREG(st.st_mode):
                    yield Entry(child, False, st.st_size, st.st_mtime)
            stack.extend(reversed(subdirs))
    finally:
        if jail is not root:
            jail.close()


def scan(
    db: Database,
    lib: LibraryInfo,
    report: Reporter | None = None,
    *,
    under: Sequence[str] = (),
    force: bool = False,
    dry: bool = False,
    prefer_file: bool = False,
) -> ScanStats:
    """Index the library (or only the subtrees ``under``): add new entries, update changed ones (size or
    modified time), forget vanished ones, and re-read the metadata and references of new or changed files.
    Everything is read through the library's jail (directory descriptors, no link followed)."""
    report = report or Reporter()
    root = real_root(lib)
    with Jail(root) as jail:
        return _scan(db, lib, report, jail, under, force, dry, prefer_file)


def _scan(
    db: Database,
    lib: LibraryInfo,
    report: Reporter,
    jail: Jail,
    under: Sequence[str],
    force: bool,
    dry: bool,
    prefer_file: bool,
) -> ScanStats:
    root = jail.root
    stats = ScanStats()
    prefixes = sorted({normalize(u, root=root) for u in under}) if under else [""]
    if "" in prefixes:
        prefixes = [""]
    found: dict[str, Entry] = {}
    for prefix in prefixes:
        if prefix:
            try:
                st = jail.lstat(prefix)
            except OSError:
                continue
            if stat.S_ISLNK(st.st_mode):
                continue
            found[prefix] = Entry(
                prefix, stat.S_ISDIR(st.st_mode), 0 if stat.S_ISDIR(st.st_mode) else st.st_size, st.st_mtime
            )
            if not stat.S_ISDIR(st.st_mode):
                continue
        for e in walk(jail, prefix, report):
            found[e.rel] = e
    # ancestors of the scanned subtrees
    ancestors: set[str] = set()
    for prefix in prefixes:
        parent = parent_of(prefix)
        while parent:
            ancestors.add(parent)
            if parent not in found:
                try:
                    st = jail.lstat(parent)
                    found[parent] = Entry(parent, True, 0, st.st_mtime)
                except OSError:
                    pass
            parent = parent_of(parent)
    existing: dict[str, tuple[int, bool, int, float]] = {}
    with db.connect_read() as conn:
        cond = or_(*[subtree(assets_t.c.path, p) for p in prefixes], assets_t.c.path.in_(sorted(ancestors)))
        for r in conn.execute(
            select(assets_t.c.id, assets_t.c.path, assets_t.c.is_dir, assets_t.c.size, assets_t.c.mtime).where(
                assets_t.c.library_id == lib.id, cond
            )
        ):
            existing[r.path] = (r.id, r.is_dir, r.size, r.mtime)
    stats.files = sum(1 for e in found.values() if not e.is_dir)
    stats.folders = sum(1 for e in found.values() if e.is_dir)
    report.set_total(len(found))
    new_rows, changed, gone = [], [], []
    for rel, e in found.items():
        old = existing.get(rel)
        if old is None:
            new_rows.append(_row(lib.id, e))
        elif old[1] != e.is_dir:
            gone.append(old[0])
            new_rows.append(_row(lib.id, e))
        elif force or (not e.is_dir and (old[2] != e.size or old[3] != e.mtime)) or (e.is_dir and old[3] != e.mtime):
            changed.append((old[0], e))
        else:
            stats.unchanged += 1
    gone.extend(v[0] for k, v in existing.items() if k not in found)
    stats.removed = len(gone)
    if dry:
        stats.added, stats.updated = len(new_rows), len(changed)
        return stats
    with db.connect_write() as conn:
        for i in range(0, len(gone), 500):
            chunk = gone[i : i + 500]
            conn.execute(delete(refs_t).where(refs_t.c.source_id.in_(chunk)))
            conn.execute(delete(assets_t).where(assets_t.c.id.in_(chunk)))
    # parents first, so that folders exist before their content (order of paths does it)
    new_rows.sort(key=lambda r: r["path"])
    for i in range(0, len(new_rows), BATCH):
        with db.connect_write() as conn:
            conn.execute(insert(assets_t), new_rows[i : i + BATCH])
        report.advance(len(new_rows[i : i + BATCH]))
    stats.added = len(new_rows)
    # metadata and references of new and changed files
    to_read: list[str] = [r["path"] for r in new_rows if not r["is_dir"]] + [e.rel for _, e in changed if not e.is_dir]
    sidecars = [p for p in (*to_read, *(k for k in existing if k not in found)) if p.endswith(".xmp")]
    if sidecars:  # the files they describe say something else now, though those did not change
        reading = set(to_read)
        to_read += [rel for rel in _described(sidecars, found) if rel not in reading]
    if changed:
        with db.connect_write() as conn:
            conn.execute(
                update(assets_t).where(assets_t.c.id == _bp("aid")).values(size=_bp("size"), mtime=_bp("mtime")),
                [{"aid": aid, "size": e.size, "mtime": e.mtime} for aid, e in changed],
            )
        stats.updated = len(changed)
        report.advance(len(changed))
    report.advance(stats.unchanged)
    for i in range(0, len(to_read), 500):
        if report.should_stop:
            break
        reindex(db, lib, to_read[i : i + 500], stats, report, jail=jail, prefer_file=prefer_file)
    with db.connect_write() as conn:
        if not under:
            conn.execute(update(libraries_t).where(libraries_t.c.id == lib.id).values(scanned_at=utcnow()))
    return stats


def _reads_content(mtype: str) -> bool:
    return mtype in DOC_KINDS or mtype.startswith(("image/", "video/")) or mtype == "application/pdf"


def reindex(
    db: Database,
    lib: LibraryInfo,
    paths: Sequence[str],
    stats: ScanStats | None = None,
    report: Reporter | None = None,
    *,
    root: Path | None = None,
    conn: Connection | None = None,
    jail: Jail | None = None,
    prefer_file: bool = False,
) -> None:
    """Re-read the metadata and the references of catalogued files ``paths`` (a batch); a person's edits are
    kept (see core.library.edits), and a file whose own value changed under an edit is warned about."""
    if jail is None:
        with Jail(root or real_root(lib)) as own:
            return reindex(db, lib, paths, stats, report, conn=conn, jail=own, prefer_file=prefer_file)
    report = report or Reporter()
    stats = stats or ScanStats()
    work: list[tuple[int, str, str, Meta, dict[str, Any]]] = []

    def load(c: Connection) -> None:
        for i in range(0, len(paths), 500):
            for r in c.execute(
                select(assets_t).where(
                    assets_t.c.library_id == lib.id,
                    assets_t.c.path.in_(paths[i : i + 500]),
                    assets_t.c.is_dir.is_(False),
                )
            ):
                if _reads_content(r.media_type):
                    work.append((r.id, r.path, r.media_type, Meta.of(r), dict(r.edits or {})))

    if conn is not None:
        load(conn)
    else:
        with db.connect_read() as c:
            load(c)
    if not work:
        return
    meta_updates: list[dict[str, Any]] = []
    ref_rows: list[dict[str, Any]] = []
    sources: list[int] = []
    for aid, rel, mtype, meta, edits in work:
        kind = document_kind(mtype)
        data: bytes | None = None
        if kind:
            try:
                data = jail.read_bytes(rel)
            except OSError as exc:
                report.warn(msg("scan.unreadable", reason=reason_of(exc)), item=rel)
                stats.errors += 1
                continue
        extracted = extract_meta(jail, rel, mtype, data)
        if extracted is not None:
            changed, edits_changed, conflicts = merge_file(meta, edits, extracted, prefer_file=prefer_file)
            for conflict in conflicts:
                code = "library.edit_dropped" if prefer_file else "library.edit_conflict"
                args = {"field": conflict.field, "file_value": conflict.file_value, "edit_value": conflict.edit_value}
                report.warn(msg(code, **args), item=rel)
            if changed or edits_changed:
                meta_updates.append({"aid": aid, **meta.values(), "edits": edits or None})
        if kind and data is not None:
            stats.documents += 1
            sources.append(aid)
            for link in find_links(decode(data), kind):
                if is_external(link.raw.strip("<>")):
                    continue
                target = link_target(rel, link)
                if target is None:
                    stats.skipped_links += 1
                    report.warn(msg("scan.link_outside", line=link.line, link=link.raw), item=rel)
                ref_rows.append(
                    {
                        "library_id": lib.id,
                        "source_id": aid,
                        "line": link.line,
                        "col": link.col,
                        "kind": link.kind,
                        "raw": link.raw,
                        "target": target,
                    }
                )
    stats.references += len(ref_rows)

    def write(c: Connection) -> None:
        if sources:
            for i in range(0, len(sources), 500):
                c.execute(delete(refs_t).where(refs_t.c.source_id.in_(sources[i : i + 500])))
        if ref_rows:
            c.execute(insert(refs_t), ref_rows)
        if meta_updates:
            c.execute(
                update(assets_t)
                .where(assets_t.c.id == _bp("aid"))
                .values(
                    title=_bp("title"),
                    description=_bp("description"),
                    rating=_bp("rating"),
                    tags=_bp("tags"),
                    props=_bp("props"),
                    edits=_bp("edits"),
                ),
                meta_updates,
            )

    if conn is not None:
        write(conn)
    else:
        with db.connect_write() as c:
            write(c)


def _described(sidecars: list[str], found: dict[str, Entry]) -> list[str]:
    """The files of ``found`` whose metadata comes from one of ``sidecars`` (added, changed or gone): ``photo.xmp``
    describes ``photo.jpg`` (and any ``photo.*``), ``photo.jpg.xmp`` describes ``photo.jpg``."""
    stems = {p[: -len(".xmp")] for p in sidecars}
    return [
        rel
        for rel, e in found.items()
        if not e.is_dir and not rel.endswith(".xmp") and (rel in stems or os.path.splitext(rel)[0] in stems)
    ]
