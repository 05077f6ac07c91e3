"""Writing a person's edits into the files themselves: YAML front matter for Markdown, ``<title>`` and
``<meta>`` for HTML, an XMP sidecar (``photo.xmp``, or the ``photo.jpg.xmp`` already there) for media.

Each writer takes the current bytes (None when the file does not exist yet) and the fields to write
(``title``, ``description``, ``rating``, ``tags`` and, where the format has room, free properties ``p:NAME``)
and returns the new bytes and the fields it wrote; it raises :class:`Unreadable` rather than replace metadata it
cannot read. Front matter has no place for a JCR type: a free property is written as its value, and the reader
keeps the catalogue's type when the value read back still fits it (``edits.typed_like``).
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Callable
from typing import Any
from xml.etree import ElementTree

import yaml
from defusedxml import DefusedXmlException
from defusedxml import ElementTree as DefusedET

from core.library.extract import FRONT_MATTER, HTML_META_FIELDS, MAPPING_FIELDS, NS, sidecars
from core.library.values import DOC_KINDS

STANDARD_KEYS = ("title", "description", "rating", "tags")


class Unreadable(ValueError):
    """The metadata block of a file cannot be read (front matter that is not a YAML mapping, a sidecar that is
    not XML): the file is not rewritten, since what cannot be read would be lost. ``code`` and ``args`` make the
    warning (with the file's ``path`` added)."""

    def __init__(self, code: str, **args: Any) -> None:
        super().__init__(code)
        self.code = code
        self.args_ = args


def clashes(kind: str, fields: dict[str, Any]) -> dict[str, str]:
    """The free properties (``p:NAME``) of ``fields`` whose key the reader of ``kind`` takes for a standard field
    (``rating`` in front matter, ``keywords`` in HTML): {key: that standard field}. Written, they would replace
    the standard field's value in the file, so they are not written."""
    names = {"md": MAPPING_FIELDS, "html": HTML_META_FIELDS}.get(kind, {})
    out = {}
    for key in fields:
        if key.startswith("p:"):
            field = names.get(key[2:].lower())
            if field is not None:
                out[key] = field
    return out


def target_of(rel: str, mtype: str, exists: Any) -> tuple[str, str] | None:
    """(the file that receives the metadata of ``rel``, its kind: md, html or xmp); None when it has none."""
    kind = DOC_KINDS.get(mtype)
    if kind in ("md", "html"):
        return rel, kind
    if mtype.startswith(("image/", "video/")) or mtype == "application/pdf":
        for sidecar in sidecars(rel):
            if exists(sidecar):
                return sidecar, "xmp"
        return sidecars(rel)[0], "xmp"
    return None


def _date(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return dt.datetime.fromisoformat(value)
        except ValueError:
            return value
    return value


def _value(key: str, v: Any) -> Any:
    """The value to write: a free property's ``[type, value]`` gives its value (dates as dates, which YAML
    keeps as such; the other types are read back as the catalogue's type, see ``edits.merge_file``)."""
    if key.startswith("p:") and isinstance(v, list) and len(v) == 2:
        type_, value = v
        if type_ == "Date":
            return [_date(x) for x in value] if isinstance(value, list) else _date(value)
        return value
    return v


# -- Markdown --------------------------------------------------------------------------------------------
def write_markdown(data: bytes, fields: dict[str, Any]) -> tuple[bytes, list[str]]:
    text = data.decode("utf-8", "surrogateescape")
    m = FRONT_MATTER.match(text)
    mapping: dict[str, Any] = {}
    if m:
        try:
            loaded = yaml.load(m.group(1), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)  # where PyYAML stopped, in the front matter
            line = text[: m.start(1)].count("\n") + 1 + (mark.line if mark is not None else 0)
            problem = getattr(exc, "problem", None) or str(exc)
            raise Unreadable("writeback.bad_front_matter", line=line, problem=" ".join(problem.split())) from None
        if loaded is not None and not isinstance(loaded, dict):
            raise Unreadable("writeback.front_matter_not_mapping")
        mapping = dict(loaded or {})
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    body = text[m.end() :] if m else text[len(bom) :]
    lower = {str(k).lower(): k for k in mapping}
    for key, v in fields.items():
        name = key[2:] if key.startswith("p:") else key
        existing = lower.get(name.lower(), name)
        value = _value(key, v)
        if value is None or value == []:
            mapping.pop(existing, None)
        else:
            mapping[existing] = value
    dumped = yaml.safe_dump(mapping, sort_keys=False, allow_unicode=True, default_flow_style=False)
    out = f"{bom}---\n{dumped}---\n{body}" if mapping else bom + body
    return out.encode("utf-8", "surrogateescape"), list(fields)


# -- HTML ------------------------------------------------------------------------------------------------
_TITLE = re.compile(r"(<title\b[^>]*>)(.*?)(</title\s*>)", re.S | re.I)
_HEAD_END = re.compile(r"</head\s*>", re.I)
_HEAD_START = re.compile(r"<head\b[^>]*>", re.I)


def _meta_tag(name: str) -> re.Pattern[str]:
    return re.compile(r"<meta\b[^>]*\bname\s*=\s*([\"'])" + re.escape(name) + r"\1[^>]*>", re.I)


def _insert_in_head(text: str, tag: str) -> str:
    m = _HEAD_END.search(text)
    if m:
        return text[: m.start()] + tag + "\n" + text[m.start() :]
    m = _HEAD_START.search(text)
    if m:
        return text[: m.end()] + "\n" + tag + text[m.end() :]
    return tag + "\n" + text


def _keep_tags(inner: str) -> Callable[[re.Match[str]], str]:
    return lambda m: m.group(1) + inner + m.group(3)


def _constant(tag: str) -> Callable[[re.Match[str]], str]:
    return lambda m: tag


def write_html(data: bytes, fields: dict[str, Any]) -> tuple[bytes, list[str]]:
    """``<title>`` and the ``<meta>`` of description, keywords and rating. Free properties are not written: the
    reader takes no other ``<meta>`` (a page has many, viewport, generator...), so a property written there would
    not be read back, and the next reading of the page would drop it from the catalogue; they stay edits, as a
    media file's do."""
    text = data.decode("utf-8", "surrogateescape")
    fields = {k: v for k, v in fields.items() if not k.startswith("p:")}
    for key, v in fields.items():
        value = _value(key, v)
        if key == "title":
            inner = html.escape(str(value or ""), quote=False)
            if _TITLE.search(text):
                text = _TITLE.sub(_keep_tags(inner), text, count=1)
            elif value:
                text = _insert_in_head(text, f"<title>{inner}</title>")
            continue
        name = {"description": "description", "tags": "keywords", "rating": "rating"}[key]
        if isinstance(value, list):
            value = ", ".join(str(x) for x in value)
        pattern = _meta_tag(name)
        if value is None or value == "":
            text = pattern.sub("", text, count=1)
            continue
        tag = f'<meta name="{html.escape(name)}" content="{html.escape(str(value))}">'
        if pattern.search(text):
            text = pattern.sub(_constant(tag), text, count=1)
        else:
            text = _insert_in_head(text, tag)
    return text.encode("utf-8", "surrogateescape"), list(fields)


# -- XMP sidecars ----------------------------------------------------------------------------------------
for _prefix, _uri in NS.items():
    ElementTree.register_namespace(_prefix, _uri)
_RDF, _DC, _XMP = (f"{{{NS[k]}}}" for k in ("rdf", "dc", "xmp"))
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SKELETON = (
    f'<x:xmpmeta xmlns:x="{NS["x"]}"><rdf:RDF xmlns:rdf="{NS["rdf"]}">'
    f'<rdf:Description rdf:about="" xmlns:dc="{NS["dc"]}" xmlns:xmp="{NS["xmp"]}"/></rdf:RDF></x:xmpmeta>'
)


def write_xmp(data: bytes | None, fields: dict[str, Any]) -> tuple[bytes, list[str]]:
    """The sidecar with the standard fields set (free properties have no place there: not written)."""
    if not any(key in STANDARD_KEYS for key in fields):
        return data or b"", []  # nothing of the sidecar's to write: no file made or changed
    if data and data.strip():
        try:
            root = DefusedET.fromstring(data)
        except (ElementTree.ParseError, DefusedXmlException, ValueError) as exc:
            raise Unreadable("writeback.bad_xmp", problem=" ".join(str(exc).split())) from None
    else:
        root = ElementTree.fromstring(SKELETON)
    desc = next(root.iter(_RDF + "Description"), None)
    if desc is None:
        rdf = next(root.iter(_RDF + "RDF"), None)
        if rdf is None:
            rdf = ElementTree.SubElement(root, _RDF + "RDF")
        desc = ElementTree.SubElement(rdf, _RDF + "Description", {_RDF + "about": ""})
    written = []
    for key, value in fields.items():
        if key not in STANDARD_KEYS:
            continue
        written.append(key)
        tag = {"title": _DC + "title", "description": _DC + "description", "tags": _DC + "subject"}.get(key)
        if key == "rating":
            desc.attrib.pop(_XMP + "Rating", None)
            for el in desc.findall(_XMP + "Rating"):
                desc.remove(el)
            if value is not None:
                ElementTree.SubElement(desc, _XMP + "Rating").text = str(value)
            continue
        assert tag is not None
        for el in desc.findall(tag):
            desc.remove(el)
        if value is None or value == []:
            continue
        holder = ElementTree.SubElement(desc, tag)
        if key == "tags":
            bag = ElementTree.SubElement(holder, _RDF + "Bag")
            for t in value:
                ElementTree.SubElement(bag, _RDF + "li").text = str(t)
        else:
            alt = ElementTree.SubElement(holder, _RDF + "Alt")
            ElementTree.SubElement(alt, _RDF + "li", {_XML_LANG: "x-default"}).text = str(value)
    body = ElementTree.tostring(root, encoding="unicode")
    packet = f'<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n{body}\n<?xpacket end="w"?>\n'
    return packet.encode("utf-8"), written


def render(kind: str, data: bytes | None, fields: dict[str, Any]) -> tuple[bytes, list[str]]:
    """The new bytes of a file of ``kind`` and the fields written (free properties that :func:`clashes` names
    are never written); :class:`Unreadable` when the file's metadata cannot be read."""
    skip = clashes(kind, fields)
    fields = {k: v for k, v in fields.items() if k not in skip}
    if kind == "md":
        return write_markdown(data or b"", fields)
    if kind == "html":
        return write_html(data or b"", fields)
    return write_xmp(data, fields)
