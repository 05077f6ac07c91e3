"""``asyncops team …``: a team's PostgreSQL roles (init, add-user, list, remove)."""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from pathlib import Path

from core import team
from core.api import Tracker
from core.cli.formatting import PROG, table
from core.errors import EXIT_OK, UsageError


def add_parser(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    text = "a team's PostgreSQL database: roles, grants, row-level security"
    p = sub.add_parser("team", help=text, description=text, parents=[common])
    tsub = p.add_subparsers(dest="team_command", metavar="ACTION", required=True)
    tsub.add_parser(
        "init",
        help="create the schema, the roles asyncops_user/asyncops_admin/asyncops_worker, the grants and the "
        "row-level security (the database owner, once; again after an upgrade)",
        parents=[common],
    )
    a = tsub.add_parser("add-user", help="add a person's login role (admins only)", parents=[common])
    a.add_argument("name", metavar="NAME")
    a.add_argument("--admin", action="store_true", help="sees and acts on everybody's jobs, configures")
    a.add_argument("--worker", action="store_true", help="runs anyone's jobs (asyncops worker)")
    a.add_argument(
        "--password-file",
        metavar="FILE",
        help="read the password from the first line of FILE ('-': standard input); default: ask for it",
    )
    ls = tsub.add_parser("list", help="the team's people", parents=[common])
    ls.add_argument("--json", action="store_true")
    r = tsub.add_parser("remove", help="drop a person's role (admins only; their jobs stay)", parents=[common])
    r.add_argument("name", metavar="NAME")


def _password(args: argparse.Namespace) -> str:
    return read_password(args.password_file, f"password for {args.name}: ")


def read_password(password_file: str | None, prompt: str) -> str:
    """A password from the first line of ``password_file`` ('-': standard input), else asked twice on the
    terminal; never from the command line (the process list and the shell's history would show it)."""
    if password_file:
        try:
            raw = sys.stdin.readline() if password_file == "-" else Path(password_file).read_text()
        except OSError as exc:
            raise UsageError(f"--password-file: cannot read {password_file}: {exc.strerror}") from None
        pw = raw.splitlines()[0] if raw.splitlines() else ""
        if not pw:
            raise UsageError("--password-file: the file's first line is empty")
        return pw
    if not sys.stdin.isatty():
        raise UsageError("no terminal to ask for the password: use --password-file FILE (or - for standard input)")
    pw = getpass.getpass(prompt)
    if pw != getpass.getpass("again: "):
        raise UsageError("the two passwords differ; nothing was changed")
    return pw


def cmd_team(args: argparse.Namespace, t: Tracker) -> int:
    db = t.db
    if args.team_command == "init":
        tables = team.init(db)
        print(
            f"team ready on {db.display_url}: roles {', '.join(team.GROUPS)}; row-level security on jobs, job_log, "
            f"notify_prefs and settings; {len(tables)} tables granted. Add people with: {PROG} team add-user NAME"
        )
        return EXIT_OK
    if args.team_command == "add-user":
        team.require_admin(db)  # before asking for a password
        password = _password(args)
        m = team.add_user(db, args.name, password, admin=args.admin, worker=args.worker)
        print(f"user {m.name} added ({m.kinds}); they connect with --db postgresql+psycopg://{m.name}@HOST/DATABASE")
        return EXIT_OK
    if args.team_command == "remove":
        team.remove_user(db, args.name)
        print(f"user {args.name} removed (their jobs stay)")
        return EXIT_OK
    members = team.members(db)
    if args.json:
        json.dump(
            [{"name": m.name, "admin": m.admin, "worker": m.worker, "login": m.can_login} for m in members],
            sys.stdout,
            indent=2,
        )
        sys.stdout.write("\n")
        return EXIT_OK
    if not members:
        print(f"no team members yet; add one with: {PROG} team add-user NAME")
        return EXIT_OK
    rows = [["NAME", "KIND", "LOGIN"]] + [[m.name, m.kinds, "yes" if m.can_login else "no"] for m in members]
    table(rows, sys.stdout)
    return EXIT_OK
