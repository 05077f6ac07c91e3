"""The ``asyncops`` console entry point.

With arguments it is the command line (``core.cli``, no Qt imported); with none it opens the window, and with a
lone job link (``asyncops asyncops://job/12``, as resources/asyncops.desktop registers) the window on that job.
This module imports no Qt at import time, so headless use never needs a display or Qt's system libraries.

One window per user and database: when one is open already, the request (raise it, open job N) is handed to it
over a local socket before anything heavy loads, and this process exits 0 at once.
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in ("-v", "--verbose"):  # the INFO lines of asyncops and its libraries on the console
        os.environ["ASYNCOPS_VERBOSE"] = "1"
        args = args[1:]
    job_link = route(args)
    if len(args) == 1 and args[0].startswith("asyncops://") and job_link is None:
        from core.errors import UsageError
        from core.records import parse_job_ref

        try:
            parse_job_ref(args[0])  # a link to no job a window could open (asyncops://job/abc, an id too long)
        except UsageError as exc:
            print(f"asyncops: error: {exc}", file=sys.stderr)
            return 2
    if args and job_link is None:
        from core.cli import main as cli_main

        return cli_main(args)
    from desktop.services.handoff import hand_off

    if hand_off(job_link):  # a window of this user and database is open: it raises itself (and opens the job)
        return 0
    if not _has_display():
        print(
            "asyncops: no display to open the window on (DISPLAY and WAYLAND_DISPLAY are unset).\n"
            "Run it in a desktop session, or use the command line: asyncops --help",
            file=sys.stderr,
        )
        return 2
    try:
        from desktop.app import main as gui_main
    except ImportError as exc:  # Qt's system libraries missing, typically
        print(
            f"asyncops: cannot start the window: {exc}\n"
            "Install Qt's system libraries (see README.md), or use the command line: asyncops --help",
            file=sys.stderr,
        )
        return 2
    return gui_main(open_job=job_link)


def route(args: list[str]) -> int | None:
    """A lone ``asyncops://job/ID`` (what the desktop passes when such a link is clicked) opens the window on
    that job: returns its id. Anything else is the command line's (None)."""
    if len(args) == 1 and args[0].startswith("asyncops://"):
        from desktop.services.links import parse_job_ref

        return parse_job_ref(args[0])
    return None


def _has_display() -> bool:
    """On Linux and the BSDs Qt needs X11 or Wayland, unless a platform is forced (offscreen, vnc, …)."""
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return True
    env = os.environ
    return bool(env.get("DISPLAY") or env.get("WAYLAND_DISPLAY") or env.get("QT_QPA_PLATFORM"))


if __name__ == "__main__":
    sys.exit(main())
