"""``scan``: index a library (files, folders, metadata, references)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core import library as L
from core.messages import define, msg
from core.operations.base import DryRun, OperationEnv, Param
from core.operations.library_ops import LIB, LibraryOperation

if TYPE_CHECKING:
    from core.engine import JobContext


define(
    "scan.would",
    "scan of {library} would add {added}, update {updated} and forget {removed} entries ({unchanged} unchanged)",
)
define("scan.on_disk", "{files} {files:plural:file|files} and {folders} {folders:plural:folder|folders} on disk")
define("scan.start", "scanning {root}")
define(
    "scan.done",
    "{files} {files:plural:file|files}, {folders} {folders:plural:folder|folders}: {added} added, {updated} "
    "updated, {removed} forgotten; {references} {references:plural:reference|references} in {documents} "
    "{documents:plural:document|documents}",
)
PREFER = ("edits", "file")


class Scan(LibraryOperation):
    name = "scan"
    title = "Scan library"
    description = (
        "Index a library: every file and folder, the metadata of each asset and the references between "
        "files (Markdown, HTML, CSS). A re-scan only reads what changed. Values a person set (import, mass "
        "edit) are kept; a file whose own value changed under one is warned about."
    )
    params = (
        LIB,
        Param("folder", "folder", relative=True, help="only this folder of the library (default: all of it)"),
        Param("force", "bool", default=False, help="re-read every file, changed or not", advanced=True),
        Param(
            "prefer",
            "choice",
            default="edits",
            choices=PREFER,
            advanced=True,
            help="edits: keep a person's edit when the file's own value changed under it (warned); file: take every "
            "file's values over the edits (re-reads every file)",
        ),
    )
    supports_dry_run = True

    def check(self, params: dict[str, Any], env: OperationEnv | None) -> None:
        if env is not None:
            lib = self.lib(env.db, params)
            L.real_root(lib)  # its folder is there, and is no symbolic link (NotFound, as for the other operations)
            if params.get("folder"):
                L.resolve(lib, params["folder"], param="folder", allow_root=True)

    def dry_run(self, env: OperationEnv, params: dict[str, Any]) -> DryRun:
        lib = self.lib(env.db, params)
        under = [params["folder"]] if params.get("folder") else []
        st = L.scan(env.db, lib, under=under, force=_forced(params), dry=True)
        return DryRun(
            msg(
                "scan.would",
                library=lib.name,
                added=st.added,
                updated=st.updated,
                removed=st.removed,
                unchanged=st.unchanged,
            ).text,
            [msg("scan.on_disk", files=st.files, folders=st.folders).text],
            {"added": st.added, "updated": st.updated, "removed": st.removed},
        )

    def run(self, ctx: JobContext, params: dict[str, Any]) -> dict[str, Any]:
        lib = self.lib(ctx.db, params)
        under = [params["folder"]] if params.get("folder") else []
        ctx.info(msg("scan.start", root=str(lib.root)))
        st = L.scan(
            ctx.db,
            lib,
            ctx,  # type: ignore[arg-type]
            under=under,
            force=_forced(params),
            prefer_file=params.get("prefer") == "file",
        )
        ctx.progress(ctx.total or 0, ctx.total or 0)
        ctx.info(
            msg(
                "scan.done",
                files=st.files,
                folders=st.folders,
                added=st.added,
                updated=st.updated,
                removed=st.removed,
                references=st.references,
                documents=st.documents,
            )
        )
        return st.to_json()


OPERATIONS = (Scan,)


def _forced(params: dict[str, Any]) -> bool:
    """Whether every file is read: asked for, or to take the files' values over the edits (the files that did not
    change since the last scan hold values under edits too)."""
    return bool(params.get("force")) or params.get("prefer") == "file"
