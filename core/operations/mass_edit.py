"""``mass-edit``: set or clear properties and tags on every asset matching a filter; each change is an edit."""

from __future__ import annotations

import copy
import fnmatch
import json
import shlex
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import select, update

from core import library as L
from core.errors import ParamError
from core.messages import Message, define, msg
from core.operations.base import DryRun, OperationEnv, Param
from core.operations.library_ops import LIB, SAMPLE, LibraryOperation

if TYPE_CHECKING:
    from core.engine import JobContext
    from core.store.db import Database
from core.operations.metadata_common import (
    a,
)

# =====================================================================================================
# mass-edit
# =====================================================================================================
define("mass.would", "{matched} {matched:plural:asset matches|assets match}; {changed} would change")
define("mass.stopped", "stopped after {changed} {changed:plural:change|changes}")
define("mass.no_match", "no asset matches {filter!r}")
define("mass.done", "{matched} {matched:plural:asset|assets} matched, {changed} changed")
define("mass.bad_json", "not valid JSON: {reason}")
define("mass.bad_filter_text", "cannot split {text!r}: {reason}")
define("mass.bad_term", "{term!r}: expected folder:PATH, glob:PATTERN, tag:NAME, type:MEDIA or PROPERTY=VALUE")
define("mass.unknown_filter", "unknown filter {kind!r} (folder, glob, tag, type or PROPERTY=VALUE)")
define("mass.bad_set_json", "not a JSON object: {reason}")
define("mass.bad_set", "expected KEY=VALUE, not {text!r}")
define("mass.nothing", "nothing to do: give set, clear, add_tags or remove_tags")
define("label.mass_edit", "Mass edit {filter} · {library}")


@dataclass
class Filter:
    folder: str = ""
    glob: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    types: list[str] = field(default_factory=list)
    props: list[tuple[L.Column, str]] = field(default_factory=list)

    @classmethod
    def parse(cls, text: str) -> Filter:
        """``folder:PATH glob:*.jpg tag:cats type:image/* client=ACME dc:title="A title"``, all terms ANDed;
        or a JSON object with the same keys (``props`` a JSON object)."""
        f = cls()
        text = text.strip()
        if text.startswith("{"):
            try:
                obj = json.loads(text)
            except json.JSONDecodeError as exc:
                raise ParamError("filter", msg("mass.bad_json", reason=str(exc))) from None
            terms = []
            for k, v in obj.items():
                if k == "props":
                    terms += [f"{pk}={pv}" for pk, pv in dict(v).items()]
                else:
                    terms += [f"{k}:{x}" for x in (v if isinstance(v, list) else [v])]
        else:
            try:
                terms = shlex.split(text)
            except L.ValueError_ as exc:
                raise ParamError("filter", msg("mass.bad_filter_text", text=text, reason=str(exc))) from None
        for term in terms:
            key, eq, value = term.partition("=")
            if eq and not key.startswith(("folder:", "glob:", "tag:", "type:")):
                try:
                    f.props.append((L.Column.parse(key), value))
                except L.ValueError_ as exc:
                    raise ParamError("filter", exc.message) from None
                continue
            kind, colon, value = term.partition(":")
            if not colon:
                raise ParamError("filter", msg("mass.bad_term", term=term))
            if kind == "folder":
                f.folder = L.normalize(value, param="filter")
            elif kind == "glob":
                f.glob.append(value)
            elif kind == "tag":
                f.tags.append(value)
            elif kind == "type":
                f.types.append(value)
            else:
                raise ParamError("filter", msg("mass.unknown_filter", kind=kind))
        return f

    def matches(self, path: str, mtype: str, meta: L.Meta, delimiter: str = "|") -> bool:
        name = path.rsplit("/", 1)[-1]
        for g in self.glob:
            if not fnmatch.fnmatchcase(path if "/" in g else name, g.lstrip("/")):
                return False
        if self.types and not any(fnmatch.fnmatchcase(mtype, t) for t in self.types):
            return False
        if any(t not in meta.tags for t in self.tags):
            return False
        for col, want in self.props:
            have = meta.get(col)
            if isinstance(have, list):
                if want not in [L.format_value(x, col.type) for x in have]:
                    return False
            elif L.format_value(have, col.type) != want:
                return False
        return True


class MassEdit(LibraryOperation):
    name = "mass-edit"
    title = "Mass edit"
    description = "Set or clear a property, add or remove tags, on every asset that matches a filter."
    params = (
        LIB,
        Param(
            "filter",
            "str",
            required=True,
            help="terms, all of which must match: folder:PATH glob:*.jpg tag:NAME type:image/* KEY=VALUE",
        ),
        Param("set", "str", help='KEY=VALUE (KEY may be typed: rating{{Long}}=5), or a JSON object {"KEY": VALUE}'),
        Param("clear", "list", help="properties to clear"),
        Param("add_tags", "list", help="tags to add"),
        Param("remove_tags", "list", help="tags to remove"),
    )
    supports_dry_run = True

    def check(self, params: dict[str, Any], env: OperationEnv | None) -> None:
        Filter.parse(params["filter"])
        self.actions(params)
        if env is not None:
            self.lib(env.db, params)

    def label_message(self, params: dict[str, Any]) -> Message:
        return msg("label.mass_edit", filter=params.get("filter", ""), library=params.get("library", ""))

    @staticmethod
    def actions(params: dict[str, Any]) -> list[tuple[L.Column, Any]]:
        out: list[tuple[L.Column, Any]] = []
        raw = params.get("set")
        if raw:
            raw = raw.strip()
            if raw.startswith("{"):
                try:
                    items = list(json.loads(raw).items())
                except (json.JSONDecodeError, AttributeError) as exc:
                    raise ParamError("set", msg("mass.bad_set_json", reason=str(exc))) from None
            else:
                key, eq, value = raw.partition("=")
                if not eq or not key.strip():
                    raise ParamError("set", msg("mass.bad_set", text=raw))
                items = [(key.strip(), value)]
            for key, value in items:
                try:
                    col = L.Column.parse(key)
                    if col.read_only:
                        raise L.ValueError_(msg("value.read_only", name=col.name))
                    if isinstance(value, str):
                        v = col.parse_cell(value, "|")
                    elif col.multi:
                        v = [L.parse_value(str(x), col.type) for x in (value if isinstance(value, list) else [value])]
                    else:
                        v = L.parse_value(str(value), col.type) if value is not None else None
                except L.ValueError_ as exc:
                    raise ParamError("set", exc.message) from None
                out.append((col, v))
        for key in params.get("clear") or []:
            try:
                col = L.Column.parse(key)
            except L.ValueError_ as exc:
                raise ParamError("clear", exc.message) from None
            out.append((col, [] if col.multi else None))
        if not out and not params.get("add_tags") and not params.get("remove_tags"):
            raise ParamError("set", msg("mass.nothing"))
        return out

    def _edit(self, meta: L.Meta, actions: list[tuple[L.Column, Any]], params: dict[str, Any]) -> bool:
        changed = False
        for col, value in actions:
            changed = meta.set(col, value) or changed
        add, remove = params.get("add_tags") or [], set(params.get("remove_tags") or [])
        if add or remove:
            tags = [t for t in meta.tags if t not in remove]
            tags += [t for t in add if t not in tags]
            if tags != meta.tags:
                meta.tags = tags
                changed = True
        return changed

    def _matches(
        self, db: Database, lib: L.LibraryInfo, params: dict[str, Any]
    ) -> Iterator[tuple[int, str, L.Meta, dict[str, Any]]]:
        f = Filter.parse(params["filter"])
        stmt = (
            select(
                a.c.id,
                a.c.path,
                a.c.media_type,
                a.c.title,
                a.c.description,
                a.c.rating,
                a.c.tags,
                a.c.props,
                a.c.edits,
            )
            .where(a.c.library_id == lib.id, a.c.is_dir.is_(False), L.below(a.c.path, f.folder))
            .order_by(a.c.path)
            .execution_options(yield_per=2000)
        )
        with db.connect_read() as conn:
            for r in conn.execute(stmt):
                meta = L.Meta.of(r)
                if f.matches(r.path, r.media_type, meta):
                    yield r.id, r.path, meta, dict(r.edits or {})

    def dry_run(self, env: OperationEnv, params: dict[str, Any]) -> DryRun:
        lib = self.lib(env.db, params)
        actions = self.actions(params)
        matched = changed = 0
        sample: list[str] = []
        for _, path, meta, _edits in self._matches(env.db, lib, params):
            matched += 1
            if self._edit(meta, actions, params):
                changed += 1
                if len(sample) < SAMPLE:
                    sample.append(path)
        return DryRun(
            msg("mass.would", matched=matched, changed=changed).text, sample, {"assets": matched, "changed": changed}
        )

    def run(self, ctx: JobContext, params: dict[str, Any]) -> dict[str, Any]:
        lib = self.lib(ctx.db, params)
        actions = self.actions(params)
        matched = changed = 0
        pending: list[dict[str, Any]] = []

        def flush() -> None:
            if pending:
                with ctx.db.connect_write() as conn:
                    conn.execute(
                        update(a)
                        .where(a.c.id == L._bp("aid"))
                        .values(
                            title=L._bp("title"),
                            description=L._bp("description"),
                            rating=L._bp("rating"),
                            tags=L._bp("tags"),
                            props=L._bp("props"),
                            edits=L._bp("edits"),
                        ),
                        pending,
                    )
                pending.clear()

        for aid, _, meta, edits in self._matches(ctx.db, lib, params):
            matched += 1
            before = copy.deepcopy(meta)
            if self._edit(meta, actions, params):
                changed += 1
                L.record(edits, before, meta)  # a person's change: kept when the file is read again
                pending.append({"aid": aid, **meta.values(), "edits": edits or None})
            if len(pending) >= 500:
                flush()
                ctx.progress(matched)
                if ctx.should_stop:
                    ctx.warn(msg("mass.stopped", changed=changed))
                    break
        flush()
        ctx.progress(matched, matched)
        if not matched:
            ctx.warn(msg("mass.no_match", filter=params["filter"]))
        ctx.info(msg("mass.done", matched=matched, changed=changed))
        return {"library": lib.name, "matched": matched, "changed": changed}


OPERATIONS = (MassEdit,)
