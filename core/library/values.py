"""Media types, typed values and the DAM's CSV header grammar (``name{{Type: multi}}``)."""

from __future__ import annotations

import datetime as dt
import mimetypes
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    pass


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
