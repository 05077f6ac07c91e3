"""``asyncops desktop-install``: the desktop entry, the icon and the ``asyncops://`` link handler, per user.

Files go where the XDG specifications say (``$XDG_DATA_HOME``, by default ``~/.local/share``): the entry in
``applications/``, the icon in ``icons/hicolor/256x256/apps/``. ``Exec`` names the absolute path of this very
installation, so the entry works whether or not ``asyncops`` is on PATH.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

from core.errors import EXIT_OK

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
ENTRY = "asyncops.desktop"


def add_parser(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    text = "install the desktop entry, icon and asyncops:// link handler for this user (XDG folders)"
    p = sub.add_parser("desktop-install", help=text, description=text)
    p.add_argument("--uninstall", action="store_true", help="remove what desktop-install put there")


def data_home() -> Path:
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def launcher_command() -> str:
    """How to start this installation: its ``asyncops`` script beside this interpreter, else ``python -m``."""
    script = Path(sys.executable).with_name("asyncops")
    if script.exists():
        return str(script)
    found = shutil.which("asyncops")
    return found or f"{sys.executable} -m desktop.launcher"


def _quiet(*argv: str) -> None:
    if shutil.which(argv[0]):
        subprocess.run(argv, check=False, capture_output=True, timeout=30)


def cmd_desktop_install(args: argparse.Namespace) -> int:
    apps = data_home() / "applications"
    icon = data_home() / "icons" / "hicolor" / "256x256" / "apps" / "asyncops.png"
    entry = apps / ENTRY
    if args.uninstall:
        for path in (entry, icon):
            path.unlink(missing_ok=True)
        _quiet("update-desktop-database", str(apps))
        print(f"removed {entry} and {icon}")
        return EXIT_OK
    text = (RESOURCES / ENTRY).read_text(encoding="utf-8")
    text = text.replace("Exec=asyncops %u", f"Exec={launcher_command()} %u")
    apps.mkdir(parents=True, exist_ok=True)
    icon.parent.mkdir(parents=True, exist_ok=True)
    tmp = entry.with_suffix(".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, entry)
    shutil.copyfile(RESOURCES / "icons" / "asyncops.png", icon)
    _quiet("update-desktop-database", str(apps))
    _quiet("xdg-mime", "default", ENTRY, "x-scheme-handler/asyncops")
    print(f"installed {entry} (asyncops:// links open the window) and {icon}")
    return EXIT_OK
