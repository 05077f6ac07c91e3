"""core never imports Qt: it runs headless, from the CLI and under the GUI alike."""

import subprocess
import sys

CHECK = r"""
import importlib, pkgutil, sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in ('PySide6', 'shiboken6', 'PyQt5', 'PyQt6', 'qasync'):
            raise ImportError('Qt is blocked in core: ' + name)
sys.meta_path.insert(0, Block())
import core
names = [m.name for m in pkgutil.walk_packages(core.__path__, 'core.') if '.migrations' not in m.name]
for name in names:
    importlib.import_module(name)
from core.operations import registry
registry.all()
print(len(names))
"""


def test_core_imports_without_qt() -> None:
    out = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert int(out.stdout.strip()) >= 10


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
