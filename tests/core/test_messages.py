"""Messages as data: codes render in English and in French, and every code the core declares has a French text."""

from __future__ import annotations

import importlib
import pkgutil
import string
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import core
from core.messages import CATALOG, Message, define, format_template, msg
from core.operations import registry
from core.store.settings import QUEUE_KINDS

CORE_FR = Path(__file__).resolve().parents[2] / "resources" / "translations" / "core_fr.ts"


def _load_everything() -> None:
    for m in pkgutil.walk_packages(core.__path__, "core."):
        if ".migrations" not in m.name and not m.name.endswith("__main__"):
            importlib.import_module(m.name)
    registry.all()


def _french() -> dict[tuple[str, str], str]:
    out = {}
    for ctx in ET.parse(CORE_FR).getroot():
        name = ctx.findtext("name") or ""
        for m in ctx.findall("message"):
            tr = m.find("translation")
            if tr is not None and tr.get("type") != "unfinished" and (tr.text or "").strip():
                key = m.findtext("comment") if name == "messages" else m.findtext("source")
                out[(name, key or "")] = tr.text or ""
    return out


def _fields(template: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(template) if f}


def test_every_message_code_has_a_french_text_with_the_same_fields() -> None:
    _load_everything()
    fr = _french()
    missing = sorted(code for code in CATALOG if ("messages", code) not in fr)
    assert missing == [], f"codes without French (run resources/translations/update.py --core): {missing}"
    wrong = {c: fr[("messages", c)] for c in CATALOG if _fields(fr[("messages", c)]) != _fields(CATALOG[c])}
    assert wrong == {}


def test_every_operation_text_has_a_french_text() -> None:
    _load_everything()
    fr = _french()
    texts = set(QUEUE_KINDS)
    for op in registry.all():
        texts |= {op.title, op.description, *op.counted_items}
        for p in op.params:
            texts |= {p.title, p.help, *p.choices}
    missing = sorted(t for t in texts if t and ("operations", t) not in fr)
    assert missing == []


def test_plurals_lists_times_and_missing_arguments() -> None:
    code = define("test.files", "{n} {n:plural:file|files} in {paths:list}")
    assert msg(code, n=1, paths=["a", "b"]).text == "1 file in a, b"
    assert msg(code, n=0, paths="a").text == "0 files in a"
    assert format_template("{n} {n:plural:fichier|fichiers}", {"n": 0}, "fr") == "0 fichier"
    assert format_template("{n} {n:plural:fichier|fichiers}", {"n": 2}, "fr") == "2 fichiers"
    assert format_template("at {when:time}", {"when": "not a time"}) == "at not a time"
    assert format_template("{missing} stays", {}) == "{missing} stays"
    assert Message.plain("as is {x}").text == "as is {x}"
    with pytest.raises(KeyError):
        msg("test.undeclared")
    with pytest.raises(ValueError):
        define("test.files", "another text")


def test_a_message_round_trips_through_json_and_an_unknown_code_still_reads() -> None:
    m = msg("wait.queue_full", running=2, capacity=2)
    back = Message.from_json(m.to_json())
    assert back == m and back.text == "queue full (2/2 running)"
    assert Message("from.a.newer.version", {"x": 1}).text == "from.a.newer.version {'x': 1}"
    assert Message.from_json(None, "plain text").text == "plain text"


def test_a_generated_label_reads_in_french_and_a_typed_one_stays(tmp_path) -> None:
    from core.api import Tracker
    from core.records import JobSnapshot

    t = Tracker(str(tmp_path / "l.db"))
    op = t.operation("move")
    params = {"library": "docs", "paths": ["a.md", "b.md"], "destination": "guide"}
    generated = op.label_for(params)
    assert generated == "Move 2 items → guide · docs"
    snap = t.submit("command", {"cmd": "true"})
    as_generated = JobSnapshot.replace(snap, operation="move", params=params, label=generated)
    fr = {c: tr for (ctx, c), tr in _french().items() if ctx == "messages"}
    label = t.display_label(as_generated)
    assert label.render(lambda code, english: fr.get(code, english), "fr") == "Déplacer 2 éléments → guide · docs"
    assert t.display_label(JobSnapshot.replace(as_generated, label="Quarterly move")).text == "Quarterly move"
    t.close()
