"""The ``asyncops`` console entry point.

With arguments it is the command line (``core.cli``, no Qt imported); with none it opens the window.
This module imports no Qt at import time, so headless use never needs a display or Qt's system libraries.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args:
        from core.cli import main as cli_main

        return cli_main(args)
    try:
        from desktop.app import main as gui_main
    except ImportError as exc:  # Qt's system libraries missing, typically
        print(f"asyncops: cannot start the window: {exc}\n"
              "Install Qt's system libraries (see README.md), or use the command line: asyncops --help",
              file=sys.stderr)  # fmt: skip
        return 2
    return gui_main()


if __name__ == "__main__":
    sys.exit(main())
