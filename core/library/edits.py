"""A person's edits: values set by metadata-import, mass-edit or the window, kept in ``assets.edits``.

Each edited field (``title``, ``description``, ``rating``, ``tags`` or ``p:NAME`` for a free property) keeps
``{"f": what the file said then}``; the value set is the field's own column (the effective value), which is not
written twice. Reading the file again (re-scan, a move's link rewrite, a restore) updates the fields nobody
edited; an edited field keeps its value, and when the file's own value changed under it the reader is told
(file, field, both values) — unless ``prefer=file``, which takes the file's value wherever it says one and drops
the edit (whether the file changed since or not: the conflict told before already noted the file's new value).

Outside the catalogue (a trash entry's record, which outlives the asset's row) an edit carries its value too:
``{"v": the value set, "f": …}`` (:func:`with_values`; :func:`reapply` puts it back).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import select, update

from core.library.extract import Meta
from core.library.paths import subtree
from core.library.tables import assets_t
from core.library.values import TEXT_TYPES, ValueError_, parse_value
from core.messages import define

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

STANDARD_FIELDS = ("title", "description", "rating", "tags")

define(
    "library.edit_conflict",
    "{field}: the file now says {file_value!r}, the catalogue keeps the edit {edit_value!r} "
    "(scan -p prefer=file takes the file's value)",
)
define("library.edit_dropped", "{field}: the file's value {file_value!r} replaces the edit {edit_value!r}")


@dataclass(frozen=True)
class Conflict:
    field: str
    edit_value: Any
    file_value: Any


def field_name(key: str) -> str:
    return key[2:] if key.startswith("p:") else key


def value_of(meta: Meta, key: str) -> Any:
    """The value of an edit's field (``title``... or ``p:NAME``, a free property's ``[type, value]``)."""
    if key.startswith("p:"):
        return meta.props.get(key[2:])
    return getattr(meta, key)


def _set(meta: Meta, key: str, value: Any) -> None:
    if key.startswith("p:"):
        if value is None:
            meta.props.pop(key[2:], None)
        else:
            meta.props[key[2:]] = list(value)
    elif key == "tags":
        meta.tags = list(value or [])
    else:
        setattr(meta, key, value)


def _file_fields(file: Meta) -> Iterable[tuple[str, Any]]:
    """The fields a file provides (what it does not say is not a value)."""
    for attr in ("title", "description", "rating"):
        v = getattr(file, attr)
        if v is not None:
            yield attr, v
    if file.tags:
        yield "tags", list(file.tags)
    for k, v in file.props.items():
        yield "p:" + k, list(v)


def typed_like(catalogue: Any, file: Any) -> Any:
    """A free property as a file gives it (``[type, value]``), with the catalogue's type when the file cannot
    say it and its value still fits that type: text in front matter is ``String`` to the reader, but a
    ``Decimal``, ``Path``, ``Reference``... of the catalogue written there stays one when read back."""
    if not (isinstance(catalogue, list) and isinstance(file, list) and len(catalogue) == len(file) == 2):
        return file
    ctype, ftype, value = catalogue[0], file[0], file[1]
    if ftype != "String" or ctype == ftype or not (ctype in TEXT_TYPES or ctype == "Decimal"):
        return file
    if isinstance(catalogue[1], list) != isinstance(value, list):
        return file  # one value against several: the file's shape wins
    try:
        for text in value if isinstance(value, list) else [value]:
            parse_value(str(text), ctype)
    except ValueError_:
        return file
    return [ctype, value]


def merge_file(
    meta: Meta, edits: dict[str, Any], file: Meta, *, prefer_file: bool = False
) -> tuple[bool, bool, list[Conflict]]:
    """Merge what the file says into ``meta`` (the effective values) under ``edits`` (changed in place);
    (meta changed, edits changed, conflicts). A field nobody edited takes the file's value, or none when the file
    no longer gives one; an edited field keeps its value (see the module)."""
    changed = edits_changed = False
    conflicts: list[Conflict] = []
    given = dict(_file_fields(file))
    for key in (*STANDARD_FIELDS, *("p:" + k for k in list(meta.props))):
        # a field nobody edited follows the file: what it no longer says goes (it came from the file)
        if key not in given and key not in edits and value_of(meta, key) not in (None, []):
            _set(meta, key, None)
            changed = True
    for key, raw in given.items():
        e = edits.get(key)
        free = key.startswith("p:")
        current = value_of(meta, key)
        fv = typed_like(current, raw) if free else raw
        if e is None or prefer_file:  # the file's value (over an edit: told when it differs)
            if current != fv:
                if e is not None:
                    conflicts.append(Conflict(field_name(key), current, fv))
                _set(meta, key, fv)
                changed = True
            if e is not None:
                del edits[key]
                edits_changed = True
            continue
        said = typed_like(e.get("f"), raw) if free else raw  # what the file says, as the edit noted it
        if said != e.get("f"):
            conflicts.append(Conflict(field_name(key), current, said))
            e["f"] = said
            edits_changed = True
    return changed, edits_changed, conflicts


def record(edits: dict[str, Any], before: Meta, after: Meta) -> bool:
    """Note in ``edits`` every field that differs between ``before`` and ``after`` (a person's change); True
    when ``edits`` changed. The first edit of a field remembers the value it replaced as the file's; a later one
    changes nothing there (the value is the field's own)."""
    changed = False
    keys = [*STANDARD_FIELDS, *("p:" + k for k in set(before.props) | set(after.props))]
    for key in keys:
        old, new = value_of(before, key), value_of(after, key)
        if key == "tags":
            old, new = list(old or []), list(new or [])
        if old == new:
            continue
        if key not in edits:
            edits[key] = {"f": old}
            changed = True
    return changed


def edit_asset(conn: Connection, library_id: int, path: str, changes: Iterable[tuple[Any, Any]]) -> bool:
    """Set values on one asset as a person's edits (the window's door): ``changes`` are (Column, value) pairs
    (None or [] clears); True when something changed."""
    import copy

    a = assets_t
    row = conn.execute(select(a).where(a.c.library_id == library_id, a.c.path == path)).first()
    if row is None:
        return False
    meta = Meta.of(row)
    before = copy.deepcopy(meta)
    changed = False
    for col, value in changes:
        changed = meta.set(col, value) or changed
    if not changed:
        return False
    edits = dict(row.edits or {})
    record(edits, before, meta)
    conn.execute(update(a).where(a.c.id == row.id).values(edits=edits or None, **meta.values()))
    return True


def with_values(meta: Meta, edits: dict[str, Any]) -> dict[str, Any]:
    """``edits`` with each one's value (``"v"``) taken from ``meta``, the asset's effective values: the form kept
    where the asset's row is not (a trash entry's record) and that :func:`reapply` reads."""
    return {key: {"v": value_of(meta, key), "f": e.get("f")} for key, e in edits.items()}


def saved_under(rows: Iterable[Any]) -> dict[str, Any]:
    """``{path: edits with their values}`` (:func:`with_values`) of the asset rows that have edits (kept with a
    trash entry); a row has ``path``, ``edits`` and the value columns."""
    return {r.path: with_values(Meta.of(r), r.edits) for r in rows if r.edits}


def edits_under(conn: Connection, library_id: int, rel: str) -> dict[str, Any]:
    """:func:`saved_under` of the assets at or under ``rel`` that have edits: what goes with ``rel`` to the trash."""
    a = assets_t
    rows = conn.execute(
        select(a.c.path, a.c.edits, *(a.c[k] for k in STANDARD_FIELDS), a.c.props).where(
            a.c.library_id == library_id, subtree(a.c.path, rel), a.c.edits.is_not(None)
        )
    )
    return saved_under(rows)


def reapply(conn: Connection, library_id: int, saved: dict[str, Any]) -> int:
    """Put saved edits back on the assets at those paths (after a restore re-read them); the count."""
    if not saved:
        return 0
    a = assets_t
    n = 0
    paths = list(saved)
    for i in range(0, len(paths), 500):
        for r in conn.execute(select(a).where(a.c.library_id == library_id, a.c.path.in_(paths[i : i + 500]))):
            edits = saved[r.path]
            meta = Meta.of(r)
            for key, e in edits.items():
                _set(meta, key, e.get("v"))
            kept = {key: {"f": e.get("f")} for key, e in edits.items()}
            conn.execute(update(a).where(a.c.id == r.id).values(edits=kept, **meta.values()))
            n += 1
    return n
