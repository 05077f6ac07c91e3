"""``asyncops …``: the command line. A contract that scripts and tests rely on.

Exit codes: 0 success; 1 the operation failed or was stopped; 2 bad usage or bad input (a message on
stderr, nothing written); 3 not found or not allowed; 4 the database cannot be reached.

``parser`` holds the grammar, ``commands`` one function per command (parse → Tracker → print), and
``formatting`` what the terminal shows.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import sys
from collections.abc import Callable, Sequence

from sqlalchemy.exc import DatabaseError as SQLAlchemyDatabaseError

from core.api import Tracker
from core.cli import commands as c
from core.cli.desktop_install import cmd_desktop_install
from core.cli.engine_cmd import cmd_engine, recover
from core.cli.formatting import err
from core.cli.notify import cmd_notify
from core.cli.parser import PROG, build_parser, parse_params
from core.cli.team import cmd_team
from core.cli.workflows import COMMANDS as WORKFLOW_COMMANDS
from core.errors import EXIT_FAILED, EXIT_OK, EXIT_UNREACHABLE, EXIT_USAGE, AsyncopsError
from core.library_cli import run_library
from core.store.db import DatabaseError, DatabaseUnreachable

__all__ = ["PROG", "build_parser", "main", "parse_params"]

COMMANDS: dict[str, Callable[..., int]] = {
    "submit": c.cmd_submit,
    "run": c.cmd_run,
    "jobs": c.cmd_jobs,
    "show": c.cmd_show,
    "stop": c.cmd_stop,
    "remove": c.cmd_remove,
    "pause": c.cmd_pause,
    "resume": c.cmd_resume,
    "retry": c.cmd_retry,
    "undo": c.cmd_undo,
    "export-csv": c.cmd_export,
    "purge": c.cmd_purge,
    "worker": c.cmd_worker,
    "engine": cmd_engine,
    "config": c.cmd_config,
    "queue": c.cmd_queue,
    "operations": c.cmd_operations,
    "team": cmd_team,
    "notify": cmd_notify,
    **WORKFLOW_COMMANDS,  # issue 11: priority, profile, chain; submit --after, jobs --profile, retry --failed
}

# Commands that list or act on jobs see the truth first (`show` too, when its job is running): a job whose engine
# is provably gone is recovered (INTERRUPTED, its program ended) before it is listed, stopped, removed, retried, …
RECOVER_FIRST = frozenset(
    {"jobs", "stop", "remove", "pause", "resume", "retry", "undo", "export-csv", "purge", "priority"}
)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    logging.basicConfig(
        level=logging.DEBUG
        if os.environ.get("ASYNCOPS_DEBUG")
        else logging.INFO
        if os.environ.get("ASYNCOPS_VERBOSE")
        else logging.WARNING,
        format=f"{PROG}: %(levelname)s %(name)s: %(message)s",
    )
    tracker: Tracker | None = None
    try:
        parser = build_parser()
        if not argv:
            parser.print_help()
            return EXIT_OK
        args = parser.parse_args(argv)
        if args.command is None:
            parser.print_help()
            return EXIT_OK
        if args.command == "desktop-install":
            return cmd_desktop_install(args)
        tracker = (
            Tracker(getattr(args, "db", None) or None, create=getattr(args, "create", False))
            if args.command != "operations"
            else Tracker.without_database()
        )
        if args.command == "library":
            return run_library(args, tracker.db)
        if args.command in RECOVER_FIRST:
            args.recovered = recover(tracker)
        return COMMANDS[args.command](args, tracker)
    except AsyncopsError as exc:
        err(str(exc))
        return exc.exit_code
    except DatabaseUnreachable as exc:
        err(str(exc))
        return EXIT_UNREACHABLE
    except DatabaseError as exc:
        err(str(exc))
        return EXIT_USAGE
    except SQLAlchemyDatabaseError as exc:
        if "malformed" not in str(exc.orig) and "not a database" not in str(exc.orig):
            return _unexpected(exc)
        # damage deeper in the file than the open's check reads (it reads the header and the schema only)
        err(f"the database file is damaged ({exc.orig}); nothing was changed: restore it from a backup")
        return EXIT_USAGE
    except BrokenPipeError:  # `asyncops jobs | head`
        with contextlib.suppress(Exception):
            sys.stdout = io.StringIO()
        return EXIT_OK
    except KeyboardInterrupt:
        err("interrupted")
        return 130
    except Exception as exc:  # a bug: one sentence, and the traceback only when asked for
        return _unexpected(exc)
    finally:
        if tracker is not None:
            tracker.close()


def _unexpected(exc: Exception) -> int:
    """A bug: one sentence, and the traceback only when asked for (ASYNCOPS_DEBUG=1)."""
    if os.environ.get("ASYNCOPS_DEBUG"):
        raise exc
    err(f"unexpected {type(exc).__name__}: {exc} (set ASYNCOPS_DEBUG=1 for the details)")
    return EXIT_FAILED
