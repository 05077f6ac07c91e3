"""Media types, typed values and the DAM's CSV header grammar (``name{{Type: multi}}``)."""

from __future__ import annotations

import datetime as dt
import decimal
import math
import mimetypes
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from core.messages import Message, define, msg

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


# Every JCR property type the DAM accepts; Binary is refused (per column). What each is stored as:
# Long -> int, Double -> float, Boolean -> bool, Date -> ISO-8601 text, Decimal -> its text (exact), the others
# (String, Name, Path, URI, Reference, WeakReference) -> text.
TYPES = (
    "String",
    "Long",
    "Double",
    "Decimal",
    "Boolean",
    "Date",
    "Name",
    "Path",
    "URI",
    "Reference",
    "WeakReference",
)
TEXT_TYPES = frozenset({"String", "Name", "Path", "URI", "Reference", "WeakReference"})
TYPE_ALIASES = {"int": "Long", "integer": "Long", "number": "Double", "calendar": "Date"}
_CANON = {t.lower(): t for t in (*TYPES, "Binary")} | TYPE_ALIASES
LONG_MIN, LONG_MAX = -(2**63), 2**63 - 1
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
# name{{Type}} / name{{Type: multi}}: any case, spaces anywhere inside the braces.
HEADER_RE = re.compile(r"^(?P<name>.*?)\{\{\s*(?P<type>[A-Za-z]*)\s*(?::\s*(?P<multi>[A-Za-z]*)\s*)?\}\}\s*$")

define("value.not_long", "{text!r} is not a Long (a whole number)")
define("value.long_range", "{text!r} does not fit a Long (64 bits)")
define("value.not_double", "{text!r} is not a Double (a number)")
define("value.double_range", "{text!r} is not a finite Double (NaN, infinities and numbers beyond ±1.8e308 are not)")
define("value.not_decimal", "{text!r} is not a Decimal (a number)")
define("value.not_boolean", "{text!r} is not a Boolean (true or false)")
define("value.not_date", "{text!r} is not a Date (ISO-8601, such as 2024-05-01T10:00:00.000+00:00)")
define("value.unknown_type", "unknown type {type!r} in {header!r} (types: {types:list})")
define("value.binary", "{header!r}: Binary values cannot be imported from a CSV file")
define("value.malformed", "malformed header {header!r} (expected name{{{{Type}}}} or name{{{{Type: multi}}}})")
define("value.bad_multi", "{header!r}: {word!r} is not 'multi'")
define("value.empty_name", "empty property name in {header!r}")
define("value.standard_type", "{header!r}: {name} is {want}; read as {want}")
define("value.standard_multi", "{header!r}: {name} holds one value; multiple values are joined")
define("value.read_only", "{name} is read-only")


class ValueError_(ValueError):
    """A value or header that does not fit (``message`` names it)."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.text)
        self.message = message


def canonical_type(word: str) -> str | None:
    """The JCR type a header names (any case; aliases Int, Integer, Number, Calendar); None when unknown."""
    return _CANON.get(word.strip().lower())


def parse_value(text: str, type_: str) -> Any:
    t = text.strip()
    if type_ in TEXT_TYPES:
        return text
    if type_ == "Long":
        try:
            v = int(t) if "_" not in t else int("x")  # Python's digit separators are not JCR's
        except ValueError:
            raise ValueError_(msg("value.not_long", text=text)) from None
        if not LONG_MIN <= v <= LONG_MAX:
            raise ValueError_(msg("value.long_range", text=text))
        return v
    if type_ == "Double":
        try:
            f = float(t) if "_" not in t else float("x")
        except ValueError:
            raise ValueError_(msg("value.not_double", text=text)) from None
        if not math.isfinite(f):  # JSON (where values are kept) and the DAM have no NaN or infinity
            raise ValueError_(msg("value.double_range", text=text))
        return f
    if type_ == "Decimal":
        try:
            exact = decimal.Decimal(t) if "_" not in t else decimal.Decimal("x")
        except decimal.InvalidOperation:
            raise ValueError_(msg("value.not_decimal", text=text)) from None
        if not exact.is_finite():
            raise ValueError_(msg("value.not_decimal", text=text))
        return t
    if type_ == "Boolean":
        low = t.lower()
        if low in ("true", "1", "yes"):
            return True
        if low in ("false", "0", "no"):
            return False
        raise ValueError_(msg("value.not_boolean", text=text))
    if type_ == "Date":
        try:
            dt.datetime.fromisoformat(t.replace("Z", "+00:00"))
        except ValueError:
            raise ValueError_(msg("value.not_date", text=text)) from None
        return format_date(t)  # stored as exported (the DAM's milliseconds and offset): a round trip changes nothing
    raise ValueError_(msg("value.unknown_type", type=type_, header=type_, types=list(TYPES)))


def format_date(value: Any) -> str:
    """A date as the DAM's importer reads it: milliseconds and a numeric offset (2017-07-07T13:29:29.000+00:00)."""
    if isinstance(value, (int, float)):
        d = dt.datetime.fromtimestamp(value, dt.UTC)
    else:
        try:
            d = dt.datetime.fromisoformat(str(value).replace("Z", "+00:00"))
        except ValueError:
            return str(value)
    if d.tzinfo is None:
        d = d.replace(tzinfo=dt.UTC)
    return d.isoformat(timespec="milliseconds")


def format_value(value: Any, type_: str) -> str:
    if value is None:
        return ""
    if type_ == "Boolean":
        return "true" if value else "false"
    if type_ == "Double" and isinstance(value, float) and value.is_integer():
        return repr(value)
    if type_ == "Date":
        return format_date(value)
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
    """The values of a multi-value cell: split on ``delimiter`` (the DAM's format knows no escape)."""
    if text == "":
        return []
    return text.split(delimiter)


def join_multi(values: Iterable[str], delimiter: str) -> str:
    """Values joined with ``delimiter`` as they are (the DAM's format has no escape: a value holding the
    delimiter is reported by the export, not altered)."""
    return delimiter.join(values)


@dataclass(frozen=True)
class Column:
    """A metadata column: ``name{{Type}}`` or ``name{{Type: multi}}``. ``notes`` are header warnings that do
    not refuse the column (a standard field read with its own type, a multi-value header on a single field)."""

    name: str
    type: str
    multi: bool = False
    notes: tuple[Message, ...] = ()

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
    def parse(cls, header: str, *, lenient: bool = False) -> Column:
        """A CSV header (typed or plain) or a property name; raises ValueError_ naming what is wrong. With
        ``lenient`` (import), a standard field with another type or ``multi`` is read with its own type and
        the difference is noted instead of refused."""
        text = header.strip()
        m = HEADER_RE.match(text)
        multi = False
        if m:
            name, word, mword = m.group("name").strip(), m.group("type"), m.group("multi")
            type_ = canonical_type(word) if word else None
            if type_ is None:
                raise ValueError_(msg("value.unknown_type", type=word, header=header, types=list(TYPES)))
            if type_ == "Binary":
                raise ValueError_(msg("value.binary", header=header))
            if mword is not None:
                if mword.lower() != "multi":
                    raise ValueError_(msg("value.bad_multi", header=header, word=mword))
                multi = True
        elif "{{" in text or "}}" in text:
            raise ValueError_(msg("value.malformed", header=header))
        else:
            name, type_ = text, ""
        if not type_:  # short names (title, rating, ...) only stand for the standard fields when untyped
            name = ALIASES.get(name, name)
        if not name:
            raise ValueError_(msg("value.empty_name", header=header))
        if name in STANDARD:
            _, std_type, std_multi = STANDARD[name]
            notes: list[Message] = []
            if type_ and type_ != std_type and not (type_ in TEXT_TYPES and std_type == "String"):
                want = cls(name, std_type, std_multi).header
                if not lenient:
                    raise ValueError_(msg("value.standard_type", header=header, name=name, want=want))
                notes.append(msg("value.standard_type", header=header, name=name, want=want))
            if type_ and multi and not std_multi:
                notes.append(msg("value.standard_multi", header=header, name=name))
            return cls(name, std_type, std_multi, tuple(notes))
        if name in READ_ONLY:
            return cls(name, READ_ONLY[name][1], False)
        return cls(name, type_ or "String", multi)

    def parse_cell(self, text: str, delimiter: str) -> Any:
        """The stored value of a CSV cell (None / [] for an empty cell)."""
        if self.multi:  # a value of only spaces is no value (as an empty one): "a| |b" holds a and b
            return [parse_value(v, self.type) for v in split_multi(text, delimiter) if v.strip()]
        if text == "":
            return None
        return parse_value(text, self.type)

    def format_cell(self, value: Any, delimiter: str) -> str:
        if self.multi or isinstance(value, list):
            if value is None:
                return ""
            items = value if isinstance(value, list) else [value]
            return join_multi((format_value(v, self.type) for v in items), delimiter)
        return format_value(value, self.type)
