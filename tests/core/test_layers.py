"""core never imports Qt: it runs headless, from the CLI and under the GUI alike. Nor does it (or the window)
need what only an extra installs: a plain install (`bash bootstrap.sh`) has no PostgreSQL driver and no test
tools."""

import ast
import subprocess
import sys
from pathlib import Path

EXTRAS = ("psycopg", "psycopg_binary", "psycopg_c", "aiosmtpd", "huey", "pytest", "hypothesis")
CHECK = (
    f"EXTRAS = {EXTRAS!r}\n"
    + r"""
import importlib, pkgutil, sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in ('PySide6', 'shiboken6', 'PyQt5', 'PyQt6', 'qasync'):
            raise ImportError('Qt is blocked in core: ' + name)
        if name.split('.')[0] in EXTRAS:
            raise ImportError('only an extra installs ' + name)
sys.meta_path.insert(0, Block())
import core
names = [m.name for m in pkgutil.walk_packages(core.__path__, 'core.') if '.migrations' not in m.name and not m.name.endswith('__main__')]
for name in names:
    importlib.import_module(name)
from core.operations import registry
registry.all()
print(len(names))
"""
)


def test_core_imports_without_qt() -> None:
    out = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert int(out.stdout.strip()) >= 10


def test_the_window_imports_without_the_extras() -> None:
    code = (
        f"import sys\nclass Block:\n def find_spec(self, name, path=None, target=None):\n"
        f"  if name.split('.')[0] in {EXTRAS!r}: raise ImportError('only an extra installs ' + name)\n"
        "sys.meta_path.insert(0, Block())\n"
        "import desktop.app, desktop.main_window, desktop.screenshots\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr


def test_launcher_with_arguments_does_not_import_qt() -> None:
    code = (
        "import sys; from desktop.launcher import main; rc = main(['operations']); "
        "assert 'PySide6' not in sys.modules, 'Qt imported'; sys.exit(rc)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert "command" in out.stdout


def test_no_display_gives_a_clear_message_not_a_qt_abort() -> None:
    import os

    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    out = subprocess.run(
        [sys.executable, "-m", "desktop.launcher"], capture_output=True, text=True, timeout=60, env=env
    )
    assert out.returncode == 2
    assert "no display" in out.stderr and "asyncops --help" in out.stderr


def test_a_lone_job_link_opens_the_window_anything_else_is_the_cli() -> None:
    from desktop.launcher import route

    assert route(["asyncops://job/12"]) == 12
    assert route(["show", "asyncops://job/12"]) is None
    assert route([]) is None
    assert route(["jobs"]) is None


def _imports_of(path: Path, module: str, known: set[str]) -> set[str]:
    """Every core module ``module`` imports when it runs: module-level and function-local imports alike,
    not those under ``if TYPE_CHECKING:`` (annotations only)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out: set[str] = set()
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                for sub in child.orelse:
                    visit(sub)
                continue
            if isinstance(child, ast.Import):
                out.update(a.name for a in child.names)
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    parts = package.split(".")
                    base = ".".join(parts[: len(parts) - child.level + 1] + ([base] if base else []))
                for a in child.names:
                    out.add(f"{base}.{a.name}" if f"{base}.{a.name}" in known else base)
            visit(child)

    visit(tree)
    return {m for m in out if m in known and m != module}


def test_core_has_no_import_cycles() -> None:
    root = Path(__file__).resolve().parents[2]
    files = {}
    for path in (root / "core").rglob("*.py"):
        rel = path.relative_to(root).with_suffix("")
        parts = list(rel.parts)
        if "migrations" in parts:
            continue
        if parts[-1] == "__init__":
            parts = parts[:-1]
        files[".".join(parts)] = path
    known = set(files)
    graph = {m: _imports_of(p, m, known) for m, p in files.items()}
    # a package's own __init__ importing its children, and a child importing its parent package, are the
    # ordinary shape of a package, not a cycle between concerns
    for m in graph:
        graph[m] = {d for d in graph[m] if not (d.startswith(m + ".") or m.startswith(d + "."))}
    cycles = [c for c in _strongly_connected(graph) if len(c) > 1]
    assert cycles == [], f"import cycles in core: {cycles}"


def _strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []

    def strong(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in graph[v]:
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            out.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            strong(v)
    return out
