"""Metadata of a catalogued asset, and what files say about themselves (front matter, HTML, XMP)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import html.parser
import posixpath
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from xml.etree import ElementTree

from defusedxml import DefusedXmlException
from defusedxml import ElementTree as DefusedET

from core.library.jail import Jail
from core.library.values import DOC_KINDS, STANDARD, Column, ValueError_, format_date, infer_type
from core.messages import msg

if TYPE_CHECKING:
    pass


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
            raise ValueError_(msg("value.read_only", name=col.name))
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


def _yaml_loader() -> Any:
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader when libyaml is there


def parse_front_matter(text: str) -> dict[str, Any]:
    """The YAML front matter of a Markdown document (PyYAML's safe loader): a mapping, or {} when there is
    none or it does not parse; keys with no value are left out."""
    import yaml

    m = FRONT_MATTER.match(text)
    if not m:
        return {}
    try:
        data = yaml.load(m.group(1), Loader=_yaml_loader())
    except yaml.YAMLError:
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): v for k, v in data.items() if v is not None and v != []}


# The keys the readers below take for the standard fields (any case): {key: field}.
MAPPING_FIELDS = {
    **dict.fromkeys(("title", "dc:title"), "title"),
    **dict.fromkeys(("description", "summary", "dc:description"), "description"),
    **dict.fromkeys(("tags", "keywords", "cq:tags", "dc:subject"), "tags"),
    **dict.fromkeys(("rating", "xmp:rating"), "rating"),
}
HTML_META_FIELDS = {
    "og:title": "title",
    "description": "description",
    "og:description": "description",
    "keywords": "tags",
    "rating": "rating",
}


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
    """A YAML date or time as the catalogue keeps dates: as the export writes them (see ``format_date``)."""
    if isinstance(v, dt.datetime):
        return format_date(v.isoformat())
    if isinstance(v, dt.date):
        return format_date(dt.datetime(v.year, v.month, v.day).isoformat())
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
        root = DefusedET.fromstring(packet)
    except (ElementTree.ParseError, DefusedXmlException, ValueError):
        return meta
    rdf, dc, xmp = "{{{}}}".format(NS["rdf"]), "{{{}}}".format(NS["dc"]), "{{{}}}".format(NS["xmp"])

    def texts(el: ElementTree.Element) -> list[str]:
        return [li.text.strip() for li in el.iter(rdf + "li") if li.text and li.text.strip()]

    for desc in root.iter(rdf + "Description"):
        rating = desc.get(xmp + "Rating")
        for el in desc:
            if el.tag == dc + "title":
                meta.title = next(iter(texts(el)), None) or meta.title
            elif el.tag == dc + "description":
                meta.description = next(iter(texts(el)), None) or meta.description
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


def sidecars(rel: str) -> tuple[str, str]:
    """The XMP sidecar names of ``rel``: ``photo.xmp`` (Lightroom, Bridge) and ``photo.jpg.xmp`` (darktable)."""
    stem, _ = posixpath.splitext(rel)
    return stem + ".xmp", rel + ".xmp"


def extract_meta(jail: Jail, rel: str, mtype: str, data: bytes | None = None) -> Meta | None:
    """Metadata the file itself carries: Markdown front matter, HTML title/meta, embedded or sidecar XMP.
    Everything is read through the library's jail (no symbolic link followed)."""
    try:
        if mtype == "text/markdown":
            text = (data if data is not None else jail.read_bytes(rel)).decode("utf-8", "replace")
            fm = parse_front_matter(text)
            return meta_from_mapping(fm) if fm else None
        if DOC_KINDS.get(mtype) == "html":
            p = _HtmlMeta()
            p.feed((data if data is not None else jail.read_bytes(rel)).decode("utf-8", "replace"))
            return meta_from_mapping(p.data) if p.data else None
        if mtype.startswith(("image/", "video/")) or mtype == "application/pdf":
            for sidecar in sidecars(rel):
                try:
                    return parse_xmp(jail.read_bytes(sidecar, limit=16 << 20))
                except OSError:
                    continue
            packet = find_xmp(jail.read_bytes(rel, limit=512 * 1024))
            return parse_xmp(packet) if packet else None
    except OSError:
        return None
    return None
    return None
