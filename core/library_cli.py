"""``asyncops library add|list|remove``: the libraries a user has added (the catalogue is filled by ``scan``)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from core import library
from core.messages import define, msg

if TYPE_CHECKING:
    from core.store.db import Database

define("library.added", "library {name!r} added: {root}; index it with: asyncops run scan -p library={name}")
define("library.none", "no libraries; add one with: asyncops library add PATH [--name NAME]")
define(
    "library.removed",
    "library {name!r} removed ({n} catalogue {n:plural:entry|entries} forgotten; no file was touched)",
)


def _db_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--db",
        metavar="URL",
        default=argparse.SUPPRESS,
        help="database: an SQLAlchemy URL or a SQLite file path (default: $ASYNCOPS_DB)",
    )


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Add ``library`` with its actions to the top-level subcommands."""
    text = "add, list or remove asset libraries (folders indexed by the scan operation)"
    p = subparsers.add_parser("library", help=text, description=text)
    _db_option(p)
    sub = p.add_subparsers(dest="library_command", metavar="ACTION", required=True)
    a = sub.add_parser("add", help="add a folder as a library (nothing in it is changed)")
    _db_option(a)
    a.add_argument("path", metavar="PATH", help="the library's folder")
    a.add_argument("--name", help="the library's name (default: the folder's name)")
    ls = sub.add_parser("list", help="the libraries, with their number of files and folders")
    _db_option(ls)
    ls.add_argument("--json", action="store_true")
    rm = sub.add_parser("remove", help="forget a library and its catalogue (its files are not touched)")
    _db_option(rm)
    rm.add_argument("name", metavar="NAME")
    return p


def run_library(args: argparse.Namespace, db: Database) -> int:
    """Run ``asyncops library …``; errors are raised (UsageError → 2, NotFound → 3) for the caller to map."""
    cmd = args.library_command
    if cmd == "add":
        info = library.add_library(db, args.path, args.name)
        print(msg("library.added", name=info.name, root=str(info.root)).text)
        return 0
    if cmd == "list":
        libs = library.list_libraries(db)
        if args.json:
            json.dump([lib.to_json() for lib in libs], sys.stdout, ensure_ascii=False, indent=2)
            sys.stdout.write("\n")
            return 0
        if not libs:
            print(msg("library.none").text)
            return 0
        rows = [["NAME", "FILES", "FOLDERS", "SIZE", "SCANNED", "ROOT"]]
        for lib in libs:
            scanned = lib.scanned_at.astimezone().strftime("%Y-%m-%d %H:%M") if lib.scanned_at else "never"
            rows.append([lib.name, str(lib.files), str(lib.folders), _size(lib.bytes), scanned, str(lib.root)])
        widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
        for r in rows:
            print("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip())
        return 0
    if cmd == "remove":
        n = library.remove_library(db, args.name)
        print(msg("library.removed", name=args.name, n=n).text)
        return 0
    raise AssertionError(cmd)


def _size(n: int) -> str:
    value = float(n)
    for unit in ("B", "KB", "MB", "GB", "TB"):
        if value < 1024 or unit == "TB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return str(n)
