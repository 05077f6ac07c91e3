"""What files say about themselves, read with well-kept libraries: PyYAML front matter, defusedxml for XMP."""

from __future__ import annotations

import datetime as dt

from core import library as L


def test_front_matter_is_yaml() -> None:
    text = (
        "---\n"
        "title: 'A: quoted title'\n"
        "tags:\n  - one\n  - two\n"
        "rating: 4\n"
        "date: 2024-05-01\n"
        "nested: {a: 1}\n"
        "empty:\n"
        "---\nbody\n"
    )
    fm = L.parse_front_matter(text)
    assert fm["title"] == "A: quoted title" and fm["tags"] == ["one", "two"] and fm["rating"] == 4
    assert fm["date"] == dt.date(2024, 5, 1) and "empty" not in fm
    m = L.meta_from_mapping(fm)
    assert (m.title, m.tags, m.rating) == ("A: quoted title", ["one", "two"], 4)
    assert m.props["date"] == ["Date", "2024-05-01T00:00:00.000+00:00"]  # as the export writes dates
    assert L.parse_front_matter("---\n: : bad: [\n---\n") == {}
    assert L.parse_front_matter("---\n!!python/object:os.system {}\n---\n") == {}  # safe loader only


def test_xmp_with_entities_is_refused() -> None:
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"'
        b' xmlns:dc="http://purl.org/dc/elements/1.1/"><rdf:Description><dc:title><rdf:Alt>'
        b"<rdf:li>&b;</rdf:li></rdf:Alt></dc:title></rdf:Description></rdf:RDF></x:xmpmeta>"
    )
    assert L.parse_xmp(bomb).title is None
