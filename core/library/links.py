"""References between files: finding links in Markdown, HTML and CSS, resolving and rewriting them."""

from __future__ import annotations

import html
import html.parser
import posixpath
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, unquote

from core.library.values import DOC_KINDS

if TYPE_CHECKING:
    pass


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

    # markdown-it's own rule functions (public modules), wrapped under their names: no private internals
    from markdown_it import rules_block, rules_inline

    originals = {
        "link": rules_inline.link,
        "image": rules_inline.image,
        "autolink": rules_inline.autolink,
        "html_inline": rules_inline.html_inline,
    }

    def wrap_inline(name: str) -> None:
        original = originals[name]

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

    original_reference = rules_block.reference

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

    md.block.ruler.at("reference", reference_rule)  # markdown-it declares it with no alternative chains
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
            line, at = _locate(starts, off)
            out.append(Link(line, at, kind, raw, angle))
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
