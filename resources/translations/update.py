"""Refresh the Qt Linguist catalogues from the source and compile them.

    .venv/bin/python resources/translations/update.py          # lupdate + numerus marks + lrelease
    .venv/bin/python resources/translations/update.py --release  # lrelease only
    .venv/bin/python resources/translations/update.py --core     # the core catalogues only (no lupdate)

Translate with Qt Linguist (``pyside6-linguist resources/translations/asyncops_fr.ts``) between the two steps.
``pyside6-lupdate`` does not notice the count argument of ``QCoreApplication.translate(ctx, text, None, n)``, so
messages whose text holds ``%n`` are marked numerus here (plural forms: "1 warning" / "3 warnings").
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
LANGS = ("en", "fr")


def tool(name: str) -> str:
    candidate = Path(sys.executable).with_name(name)
    return str(candidate) if candidate.exists() else name


Forms = dict[tuple[str, str], list[str]]


def plural_forms(ts: Path) -> Forms:
    """The finished plural forms of every numerus message, by (context, source)."""
    out: Forms = {}
    if not ts.exists():
        return out
    for ctx in ET.parse(ts).getroot():
        for message in ctx.findall("message"):
            tr = message.find("translation")
            if message.get("numerus") == "yes" and tr is not None and tr.get("type") != "unfinished":
                forms = [f.text or "" for f in tr.findall("numerusform")]
                if any(forms):
                    out[(ctx.findtext("name") or "", message.findtext("source") or "")] = forms
    return out


def mark_numerus(ts: Path, saved: Forms) -> None:
    """Mark ``%n`` messages numerus and give back the plural forms lupdate dropped from them."""
    tree = ET.parse(ts)
    for ctx in tree.getroot():
        for message in ctx.findall("message"):
            source = message.findtext("source") or ""
            if "%n" not in source:
                continue
            message.set("numerus", "yes")
            tr = message.find("translation")
            if tr is None:
                tr = ET.SubElement(message, "translation")
            forms = saved.get((ctx.findtext("name") or "", source))
            if forms and (tr.get("type") == "unfinished" or not list(tr)):
                for child in list(tr):
                    tr.remove(child)
                tr.text = None
                tr.attrib.pop("type", None)
                for form in forms:
                    ET.SubElement(tr, "numerusform").text = form
            elif not list(tr):
                text, tr.text = tr.text or "", None
                for _ in range(2):
                    ET.SubElement(tr, "numerusform").text = text
    ET.indent(tree, space="    ")
    tree.write(ts, encoding="utf-8", xml_declaration=True)


def core_texts() -> dict[str, list[tuple[str, str]]]:
    """What the core says to people, by context: ``messages`` (every declared code: its English template, with
    the code as the disambiguation) and ``operations`` (titles, descriptions, parameter labels, help and
    choices of the built-in operations, queue kinds)."""
    import importlib
    import pkgutil

    sys.path.insert(0, str(ROOT))
    import core
    from core.messages import CATALOG
    from core.operations import registry
    from core.store.settings import QUEUE_KINDS

    for m in pkgutil.walk_packages(core.__path__, "core."):
        if ".migrations" not in m.name and not m.name.endswith("__main__"):
            importlib.import_module(m.name)
    ops: list[str] = list(QUEUE_KINDS)
    for op in registry.all():
        ops += [op.title, op.description, *op.counted_items]
        for p in op.params:
            ops += [p.title, p.help, *p.choices]
    seen: set[str] = set()
    operations = [(t, "") for t in ops if t and not (t in seen or seen.add(t))]
    messages = sorted(((english, code) for code, english in CATALOG.items()), key=lambda m: m[1])
    return {"messages": messages, "operations": operations}


def write_core_catalogue(lang: str) -> Path:
    """``core_LANG.ts`` from :func:`core_texts`, keeping every translation already made; new texts are marked
    unfinished for the translator, texts the core no longer says are dropped."""
    ts = HERE / f"core_{lang}.ts"
    old: dict[tuple[str, str, str], ET.Element] = {}
    if ts.exists():
        for ctx in ET.parse(ts).getroot():
            for m in ctx.findall("message"):
                tr = m.find("translation")
                if tr is not None:
                    key = (ctx.findtext("name") or "", m.findtext("source") or "", m.findtext("comment") or "")
                    old[key] = tr
    root = ET.Element("TS", version="2.1", language=f"{lang}_{'FR' if lang == 'fr' else 'US'}")
    for context, entries in core_texts().items():
        c = ET.SubElement(root, "context")
        ET.SubElement(c, "name").text = context
        for source, comment in entries:
            m = ET.SubElement(c, "message")
            ET.SubElement(m, "source").text = source
            if comment:
                ET.SubElement(m, "comment").text = comment
            kept = old.get((context, source, comment))
            if kept is not None:
                m.append(kept)
            else:
                ET.SubElement(m, "translation", type="unfinished")
    tree = ET.ElementTree(root)
    ET.indent(tree, space="    ")
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return ts


def main(argv: list[str]) -> int:
    files = [HERE / f"asyncops_{lang}.ts" for lang in LANGS]
    core_files = (
        [write_core_catalogue(lang) for lang in LANGS]
        if "--release" not in argv
        else [HERE / f"core_{lang}.ts" for lang in LANGS]
    )
    if "--release" not in argv and "--core" not in argv:
        saved = {ts: plural_forms(ts) for ts in files}
        sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "desktop").rglob("*.py"))
        subprocess.run([tool("pyside6-lupdate"), *sources, "-ts", *map(str, files)], check=True, cwd=ROOT)
        for ts in files:
            mark_numerus(ts, saved[ts])
    for ts in files + core_files:
        subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
