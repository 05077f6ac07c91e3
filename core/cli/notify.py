"""``asyncops notify``: a person's e-mail when their jobs end."""

from __future__ import annotations

import argparse

from core.api import Tracker
from core.cli.formatting import PROG
from core.errors import EXIT_OK, UsageError
from core.store.settings import NOTIFY_WHEN


def add_parser(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    text = "e-mail me when my jobs end (without options: show the setting)"
    p = sub.add_parser("notify", help=text, description=text, parents=[common])
    p.add_argument("--email", metavar="ADDRESS", help="send to this address")
    p.add_argument("--when", choices=NOTIFY_WHEN, help="all (default), failed, or warnings (failed or warnings)")
    p.add_argument("--off", action="store_true", help="no more e-mail")


def cmd_notify(args: argparse.Namespace, t: Tracker) -> int:
    if args.off:
        if args.email or args.when:
            raise UsageError("--off takes no --email or --when")
        t.notify_off()
        print(f"e-mail notifications off for {t.user}")
        return EXIT_OK
    if args.email:
        cfg = t.set_notify(args.email, args.when or "all")
        print(f"{t.user}: e-mail to {cfg.email} when a job ends ({cfg.when})")
        return EXIT_OK
    if args.when:
        current = t.notify_settings()
        if current is None:
            raise UsageError("--when needs --email (no address is set yet)")
        cfg = t.set_notify(current.email, args.when)
        print(f"{t.user}: e-mail to {cfg.email} when a job ends ({cfg.when})")
        return EXIT_OK
    current = t.notify_settings()
    if current is None:
        print(f"no e-mail notifications for {t.user}; turn them on with: {PROG} notify --email ADDRESS")
    else:
        print(f"{t.user}: e-mail to {current.email} when a job ends ({current.when})")
    if waiting := t.mail_waiting():
        print(
            f"{waiting} e-mail(s) wait for a worker to send them (this database's SMTP login is for workers and admins: "
            f"an admin starts one with `{PROG} worker` as an asyncops_worker role)"
        )
    return EXIT_OK
