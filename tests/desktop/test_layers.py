"""The window reaches the core through one door: ``core.api`` (the Tracker) and the plain data types.

Every ``import`` in desktop/ (function-local ones included) is checked against an explicit allow-list. The
composition root (``desktop/app.py``) also reads the database's error type; the demo fixture and the console
script are the only other exceptions, each with its reason. No desktop module imports the engine: the window
runs no job (the engine service does).
"""

from __future__ import annotations

import ast
from pathlib import Path

DESKTOP = Path(__file__).resolve().parents[2] / "desktop"

# modules any desktop module may import from (any name)
DATA_TYPES = {"core.api", "core.records", "core.status", "core.messages", "core.errors"}
# (module, name) pairs allowed everywhere
NAMES = {("core.store.db", "data_dir")}
# per file: more modules / names, with the reason
EXCEPTIONS: dict[str, set[str]] = {
    # the composition root: creates the Tracker, and shows the database's own error when it cannot be opened
    "app.py": {"core.store.db:DatabaseError"},
    # demo data for the screenshots: finished jobs written straight into the store (a fixture, not the window)
    "demo.py": {
        "core",
        "core.store",
        "core.store.jobs",
        "core.store.settings",
        "core.store.schema",
        "core.library",
        "core.store.db",
        "core.users",
        "core.engine",
        "core.operations.command",
        "core.operations.fetch",
    },
    # the console script: with arguments it is the command line
    "launcher.py": {"core.cli:main"},
}


def core_imports(path: Path) -> list[tuple[str, str | None, int]]:
    """Every (module, name, line) imported from core in ``path``; name is None for ``import core.x``."""
    out: list[tuple[str, str | None, int]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out += [(a.name, None, node.lineno) for a in node.names if a.name.split(".")[0] == "core"]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").split(".")[0] == "core":
            module = node.module or ""
            for a in node.names:
                if module == "core":  # from core import api  ->  the module core.api
                    out.append((f"core.{a.name}", None, node.lineno))
                else:
                    out.append((module, a.name, node.lineno))
    return out


def allowed(rel: str, module: str, name: str | None) -> bool:
    if module in DATA_TYPES or (module, name) in NAMES:
        return True
    extra = EXCEPTIONS.get(rel, set())
    return module in extra or f"{module}:{name}" in extra or (module.split(".")[0] in extra and module == "core")


def test_desktop_imports_only_the_door_and_the_data_types() -> None:
    bad = []
    files = sorted(DESKTOP.rglob("*.py"))
    assert len(files) > 10
    for path in files:
        rel = path.relative_to(DESKTOP).as_posix()
        for module, name, line in core_imports(path):
            if not allowed(rel, module, name):
                bad.append(f"desktop/{rel}:{line}: {module}" + (f" import {name}" if name else ""))
    assert bad == [], "desktop/ reaches past core.api:\n" + "\n".join(bad)


def test_the_checker_sees_every_kind_of_import(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import core.store.jobs\nfrom core import settings\nfrom core.api import Tracker\n"
        "def f():\n    from core.store.db import Database, data_dir\n",
        encoding="utf-8",
    )
    found = core_imports(sample)
    assert [(m, n) for m, n, _ in found if not allowed("sample.py", m, n)] == [
        ("core.store.jobs", None),
        ("core.settings", None),
        ("core.store.db", "Database"),
    ]
