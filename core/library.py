"""The asset library: libraries (folders a user adds), the catalogue of their files, metadata and references.

A library is a folder on disk. ``scan`` indexes it: every file and folder (path relative to the library root,
in POSIX form, never starting with ``/``), its size, modified time and media type; the metadata of each asset
(title, description, tags, rating and free typed properties); and the references between files (relative
links in Markdown, HTML and CSS, with the line where they stand).

Everything that touches the file system on behalf of an operation goes through :func:`resolve`, which refuses
any path that leaves the library root, whether by ``..``, an absolute path or a symbolic link.

This module never imports Qt nor the job engine; operations in ``core.operations.library_ops`` and
``core.operations.metadata`` use it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import html
import html.parser
import json
import mimetypes
import os
import posixpath
import re
import stat
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, unquote
from xml.etree import ElementTree

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    and_,
    delete,
    func,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.orm import Mapped, mapped_column

from core.errors import NotAllowed, NotFound, ParamError, UsageError
from core.store.schema import Base, utcnow

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

    from core.store.db import Database

# Temporary files written by asyncops next to their target (atomic rewrites, downloads): never catalogued.
TMP_SUFFIX = ".asyncops-tmp"
PART_SUFFIX = ".asyncops-part"
FOLDER_TYPE = "inode/directory"
BATCH = 2000


# =====================================================================================================
# Models
# =====================================================================================================
class Library(Base):
    __tablename__ = "libraries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    root: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    scanned_at: Mapped[dt.datetime | None] = mapped_column(nullable=True)


class Asset(Base):
    """A file or folder of a library. ``props`` holds free typed properties: ``{key: [type, value]}``."""

    __tablename__ = "assets"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    library_id: Mapped[int] = mapped_column(ForeignKey("libraries.id", ondelete="CASCADE"))
    path: Mapped[str] = mapped_column(Text)
    parent: Mapped[str] = mapped_column(Text)
    is_dir: Mapped[bool] = mapped_column(Boolean, default=False)
    size: Mapped[int] = mapped_column(BigInteger, default=0)
    mtime: Mapped[float] = mapped_column(Float, default=0.0)
    media_type: Mapped[str] = mapped_column(String(100), default="")
    title: Mapped[str | None] = mapped_column(Text, nullable=True)
    description: Mapped[str | None] = mapped_column(Text, nullable=True)
    rating: Mapped[int | None] = mapped_column(Integer, nullable=True)
    tags: Mapped[list[Any]] = mapped_column(JSON, default=list)
    props: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    __table_args__ = (
        Index("ux_assets_library_path", "library_id", "path", unique=True),
        Index("ix_assets_library_parent", "library_id", "parent"),
    )


class Reference(Base):
    """A link from one catalogued file (``source_id``) to a path of the same library (``target``).

    ``target`` is the resolved library-relative path (None for a link that leaves the library); ``line`` is
    1-based and ``col`` 0-based (None when the link text could not be located exactly).
    """

    __tablename__ = "asset_refs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    library_id: Mapped[int] = mapped_column(ForeignKey("libraries.id", ondelete="CASCADE"))
    source_id: Mapped[int] = mapped_column(ForeignKey("assets.id", ondelete="CASCADE"), index=True)
    line: Mapped[int] = mapped_column(Integer)
    col: Mapped[int | None] = mapped_column(Integer, nullable=True)
    kind: Mapped[str] = mapped_column(String(20))
    raw: Mapped[str] = mapped_column(Text)
    target: Mapped[str | None] = mapped_column(Text, nullable=True)

    __table_args__ = (Index("ix_asset_refs_library_target", "library_id", "target"),)


class MovePlan(Base):
    """The journal of one move: written in one transaction before anything moves, then worked off step by step."""

    __tablename__ = "move_plans"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    library_id: Mapped[int] = mapped_column(ForeignKey("libraries.id", ondelete="CASCADE"))
    job_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    params: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    state: Mapped[str] = mapped_column(String(20), default="running")  # running | done
    result: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class MoveStep(Base):
    __tablename__ = "move_steps"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("move_plans.id", ondelete="CASCADE"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20))
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    done: Mapped[bool] = mapped_column(Boolean, default=False)


libraries_t = Library.__table__
assets_t = Asset.__table__
refs_t = Reference.__table__


# =====================================================================================================
# Libraries
# =====================================================================================================
NAME_RE = re.compile(r"^[\w][\w .@+-]{0,199}$")


@dataclass(frozen=True)
class LibraryInfo:
    id: int
    name: str
    root: Path
    scanned_at: dt.datetime | None = None
    files: int = 0
    folders: int = 0
    bytes: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "root": str(self.root),
            "files": self.files,
            "folders": self.folders,
            "bytes": self.bytes,
            "scanned_at": self.scanned_at.isoformat() if self.scanned_at else None,
        }


def add_library(db: Database, path: str | os.PathLike[str], name: str | None = None) -> LibraryInfo:
    """Register a folder as a library (nothing is read or written in it). UsageError when it cannot be."""
    folder = Path(path).expanduser()
    if not folder.exists():
        raise UsageError(f"library add: {path} does not exist")
    if not folder.is_dir():
        raise UsageError(f"library add: {path} is not a folder")
    root = folder.resolve()
    name = (name if name is not None else root.name).strip()
    if not NAME_RE.match(name):
        raise UsageError(
            f"library add: {name!r} is not a valid name (letters, digits, space, . @ + - _; at most 200 characters)"
        )
    with db.write() as s:
        for other in s.scalars(select(Library)):
            if other.name == name:
                raise UsageError(f"library add: a library named {name!r} already exists ({other.root})")
            o = Path(other.root)
            if o == root:
                raise UsageError(f"library add: {root} is already the library {other.name!r}")
            if o in root.parents or root in o.parents:
                raise UsageError(
                    f"library add: {root} overlaps the library {other.name!r} ({o}); "
                    "libraries may not contain one another"
                )
        lib = Library(name=name, root=str(root))
        s.add(lib)
        s.flush()
        return LibraryInfo(lib.id, lib.name, root)


def list_libraries(db: Database) -> list[LibraryInfo]:
    with db.connect_read() as conn:
        counts = {
            (r.library_id, bool(r.is_dir)): (r.n, r.bytes or 0)
            for r in conn.execute(
                select(
                    assets_t.c.library_id,
                    assets_t.c.is_dir,
                    func.count().label("n"),
                    func.sum(assets_t.c.size).label("bytes"),
                ).group_by(assets_t.c.library_id, assets_t.c.is_dir)
            )
        }
        rows = list(conn.execute(select(libraries_t).order_by(libraries_t.c.name)))
    return [
        LibraryInfo(
            r.id,
            r.name,
            Path(r.root),
            r.scanned_at,
            counts.get((r.id, False), (0, 0))[0],
            counts.get((r.id, True), (0, 0))[0],
            counts.get((r.id, False), (0, 0))[1],
        )
        for r in rows
    ]


def get_library(db: Database, name: str, *, param: str = "library") -> LibraryInfo:
    """The library called ``name``; NotFound (naming the known ones) otherwise."""
    with db.connect_read() as conn:
        row = conn.execute(select(libraries_t).where(libraries_t.c.name == name)).first()
        if row is None:
            known = ", ".join(conn.execute(select(libraries_t.c.name).order_by(libraries_t.c.name)).scalars())
            raise NotFound(
                f"parameter {param!r}: no library named {name!r} "
                f"({'libraries: ' + known if known else 'add one with: asyncops library add PATH'})"
            )
    return LibraryInfo(row.id, row.name, Path(row.root))


def remove_library(db: Database, name: str) -> int:
    """Forget a library and its catalogue (its files are not touched). Returns the number of assets forgotten."""
    lib = get_library(db, name, param="name")
    with db.connect_write() as conn:
        n = conn.execute(select(func.count()).select_from(assets_t).where(assets_t.c.library_id == lib.id)).scalar()
        conn.execute(delete(refs_t).where(refs_t.c.library_id == lib.id))
        conn.execute(delete(assets_t).where(assets_t.c.library_id == lib.id))
        conn.execute(delete(MovePlan.__table__).where(MovePlan.library_id == lib.id))
        conn.execute(delete(libraries_t).where(libraries_t.c.id == lib.id))
    return int(n or 0)


# =====================================================================================================
# Paths
# =====================================================================================================
class PathNotFound(NotFound):
    def __init__(self, param: str, message: str) -> None:
        super().__init__(f"parameter {param!r}: {message}")
        self.param = param


class PathNotAllowed(NotAllowed):
    def __init__(self, param: str, message: str) -> None:
        super().__init__(f"parameter {param!r}: {message}")
        self.param = param


def normalize(rel: str, *, param: str = "path", root: Path | None = None) -> str:
    """A library-relative POSIX path without ``.``/``..`` parts; ``''`` is the root.

    A leading ``/`` means the library root; an absolute path that lies under ``root`` is made relative to it.
    A path that climbs above the root with ``..`` is refused (PathNotAllowed).
    """
    if not isinstance(rel, str):
        raise ParamError(param, f"expected a path, got {type(rel).__name__}")
    if _is_plain(rel):
        return rel
    if "\x00" in rel:
        raise ParamError(param, f"{rel!r} contains a NUL character")
    text = rel.replace("\\", "/") if os.sep == "\\" else rel
    if root is not None and text.startswith("/"):
        r = root.as_posix().rstrip("/") + "/"
        if text.startswith(r) or text == r.rstrip("/"):
            text = text[len(r) :] if text.startswith(r) else ""
    text = text.lstrip("/")
    norm = posixpath.normpath(text) if text else "."
    if norm == ".":
        return ""
    if norm == ".." or norm.startswith("../"):
        raise PathNotAllowed(param, f"{rel!r} leaves the library root: not allowed")
    return norm


def _is_plain(rel: str) -> bool:
    """``rel`` is already a normal relative path (the common case: paths as the catalogue writes them), so
    that :func:`normalize` can skip ``normpath``: no leading ``/`` or ``.``, no empty, ``.`` or ``..`` part, no
    trailing ``/``, no NUL and no backslash."""
    return (
        rel != ""
        and rel[0] != "/"
        and rel[0] != "."
        and rel[-1] != "/"
        and "//" not in rel
        and "/." not in rel
        and "\x00" not in rel
        and "\\" not in rel
    )


@dataclass(frozen=True)
class Resolved:
    rel: str  # library-relative POSIX path ('' = the root)
    path: Path  # absolute path on disk (not resolved through a final symlink)

    @property
    def name(self) -> str:
        return posixpath.basename(self.rel)


def real_root(lib: LibraryInfo) -> Path:
    if not lib.root.is_dir():
        raise NotFound(f"library {lib.name!r}: its folder {lib.root} is missing (mounted? moved?)")
    return lib.root.resolve()


def resolve(
    lib: LibraryInfo, rel: str, *, param: str = "path", must_exist: bool = True, allow_root: bool = False
) -> Resolved:
    """Resolve a library-relative path safely: the result is inside the root, and so is every folder on the way.

    The last component may itself be a symbolic link (it is then handled as a link, never followed); a link
    anywhere before it that leaves the library is refused.
    """
    root = real_root(lib)
    norm = normalize(rel, param=param, root=root)
    if norm == "" and not allow_root:
        raise PathNotAllowed(param, f"{rel!r} is the library root itself: not allowed")
    full = root / norm if norm else root
    parent_real = Path(os.path.realpath(full.parent)) if norm else root
    if parent_real != root and root not in parent_real.parents:
        raise PathNotAllowed(param, f"{rel!r} goes through a symbolic link that leaves the library: not allowed")
    # Re-anchor on the real parent, so that a symlinked folder inside the library cannot change it later.
    full = parent_real / full.name if norm else root
    if must_exist and not os.path.lexists(full):
        raise PathNotFound(param, f"{rel!r} does not exist in the library {lib.name!r}")
    rel_real = full.relative_to(root).as_posix() if norm else ""
    return Resolved(rel_real if rel_real != "." else "", full)


def is_under(path: str, prefix: str) -> bool:
    """``path`` equals ``prefix`` or lies below it ('' is the root, above everything)."""
    return prefix == "" or path == prefix or path.startswith(prefix + "/")


def remap(path: str, old: str, new: str) -> str:
    if path == old:
        return new
    return new + path[len(old) :] if old else posixpath.join(new, path)


def subtree(col: Any, prefix: str) -> Any:
    """SQL condition: ``col`` is ``prefix`` or below it (an index range, no LIKE)."""
    if prefix == "":
        return col.is_not(None)
    # One index range [prefix, prefix + '0') ('0' follows '/'), then the filter drops its siblings that only
    # begin like it ('a-b', 'a.md' for 'a'). A bare OR of the two ranges defeats the index inside joins and
    # UPDATE/DELETE: SQLite would scan the whole library for each prefix.
    return and_(col >= prefix, col < prefix + "0", or_(col == prefix, col > prefix + "/"))


def below(col: Any, prefix: str) -> Any:
    """SQL condition: ``col`` lies strictly below ``prefix``."""
    if prefix == "":
        return col != ""
    return and_(col > prefix + "/", col < prefix + "0")


def parent_of(rel: str) -> str:
    return posixpath.dirname(rel)


# =====================================================================================================
# Media types and typed values
# =====================================================================================================
_EXTRA_TYPES = {
    ".md": "text/markdown",
    ".markdown": "text/markdown",
    ".webp": "image/webp",
    ".heic": "image/heic",
    ".avif": "image/avif",
    ".xmp": "application/rdf+xml",
    ".yaml": "application/yaml",
    ".yml": "application/yaml",
    ".dng": "image/x-adobe-dng",
    ".cr2": "image/x-canon-cr2",
    ".nef": "image/x-nikon-nef",
}
DOC_KINDS = {"text/markdown": "md", "text/html": "html", "application/xhtml+xml": "html", "text/css": "css"}


def media_type(name: str) -> str:
    ext = os.path.splitext(name)[1].lower()
    if ext in _EXTRA_TYPES:
        return _EXTRA_TYPES[ext]
    return mimetypes.guess_type(name, strict=False)[0] or "application/octet-stream"


TYPES = ("String", "Long", "Double", "Boolean", "Date")
# The standard metadata: CSV header name -> (Asset column, type, multi).
STANDARD = {
    "dc:title": ("title", "String", False),
    "dc:description": ("description", "String", False),
    "cq:tags": ("tags", "String", True),
    "xmp:Rating": ("rating", "Long", False),
}
# Read-only catalogue facts that may be exported when asked for (import ignores them with a warning).
READ_ONLY = {"dc:format": ("media_type", "String"), "dam:size": ("size", "Long"), "dam:modified": ("mtime", "Date")}
ALIASES = {
    "title": "dc:title",
    "description": "dc:description",
    "tags": "cq:tags",
    "rating": "xmp:Rating",
    "format": "dc:format",
    "size": "dam:size",
    "modified": "dam:modified",
}
HEADER_RE = re.compile(r"^(?P<name>.*?)\{\{\s*(?P<type>[A-Za-z]+)\s*(?::\s*(?P<multi>multi)\s*)?\}\}\s*$")


class ValueError_(ValueError):
    """A value that does not fit its declared type (message names the value and the type)."""


def parse_value(text: str, type_: str) -> Any:
    t = text.strip()
    if type_ == "String":
        return text
    if type_ == "Long":
        try:
            return int(t)
        except ValueError:
            raise ValueError_(f"{text!r} is not a Long (a whole number)") from None
    if type_ == "Double":
        try:
            return float(t)
        except ValueError:
            raise ValueError_(f"{text!r} is not a Double (a number)") from None
    if type_ == "Boolean":
        low = t.lower()
        if low in ("true", "1", "yes"):
            return True
        if low in ("false", "0", "no"):
            return False
        raise ValueError_(f"{text!r} is not a Boolean (true or false)")
    if type_ == "Date":
        try:
            d = dt.datetime.fromisoformat(t.replace("Z", "+00:00"))
        except ValueError:
            raise ValueError_(f"{text!r} is not a Date (ISO-8601, such as 2024-05-01T10:00:00Z)") from None
        return d.isoformat()
    raise ValueError_(f"unknown type {type_!r} (types: {', '.join(TYPES)})")


def format_value(value: Any, type_: str) -> str:
    if value is None:
        return ""
    if type_ == "Boolean":
        return "true" if value else "false"
    if type_ == "Double" and isinstance(value, float) and value.is_integer():
        return repr(value)
    return str(value)


def infer_type(value: Any) -> str:
    if isinstance(value, bool):
        return "Boolean"
    if isinstance(value, int):
        return "Long"
    if isinstance(value, float):
        return "Double"
    if isinstance(value, (dt.date, dt.datetime)):
        return "Date"
    return "String"


def split_multi(text: str, delimiter: str) -> list[str]:
    """Split on ``delimiter`` not preceded by a backslash; ``\\`` escapes itself and the delimiter."""
    if text == "":
        return []
    if "\\" not in text:
        return text.split(delimiter)
    out, cur, i = [], [], 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text):
            cur.append(text[i + 1])
            i += 2
            continue
        if text.startswith(delimiter, i):
            out.append("".join(cur))
            cur = []
            i += len(delimiter)
            continue
        cur.append(text[i])
        i += 1
    out.append("".join(cur))
    return out


def join_multi(values: Iterable[str], delimiter: str) -> str:
    return delimiter.join(v.replace("\\", "\\\\").replace(delimiter, "\\" + delimiter) for v in values)


@dataclass(frozen=True)
class Column:
    """A metadata column: ``name{{Type}}`` or ``name{{Type: multi}}``."""

    name: str
    type: str
    multi: bool = False

    @property
    def header(self) -> str:
        return f"{self.name}{{{{{self.type}{': multi' if self.multi else ''}}}}}"

    @property
    def standard(self) -> bool:
        return self.name in STANDARD

    @property
    def read_only(self) -> bool:
        return self.name in READ_ONLY

    @classmethod
    def parse(cls, header: str) -> Column:
        """A CSV header (typed or plain) or a property name; raises ValueError_ naming what is wrong."""
        text = header.strip()
        m = HEADER_RE.match(text)
        if m:
            name, type_, multi = m.group("name").strip(), m.group("type"), bool(m.group("multi"))
            canon = {t.lower(): t for t in TYPES}.get(type_.lower())
            if canon is None:
                raise ValueError_(f"unknown type {type_!r} in {header!r} (types: {', '.join(TYPES)})")
            type_ = canon
        elif "{{" in text or "}}" in text:
            raise ValueError_(f"malformed header {header!r} (expected name{{{{Type}}}} or name{{{{Type: multi}}}})")
        else:
            name, type_, multi = text, "", False
        if not type_:  # short names (title, rating, ...) only stand for the standard fields when untyped
            name = ALIASES.get(name, name)
        if not name:
            raise ValueError_(f"empty property name in {header!r}")
        if name in STANDARD:
            _, std_type, std_multi = STANDARD[name]
            if type_ and (type_ != std_type or multi != std_multi):
                want = cls(name, std_type, std_multi).header
                raise ValueError_(f"{header!r}: {name} is {want}")
            return cls(name, std_type, std_multi)
        if name in READ_ONLY:
            return cls(name, READ_ONLY[name][1], False)
        return cls(name, type_ or "String", multi)

    def parse_cell(self, text: str, delimiter: str) -> Any:
        """The stored value of a CSV cell (None / [] for an empty cell: the property is cleared)."""
        if self.multi:
            return [parse_value(v, self.type) for v in split_multi(text, delimiter) if v != ""]
        if text == "":
            return None
        return parse_value(text, self.type)

    def format_cell(self, value: Any, delimiter: str) -> str:
        if self.multi:
            if value is None:
                return ""
            items = value if isinstance(value, list) else [value]
            return join_multi((format_value(v, self.type) for v in items), delimiter)
        if isinstance(value, list):
            return join_multi((format_value(v, self.type) for v in value), delimiter)
        return format_value(value, self.type)


# =====================================================================================================
# Metadata of a catalogued asset
# =====================================================================================================
@dataclass
class Meta:
    title: str | None = None
    description: str | None = None
    rating: int | None = None
    tags: list[str] = dataclasses.field(default_factory=list)
    props: dict[str, list[Any]] = dataclasses.field(default_factory=dict)

    @classmethod
    def of(cls, row: Any) -> Meta:
        return cls(
            row.title,
            row.description,
            row.rating,
            list(row.tags or []),
            {k: list(v) for k, v in (row.props or {}).items()},
        )

    def get(self, col: Column) -> Any:
        if col.standard:
            return getattr(self, STANDARD[col.name][0])
        entry = self.props.get(col.name)
        return entry[1] if entry else None

    def set(self, col: Column, value: Any) -> bool:
        """Set (None or [] clears); True when something changed."""
        if col.read_only:
            raise ValueError_(f"{col.name} is read-only")
        if col.standard:
            attr = STANDARD[col.name][0]
            if attr == "tags":
                value = [str(v) for v in (value or [])]
            if getattr(self, attr) == value:
                return False
            setattr(self, attr, value)
            return True
        if value is None or value == []:
            return self.props.pop(col.name, None) is not None
        new = [col.type, value]
        if self.props.get(col.name) == new:
            return False
        self.props[col.name] = new
        return True

    def values(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "description": self.description,
            "rating": self.rating,
            "tags": self.tags,
            "props": self.props,
        }

    def merge_extracted(self, other: Meta) -> bool:
        """Fields the file itself provides overwrite; everything else (edits made in asyncops) is kept."""
        changed = False
        for attr in ("title", "description", "rating"):
            v = getattr(other, attr)
            if v is not None and getattr(self, attr) != v:
                setattr(self, attr, v)
                changed = True
        if other.tags and self.tags != other.tags:
            self.tags = list(other.tags)
            changed = True
        for k, v in other.props.items():
            if self.props.get(k) != v:
                self.props[k] = v
                changed = True
        return changed


# -- extraction from files -----------------------------------------------------------------------------
FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$")


def _scalar(text: str) -> Any:
    t = text.strip()
    if len(t) >= 2 and t[0] == t[-1] and t[0] in "\"'":
        return t[1:-1]
    if t.startswith("[") and t.endswith("]"):
        return [_scalar(x) for x in _split_flow(t[1:-1]) if x.strip()]
    low = t.lower()
    if low in ("true", "yes"):
        return True
    if low in ("false", "no"):
        return False
    if low in ("", "~", "null"):
        return None
    if re.fullmatch(r"[-+]?\d+", t):
        return int(t)
    if re.fullmatch(r"[-+]?(\d+\.\d*|\.\d+)([eE][-+]?\d+)?", t):
        return float(t)
    if DATE_RE.match(t):
        return dt.datetime.fromisoformat(t.replace("Z", "+00:00")) if "T" in t or " " in t else dt.date.fromisoformat(t)
    return t


def _split_flow(text: str) -> list[str]:
    out, cur, quote_ch = [], [], ""
    for ch in text:
        if quote_ch:
            cur.append(ch)
            if ch == quote_ch:
                quote_ch = ""
        elif ch in "\"'":
            quote_ch = ch
            cur.append(ch)
        elif ch == ",":
            out.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    out.append("".join(cur))
    return out


def parse_front_matter(text: str) -> dict[str, Any]:
    """The flat YAML subset used in Markdown front matter: ``key: value``, ``key: [a, b]`` and ``- item`` lists."""
    m = FRONT_MATTER.match(text)
    if not m:
        return {}
    out: dict[str, Any] = {}
    key = None
    for line in m.group(1).splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        item = re.match(r"^\s+-\s*(.*)$", line) or re.match(r"^-\s+(.*)$", line)
        if item and key is not None:
            if not isinstance(out.get(key), list):
                out[key] = []
            out[key].append(_scalar(item.group(1)))
            continue
        kv = re.match(r"^([A-Za-z_][\w:.-]*)\s*:\s*(.*)$", line)
        if kv and not line[0].isspace():
            key = kv.group(1)
            value = kv.group(2)
            out[key] = _scalar(value) if value.strip() else []
    return {k: v for k, v in out.items() if v is not None and v != []}


def meta_from_mapping(data: dict[str, Any]) -> Meta:
    meta = Meta()
    for key, value in data.items():
        low = key.lower()
        if low in ("title", "dc:title") and isinstance(value, (str, int, float)):
            meta.title = str(value)
        elif low in ("description", "summary", "dc:description") and isinstance(value, (str, int, float)):
            meta.description = str(value)
        elif low in ("tags", "keywords", "cq:tags", "dc:subject"):
            items = value if isinstance(value, list) else [x.strip() for x in str(value).split(",")]
            meta.tags = [str(x) for x in items if str(x).strip()]
        elif low in ("rating", "xmp:rating") and isinstance(value, (int, float)) and not isinstance(value, bool):
            meta.rating = int(value)
        elif isinstance(value, list):
            if value:
                t = infer_type(value[0])
                if all(infer_type(v) == t for v in value):
                    meta.props[key] = [t, [_jsonable(v) for v in value]]
                else:
                    meta.props[key] = ["String", [str(v) for v in value]]
        elif isinstance(value, (str, int, float, bool, dt.date)):
            meta.props[key] = [infer_type(value), _jsonable(value)]
    return meta


def _jsonable(v: Any) -> Any:
    if isinstance(v, dt.datetime):
        return v.isoformat()
    if isinstance(v, dt.date):
        return dt.datetime(v.year, v.month, v.day).isoformat()
    return v


class _HtmlMeta(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.data: dict[str, Any] = {}
        self._in_title = False
        self._title: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        elif tag == "meta":
            a = dict(attrs)
            name = (a.get("name") or a.get("property") or "").lower()
            content = a.get("content")
            if content is None:
                return
            if name in ("description", "og:description"):
                self.data.setdefault("description", content)
            elif name == "keywords":
                self.data["tags"] = [k.strip() for k in content.split(",") if k.strip()]
            elif name in ("og:title",):
                self.data.setdefault("title", content)
            elif name in ("rating",):
                try:
                    self.data["rating"] = int(content)
                except ValueError:
                    pass

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
            if self._title:
                self.data["title"] = " ".join("".join(self._title).split())

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self._title.append(data)


NS = {
    "x": "adobe:ns:meta/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
}
XMP_START = re.compile(rb"<x:xmpmeta|<x:xapmeta|<rdf:RDF")
XMP_END = {b"<x:xmpmeta": b"</x:xmpmeta>", b"<x:xapmeta": b"</x:xapmeta>", b"<rdf:RDF": b"</rdf:RDF>"}


def parse_xmp(packet: bytes) -> Meta:
    """Title, description, subject (tags) and rating of an XMP packet (embedded or sidecar)."""
    meta = Meta()
    try:
        root = ElementTree.fromstring(packet)
    except ElementTree.ParseError:
        return meta
    rdf, dc, xmp = "{{{}}}".format(NS["rdf"]), "{{{}}}".format(NS["dc"]), "{{{}}}".format(NS["xmp"])

    def texts(el: ElementTree.Element) -> list[str]:
        return [li.text.strip() for li in el.iter(rdf + "li") if li.text and li.text.strip()]

    for desc in root.iter(rdf + "Description"):
        rating = desc.get(xmp + "Rating")
        for el in desc:
            if el.tag == dc + "title":
                meta.title = (texts(el) or [None])[0] or meta.title
            elif el.tag == dc + "description":
                meta.description = (texts(el) or [None])[0] or meta.description
            elif el.tag == dc + "subject":
                meta.tags = texts(el) or meta.tags
            elif el.tag == xmp + "Rating" and el.text:
                rating = el.text
        if rating is not None:
            try:
                meta.rating = int(float(rating))
            except ValueError:
                pass
    return meta


def find_xmp(data: bytes) -> bytes | None:
    m = XMP_START.search(data)
    if not m:
        return None
    end = data.find(XMP_END[m.group(0)], m.start())
    if end < 0:
        return None
    return data[m.start() : end + len(XMP_END[m.group(0)])]


def extract_meta(path: Path, mtype: str, head: bytes | None = None) -> Meta | None:
    """Metadata the file itself carries: Markdown front matter, HTML title/meta, embedded or sidecar XMP."""
    try:
        if mtype == "text/markdown":
            text = (head if head is not None else path.read_bytes()).decode("utf-8", "replace")
            fm = parse_front_matter(text)
            return meta_from_mapping(fm) if fm else None
        if DOC_KINDS.get(mtype) == "html":
            p = _HtmlMeta()
            p.feed((head if head is not None else path.read_bytes()).decode("utf-8", "replace"))
            return meta_from_mapping(p.data) if p.data else None
        if mtype.startswith(("image/", "video/")) or mtype == "application/pdf":
            sidecar = path.with_suffix(".xmp")
            if sidecar.is_file():
                return parse_xmp(sidecar.read_bytes())
            with open(path, "rb") as fh:
                packet = find_xmp(fh.read(512 * 1024))
            return parse_xmp(packet) if packet else None
    except OSError:
        return None
    return None


# =====================================================================================================
# References
# =====================================================================================================
SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")


@dataclass(frozen=True)
class Link:
    """A link as it stands in a document: ``raw`` is the URL text exactly as written at (line, col)."""

    line: int  # 1-based
    col: int | None  # 0-based character offset in the line; None when not located exactly
    kind: str  # md-link, md-image, md-def, md-autolink, md-html, html-href, html-src, css-url, css-import
    raw: str
    angle: bool = False  # Markdown <destination>: spaces allowed unescaped


def split_url(raw: str) -> tuple[str, str]:
    """(path part, suffix) where suffix is the ``?query#fragment`` as written."""
    for i, ch in enumerate(raw):
        if ch in "?#":
            return raw[:i], raw[i:]
    return raw, ""


def resolve_link(source: str, url: str, *, decode_html: bool = False) -> str | None:
    """The library-relative path a link in ``source`` points to; None for external links, anchors and links
    that leave the library. ``/x`` is relative to the library root (a web site export's root)."""
    u = url.strip()
    if decode_html:
        u = html.unescape(u)
    if u.startswith("<") and u.endswith(">"):
        u = u[1:-1]
    if not u or u.startswith(("#", "//")) or SCHEME.match(u):
        return None
    path, _ = split_url(u)
    if not path:
        return None
    path = unquote(path)
    joined = path.lstrip("/") if path.startswith("/") else posixpath.join(posixpath.dirname(source), path)
    norm = posixpath.normpath(joined) if joined else "."
    if norm == ".":
        return ""
    if norm == ".." or norm.startswith(("../", "/")):
        return None
    return norm


def is_external(url: str) -> bool:
    u = url.strip()
    return bool(not u or u.startswith(("#", "//")) or SCHEME.match(u))


def _line_index(text: str) -> list[int]:
    starts = [0]
    pos = text.find("\n")
    while pos >= 0:
        starts.append(pos + 1)
        pos = text.find("\n", pos + 1)
    return starts


def _locate(starts: list[int], offset: int) -> tuple[int, int]:
    import bisect

    i = bisect.bisect_right(starts, offset) - 1
    return i + 1, offset - starts[i]


# -- HTML and CSS --------------------------------------------------------------------------------------
CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)
CSS_URL = re.compile(r"""url\(\s*(?:"([^"\n]*)"|'([^'\n]*)'|([^)"'\s]*))\s*\)""", re.I)
CSS_IMPORT = re.compile(r"""@import\s+(?:"([^"\n]*)"|'([^'\n]*)')""", re.I)
HTML_ATTR = re.compile(r"""(?<![\w-])(href|src|style)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.I)
LINK_ATTRS = {"href", "src"}


def css_links(text: str, base: int = 0) -> Iterator[tuple[int, str, str]]:
    """(offset, raw, kind) of ``url()`` and ``@import`` in CSS text."""
    clean = CSS_COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
    for rx, kind in ((CSS_URL, "css-url"), (CSS_IMPORT, "css-import")):
        for m in rx.finditer(clean):
            for g in (1, 2, 3) if rx is CSS_URL else (1, 2):
                if m.group(g) is not None:
                    if m.group(g):
                        yield base + m.start(g), m.group(g), kind
                    break


class _HtmlLinks(html.parser.HTMLParser):
    def __init__(self, text: str, starts: list[int]) -> None:
        super().__init__(convert_charrefs=False)
        self.text = text
        self.starts = starts
        self.found: list[tuple[int, str, str]] = []
        self._style = False

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.starts[line - 1] + col

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        raw = self.get_starttag_text() or ""
        base = self._offset()
        for m in HTML_ATTR.finditer(raw):
            name = m.group(1).lower()
            g = 2 if m.group(2) is not None else 3 if m.group(3) is not None else 4
            value = m.group(g)
            if name in LINK_ATTRS:
                if value:
                    self.found.append((base + m.start(g), value, f"html-{name}"))
            else:
                self.found.extend(css_links(value, base + m.start(g)))
        self._style = tag == "style"

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag: str) -> None:
        self._style = False

    def handle_data(self, data: str) -> None:
        if self._style:
            self.found.extend(css_links(data, self._offset()))


def html_links(text: str) -> Iterator[tuple[int, str, str]]:
    p = _HtmlLinks(text, _line_index(text))
    try:
        p.feed(text)
        p.close()
    except AssertionError:  # pragma: no cover - html.parser on pathological input
        pass
    return iter(p.found)


# -- Markdown ------------------------------------------------------------------------------------------
_MD = None
REF_DEF = re.compile(r"\]:[ \t]*\n?[ \t]*(<[^>\n]*>|\S+)")


def _markdown() -> Any:
    """A markdown-it parser whose link, image, autolink, inline-HTML and reference rules note where they matched."""
    global _MD
    if _MD is not None:
        return _MD
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark")
    md.normalizeLink = lambda url: url  # type: ignore[method-assign]  # keep hrefs as written
    md.validateLink = lambda url: True  # type: ignore[method-assign]

    def core_inline(state: Any) -> None:
        for token in state.tokens:
            if token.type == "inline":
                if token.children is None:
                    token.children = []
                state.env["_asyncops_block"] = token
                state.md.inline.parse(token.content, state.md, state.env, token.children)
        state.env.pop("_asyncops_block", None)

    md.core.ruler.at("inline", core_inline)

    def wrap_inline(name: str) -> None:
        rules = md.inline.ruler.__rules__
        original = next(r.fn for r in rules if r.name == name)

        def rule(state: Any, silent: bool) -> bool:
            start, count = state.pos, len(state.tokens)
            ok = original(state, silent)
            block = state.env.get("_asyncops_block")
            if ok and not silent and block is not None and state.src is block.content:
                _note_inline(state, name, start, count, block)
            return ok

        md.inline.ruler.at(name, rule)

    for name in ("link", "image", "autolink", "html_inline"):
        wrap_inline(name)

    block_rules = md.block.ruler.__rules__
    reference = next(r for r in block_rules if r.name == "reference")
    original_reference = reference.fn

    def reference_rule(state: Any, start_line: int, end_line: int, silent: bool) -> bool:
        ok = original_reference(state, start_line, end_line, silent)
        if ok and not silent:
            begin = state.bMarks[start_line] + state.tShift[start_line]
            end = state.eMarks[max(start_line, state.line - 1)]
            m = REF_DEF.search(state.src, begin, end + 1)
            if m:
                raw = m.group(1)
                off = m.start(1)
                angle = raw.startswith("<")
                if angle:
                    raw, off = raw[1:-1], off + 1
                state.env.setdefault("_asyncops_links", []).append(("offset", off, raw, "md-def", angle))
        return ok

    md.block.ruler.at("reference", reference_rule, {"alt": reference.alt})
    _MD = md
    return md


def _note_inline(state: Any, name: str, start: int, count: int, block: Any) -> None:
    src = state.src
    notes = state.env.setdefault("_asyncops_links", [])
    if name in ("link", "image"):
        token = state.tokens[count] if count < len(state.tokens) else None
        if token is None:
            return
        label_start = start + (1 if name == "image" else 0)
        label_end = state.md.helpers.parseLinkLabel(state, label_start, name == "link")
        pos = label_end + 1
        if label_end < 0 or pos >= len(src) or src[pos] != "(":
            return  # reference-style usage: the URL stands in its definition
        pos += 1
        while pos < len(src) and src[pos] in " \t\n":
            pos += 1
        res = state.md.helpers.parseLinkDestination(src, pos, len(src))
        if not res.ok:
            return
        raw = src[pos : res.pos]
        angle = raw.startswith("<")
        if angle:
            raw, pos = raw[1:-1], pos + 1
        if not raw:
            return
        notes.append(("block", block, pos, raw, "md-image" if name == "image" else "md-link", angle))
    elif name == "autolink":
        raw = src[start + 1 : state.pos - 1]
        notes.append(("block", block, start + 1, raw, "md-autolink", False))
    elif name == "html_inline":
        tag = src[start : state.pos]
        for off, raw, kind in html_links(tag):
            notes.append(("block", block, start + off, raw, "md-html" if kind.startswith("html") else kind, False))


def _block_position(block: Any, offset: int, raw: str, lines: list[str]) -> tuple[int, int | None]:
    """File (line, col) of ``offset`` in an inline block's content (container markers were stripped)."""
    content = block.content
    k = content.count("\n", 0, offset)
    line_start = content.rfind("\n", 0, offset) + 1
    col_in = offset - line_start
    line_no = block.map[0] + k if block.map else 0
    if line_no >= len(lines):
        return line_no + 1, None
    fl = lines[line_no].rstrip("\r\n")
    end = content.find("\n", line_start)
    cline = content[line_start:] if end < 0 else content[line_start:end]
    base = None
    if cline and fl.endswith(cline):
        base = len(fl) - len(cline)
    elif cline and fl.rstrip().endswith(cline):
        base = len(fl.rstrip()) - len(cline)
    elif cline:
        i = fl.find(cline)
        base = i if i >= 0 else None
    if base is not None and fl[base + col_in : base + col_in + len(raw)] == raw:
        return line_no + 1, base + col_in
    hits = [m.start() for m in re.finditer(re.escape(raw), fl)]
    if len(hits) == 1:
        return line_no + 1, hits[0]
    return line_no + 1, None


def markdown_links(text: str) -> list[Link]:
    md = _markdown()
    env: dict[str, Any] = {}
    tokens = md.parse(text, env)
    norm = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "\ufffd")
    lines = norm.split("\n")
    starts = _line_index(norm)
    out: list[Link] = []
    for note in env.get("_asyncops_links", []):
        if note[0] == "offset":
            _, off, raw, kind, angle = note
            line, col = _locate(starts, off)
            out.append(Link(line, col, kind, raw, angle))
        else:
            _, block, off, raw, kind, angle = note
            line, col = _block_position(block, off, raw, lines)
            out.append(Link(line, col, kind, raw, angle))
    for tok in tokens:  # raw HTML blocks inside Markdown
        if tok.type == "html_block" and tok.map:
            first = starts[tok.map[0]] if tok.map[0] < len(starts) else 0
            chunk = norm[first : starts[tok.map[1]] if tok.map[1] < len(starts) else len(norm)]
            for off, raw, kind in html_links(chunk):
                line, col = _locate(starts, first + off)
                out.append(Link(line, col, "md-html" if kind.startswith("html") else kind, raw))
    out.sort(key=lambda lk: (lk.line, lk.col if lk.col is not None else -1))
    return out


def document_kind(mtype: str) -> str | None:
    return DOC_KINDS.get(mtype)


def find_links(text: str, kind: str) -> list[Link]:
    """Every link of a document of ``kind`` (md, html or css), in order of appearance."""
    if kind == "md":
        return markdown_links(text)
    starts = _line_index(text)
    found = html_links(text) if kind == "html" else css_links(text)
    out = []
    for off, raw, k in found:
        line, col = _locate(starts, off)
        out.append(Link(line, col, k, raw))
    out.sort(key=lambda lk: (lk.line, lk.col if lk.col is not None else -1))
    return out


def decode(data: bytes) -> str:
    return data.decode("utf-8", "surrogateescape")


def encode(text: str) -> bytes:
    return text.encode("utf-8", "surrogateescape")


def link_target(source: str, link: Link) -> str | None:
    return resolve_link(source, link.raw, decode_html=link.kind.startswith("html") or link.kind == "md-html")


# -- rewriting -----------------------------------------------------------------------------------------
_QUOTE_SAFE = "/~!$&'*+,;=:@-._"
_NEEDS_QUOTE = re.compile(r"[\s#?()<>%\"\\]")


def relink(link: Link, old_source: str, new_source: str, mapping: Callable[[str], str]) -> str | None:
    """The new URL text for ``link`` once its document moved from ``old_source`` to ``new_source`` and every
    path ``p`` became ``mapping(p)``; None when the link still resolves (or points outside the library)."""
    target = link_target(old_source, link)
    if target is None:
        return None
    new_target = mapping(target)
    if link_target(new_source, link) == new_target:
        return None
    path, suffix = split_url(link.raw)
    trailing = "/" if path.endswith("/") and new_target else ""
    if path.startswith("/"):
        new_path = "/" + new_target + trailing
    else:
        base = posixpath.dirname(new_source) or "."
        new_path = posixpath.relpath(new_target or ".", base) + trailing
        if new_path == "./" or new_path == ".":
            new_path = "./"
    html_kind = link.kind.startswith("html") or link.kind == "md-html"
    encoded = "%" in path or (not link.angle and _NEEDS_QUOTE.search(new_path) is not None)
    if encoded:
        new_path = quote(new_path, safe=_QUOTE_SAFE)
    if html_kind:
        new_path = new_path.replace("&", "&amp;") if "&" in new_path and "&amp;" in path else new_path
    return new_path + suffix


def apply_edits(text: str, edits: Sequence[tuple[int, int, str, str]]) -> str:
    """Replace ``old`` by ``new`` at each (line, col); raises ValueError when the text there differs."""
    lines = text.split("\n")
    by_line: dict[int, list[tuple[int, str, str]]] = {}
    for line, col, old, new in edits:
        by_line.setdefault(line, []).append((col, old, new))
    for line, items in by_line.items():
        s = lines[line - 1]
        for col, old, new in sorted(items, reverse=True):
            if s[col : col + len(old)] != old:
                raise ValueError(f"line {line}: expected {old!r} at column {col + 1}")
            s = s[:col] + new + s[col + len(old) :]
        lines[line - 1] = s
    return "\n".join(lines)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write_atomic(path: Path, data: bytes) -> None:
    """Write next to ``path`` and rename over it: a reader sees the old or the new content, never half."""
    tmp = path.with_name(path.name + TMP_SUFFIX)
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    try:
        st = path.stat()
        os.chmod(tmp, stat.S_IMODE(st.st_mode))
    except OSError:
        pass
    os.replace(tmp, path)


# =====================================================================================================
# Scanning
# =====================================================================================================
@dataclass
class Entry:
    rel: str
    is_dir: bool
    size: int
    mtime: float


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


class Reporter:
    """What scanning reports through (a JobContext fits; the default prints nothing)."""

    def info(self, message: str, item: str | None = None) -> None: ...
    def warn(self, message: str, item: str | None = None) -> None: ...
    def advance(self, n: int = 1) -> None: ...
    def set_total(self, total: int | None) -> None: ...

    should_stop = False


def walk(root: Path, start: str = "", report: Reporter | None = None) -> Iterator[Entry]:
    """Every file and folder below ``root/start`` (depth first, sorted), without following symbolic links."""
    report = report or Reporter()
    stack = [start]
    while stack:
        rel = stack.pop()
        folder = root / rel if rel else root
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            report.warn(f"cannot read the folder: {exc.strerror or exc}", item=rel or "/")
            continue
        subdirs = []
        for e in entries:
            if e.name.endswith(TMP_SUFFIX) or e.name.endswith(PART_SUFFIX):
                continue
            child = f"{rel}/{e.name}" if rel else e.name
            try:
                if e.is_symlink():
                    report.warn("symbolic link not indexed (asyncops never follows links)", item=child)
                    continue
                st = e.stat(follow_symlinks=False)
            except OSError as exc:
                report.warn(f"cannot read: {exc.strerror or exc}", item=child)
                continue
            if stat.S_ISDIR(st.st_mode):
                yield Entry(child, True, 0, st.st_mtime)
                subdirs.append(child)
            elif stat.S_ISREG(st.st_mode):
                yield Entry(child, False, st.st_size, st.st_mtime)
        stack.extend(reversed(subdirs))


def _row(library_id: int, e: Entry) -> dict[str, Any]:
    name = posixpath.basename(e.rel)
    return {
        "library_id": library_id,
        "path": e.rel,
        "parent": posixpath.dirname(e.rel),
        "is_dir": e.is_dir,
        "size": e.size,
        "mtime": e.mtime,
        "media_type": FOLDER_TYPE if e.is_dir else media_type(name),
        "title": None,
        "description": None,
        "rating": None,
        "tags": [],
        "props": {},
    }


def scan(
    db: Database,
    lib: LibraryInfo,
    report: Reporter | None = None,
    *,
    under: Sequence[str] = (),
    force: bool = False,
    dry: bool = False,
) -> ScanStats:
    """Index the library (or only the subtrees ``under``): add new entries, update changed ones (size or
    modified time), forget vanished ones, and re-read the metadata and references of new or changed files."""
    report = report or Reporter()
    root = real_root(lib)
    stats = ScanStats()
    prefixes = sorted({normalize(u, root=root) for u in under}) if under else [""]
    if "" in prefixes:
        prefixes = [""]
    found: dict[str, Entry] = {}
    for prefix in prefixes:
        if prefix:
            full = root / prefix
            try:
                st = os.lstat(full)
            except OSError:
                continue
            if stat.S_ISLNK(st.st_mode):
                continue
            found[prefix] = Entry(
                prefix, stat.S_ISDIR(st.st_mode), 0 if stat.S_ISDIR(st.st_mode) else st.st_size, st.st_mtime
            )
            if not stat.S_ISDIR(st.st_mode):
                continue
        for e in walk(root, prefix, report):
            found[e.rel] = e
    # ancestors of the scanned subtrees
    ancestors: set[str] = set()
    for prefix in prefixes:
        parent = parent_of(prefix)
        while parent:
            ancestors.add(parent)
            if parent not in found:
                try:
                    st = os.lstat(root / parent)
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
        reindex(db, lib, to_read[i : i + 500], stats, report, root=root)
    with db.connect_write() as conn:
        if not under:
            conn.execute(update(libraries_t).where(libraries_t.c.id == lib.id).values(scanned_at=utcnow()))
    return stats


def _bp(name: str) -> Any:
    from sqlalchemy import bindparam

    return bindparam(name)


class Prepared:
    """A Core statement compiled once per dialect and run with plain parameter tuples, in the order of
    ``names``: no per-row parameter processing (hot loops of 100,000 rows).

    ``execute``/``executemany`` go through ``Connection.exec_driver_sql``; ``run``/``run_many`` straight to a
    DBAPI cursor of the connection (inside the connection's transaction), for batches where even that matters.
    Values must be what the driver takes as they are (str, int, float, None; JSON already serialized)."""

    def __init__(self, stmt: Any, names: Sequence[str]) -> None:
        self.stmt = stmt
        self.names = tuple(names)
        self._compiled: dict[str, tuple[str, Any]] = {}
        self._fixed: dict[str, Any] = {}

    def sql(self, dialect: Any) -> tuple[str, Any]:
        """(SQL text, parameter order): None = the tuples as given, () = named (a dict), else a tuple of
        positions in ``names`` or ``(value,)`` constants (parameters the statement binds itself, e.g. LIMIT)."""
        got = self._compiled.get(dialect.name)
        if got is None:
            compiled = self.stmt.compile(dialect=dialect)
            fixed = {name: bp.effective_value for bp, name in compiled.bind_names.items()}
            if compiled.positional:
                order = tuple(self.names.index(n) if n in self.names else (fixed[n],) for n in compiled.positiontup)
                got = (str(compiled), None if order == tuple(range(len(self.names))) else order)
            else:
                self._fixed = {k: v for k, v in fixed.items() if k not in self.names}
                got = (str(compiled), ())
            self._compiled[dialect.name] = got
        return got

    def _params(self, order: Any, row: Sequence[Any]) -> Any:
        if order is None:
            return tuple(row)
        if order == ():
            return {**self._fixed, **dict(zip(self.names, row, strict=True))}
        return tuple(row[i] if i.__class__ is int else i[0] for i in order)

    def execute(self, conn: Connection, row: Sequence[Any]) -> Any:
        sql, order = self.sql(conn.dialect)
        return conn.exec_driver_sql(sql, self._params(order, row))

    def executemany(self, conn: Connection, rows: Sequence[Sequence[Any]]) -> Any:
        if not rows:
            return None
        sql, order = self.sql(conn.dialect)
        params = rows if order is None else [self._params(order, r) for r in rows]
        return conn.exec_driver_sql(sql, params)  # type: ignore[arg-type]

    def run(self, cursor: Any, dialect: Any, row: Sequence[Any]) -> Any:
        sql, order = self.sql(dialect)
        cursor.execute(sql, self._params(order, row))
        return cursor

    def run_many(self, cursor: Any, dialect: Any, rows: Sequence[Sequence[Any]]) -> Any:
        if rows:
            sql, order = self.sql(dialect)
            cursor.executemany(sql, rows if order is None else [self._params(order, r) for r in rows])
        return cursor


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
) -> None:
    """Re-read the metadata and the references of catalogued files ``paths`` (a batch)."""
    report = report or Reporter()
    stats = stats or ScanStats()
    root = root or real_root(lib)
    work: list[tuple[int, str, str, Meta]] = []

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
                    work.append((r.id, r.path, r.media_type, Meta.of(r)))

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
    for aid, rel, mtype, meta in work:
        full = root / rel
        kind = document_kind(mtype)
        data: bytes | None = None
        if kind:
            try:
                data = full.read_bytes()
            except OSError as exc:
                report.warn(f"cannot read: {exc.strerror or exc}", item=rel)
                stats.errors += 1
                continue
        extracted = extract_meta(full, mtype, data)
        if extracted is not None and meta.merge_extracted(extracted):
            meta_updates.append({"aid": aid, **meta.values()})
        if kind and data is not None:
            stats.documents += 1
            sources.append(aid)
            for link in find_links(decode(data), kind):
                if is_external(link.raw.strip("<>")):
                    continue
                target = link_target(rel, link)
                if target is None:
                    stats.skipped_links += 1
                    report.warn(f"line {link.line}: link {link.raw!r} leaves the library; not followed", item=rel)
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
                ),
                meta_updates,
            )

    if conn is not None:
        write(conn)
    else:
        with db.connect_write() as c:
            write(c)


# =====================================================================================================
# Catalogue queries used by operations
# =====================================================================================================
@dataclass(frozen=True)
class Counts:
    files: int
    folders: int


def count_under(conn: Connection, library_id: int, paths: Iterable[str]) -> Counts:
    """Files and folders at or below ``paths`` (catalogue only: cheap)."""
    files = folders = 0
    for p in paths:
        rows = conn.execute(
            select(assets_t.c.is_dir, func.count())
            .where(assets_t.c.library_id == library_id, subtree(assets_t.c.path, p))
            .group_by(assets_t.c.is_dir)
        ).all()
        for is_dir, n in rows:
            if is_dir:
                folders += n
            else:
                files += n
    return Counts(files, folders)


def references_into(
    conn: Connection, library_id: int, prefix: str, *, exclude_sources_under: Sequence[str] = ()
) -> list[tuple[str, int, str, str]]:
    """(referring file, line, raw link, target) of references to ``prefix`` or below, from files outside
    ``exclude_sources_under``."""
    src = assets_t.alias("src")
    stmt = (
        select(src.c.path, refs_t.c.line, refs_t.c.raw, refs_t.c.target)
        .join(src, src.c.id == refs_t.c.source_id)
        .where(refs_t.c.library_id == library_id, subtree(refs_t.c.target, prefix))
        .order_by(src.c.path, refs_t.c.line)
    )
    out = []
    for r in conn.execute(stmt):
        if any(is_under(r.path, x) for x in exclude_sources_under):
            continue
        out.append((r.path, r.line, r.raw, r.target))
    return out


def ensure_folders(conn: Connection, library_id: int, root: Path, rel: str) -> None:
    """Catalogue rows for ``rel`` and its ancestors (folders that exist on disk) when missing."""
    parts = []
    p = rel
    while p:
        parts.append(p)
        p = parent_of(p)
    if not parts:
        return
    have = set(
        conn.execute(
            select(assets_t.c.path).where(assets_t.c.library_id == library_id, assets_t.c.path.in_(parts))
        ).scalars()
    )
    rows = []
    for p in reversed(parts):
        if p in have:
            continue
        try:
            st = os.lstat(root / p)
        except OSError:
            continue
        rows.append(_row(library_id, Entry(p, True, 0, st.st_mtime)))
    if rows:
        conn.execute(insert(assets_t), rows)


def json_dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


# =====================================================================================================
# Removing and the trash
# =====================================================================================================
def remove_tree(
    path: Path,
    report: Reporter | None = None,
    on_error: Callable[[str, OSError], None] | None = None,
    on_folder: Callable[[str], None] | None = None,
) -> tuple[int, int]:
    """Delete a file, a symbolic link (never its target) or a folder and everything in it; (files, folders)
    removed. Works on folder descriptors (no symbolic link is ever followed, even one swapped in meanwhile).
    Errors go to ``on_error`` and the rest goes on. ``on_folder`` hears of each folder inside ``path`` that is
    gone with everything in it (its path: ``path``/relative), as soon as it is."""
    report = report or Reporter()
    files = folders = 0

    def fail(p: str, exc: OSError) -> None:
        if on_error is not None:
            on_error(p, exc)

    st = os.lstat(path)
    if not stat.S_ISDIR(st.st_mode):
        try:
            os.unlink(path)
            report.advance()
            return 1, 0
        except OSError as exc:
            fail(str(path), exc)
            return 0, 0
    flags = os.O_RDONLY | os.O_DIRECTORY | getattr(os, "O_NOFOLLOW", 0)
    unlink, rmdir, open_ = os.unlink, os.rmdir, os.open

    def clear(fd: int, where: str) -> bool:
        """Empty the folder open as ``fd``; True when everything in it is gone."""
        nonlocal files, folders
        with os.scandir(fd) as it:
            entries = list(it)
        n = 0
        ok = True
        for e in entries:
            name = e.name
            try:
                is_dir = e.is_dir(follow_symlinks=False)
            except OSError:
                is_dir = False
            if not is_dir:
                try:
                    unlink(name, dir_fd=fd)
                    n += 1
                except OSError as exc:
                    ok = False
                    fail(f"{where}/{name}", exc)
                continue
            try:
                sub = open_(name, flags, dir_fd=fd)
            except OSError as exc:
                ok = False
                fail(f"{where}/{name}", exc)
                continue
            try:
                emptied = clear(sub, f"{where}/{name}")
            finally:
                os.close(sub)
            try:
                rmdir(name, dir_fd=fd)
                folders += 1
                n += 1
            except OSError as exc:
                ok = False
                fail(f"{where}/{name}", exc)
                continue
            if emptied and on_folder is not None:
                on_folder(f"{where}/{name}")
        files += n
        report.advance(n)
        return ok

    fd = os.open(path, flags)
    try:
        clear(fd, str(path))
    finally:
        os.close(fd)
    folders_inside = folders
    try:
        os.rmdir(path)
        folders += 1
        report.advance()
    except OSError as exc:
        fail(str(path), exc)
    files -= folders_inside  # folders were counted in n as well
    return files, folders


def _trash_dirs(path: Path) -> list[Path]:
    """Freedesktop trash folders that may have received ``path`` (home trash first)."""
    out = []
    try:
        from send2trash import plat_other

        out.append(Path(os.fsdecode(plat_other.HOMETRASH_B)))
        top = Path(os.fsdecode(plat_other.find_mount_point(os.fsencode(path.parent))))
        out += [top / ".Trash" / str(os.getuid()), top / f".Trash-{os.getuid()}"]
    except Exception:  # pragma: no cover - non-freedesktop platforms
        xdg = os.environ.get("XDG_DATA_HOME") or os.path.expanduser("~/.local/share")
        out.append(Path(xdg) / "Trash")
    return out


def _info_path(info: Path, trash: Path) -> Path | None:
    try:
        for line in info.read_text("utf-8", "replace").splitlines():
            if line.startswith("Path="):
                p = unquote(line[5:].strip())
                if os.path.isabs(p):
                    return Path(p)
                # relative to the top folder of the volume (the trash is TOP/.Trash-uid or TOP/.Trash/uid)
                top = trash.parent if trash.name.startswith(".Trash-") else trash.parent.parent
                if trash.name == "Trash":  # home trash: relative to XDG_DATA_HOME
                    top = trash.parent
                return top / p
    except OSError:
        return None
    return None


def send_to_trash(path: Path) -> str | None:
    """Move ``path`` to the platform's trash (Send2Trash); the trash entry it became, when it can be found
    (freedesktop trash: the entry under ``files/``), so that it can be restored."""
    from send2trash import send2trash

    absolute = Path(os.path.abspath(path))
    before = time_ns()
    send2trash(os.fspath(absolute))
    if os.name == "nt" or os.uname().sysname == "Darwin":  # pragma: no cover - no restore support there
        return None
    best: tuple[int, Path] | None = None
    stem, ext = os.path.splitext(absolute.name)
    for trash in _trash_dirs(absolute):
        info_dir = trash / "info"
        if not info_dir.is_dir():
            continue
        for info in list(info_dir.glob(f"{glob_escape(stem)}*{glob_escape(ext)}.trashinfo")):
            try:
                m = info.stat().st_mtime_ns
            except OSError:
                continue
            if m < before - 2_000_000_000 or _info_path(info, trash) != absolute:
                continue
            entry = trash / "files" / info.name[: -len(".trashinfo")]
            if os.path.lexists(entry) and (best is None or m > best[0]):
                best = (m, entry)
    return str(best[1]) if best else None


def restore_from_trash(entry: Path, target: Path) -> None:
    """Move a freedesktop trash entry back to ``target`` and drop its .trashinfo; OSError when it cannot."""
    if not os.path.lexists(entry):
        raise FileNotFoundError(f"{entry} is no longer in the trash")
    if os.path.lexists(target):
        raise FileExistsError(f"{target} exists again")
    info = entry.parent.parent / "info" / (entry.name + ".trashinfo")
    if entry.parent.name != "files" or not info.is_file():
        raise FileNotFoundError(f"{entry} is not an entry of a trash folder")
    recorded = _info_path(info, entry.parent.parent)
    if recorded is not None and recorded != target:
        raise ValueError(f"the trash entry {entry.name} came from {recorded}, not {target}")
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.rename(entry, target)
    except OSError as exc:
        import errno
        import shutil

        if exc.errno != errno.EXDEV:
            raise
        shutil.move(os.fspath(entry), os.fspath(target))
    info.unlink(missing_ok=True)


def glob_escape(text: str) -> str:
    import glob

    return glob.escape(text)


def time_ns() -> int:
    import time

    return time.time_ns()
