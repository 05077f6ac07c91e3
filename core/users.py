"""Identity and roles: who is asking, and may they see everybody's jobs.

On SQLite the file belongs to one person: the user is ``ASYNCOPS_USER``, else the OS login, and an admin is
``ASYNCOPS_ADMIN=1`` or a name in the ``admins`` setting. That check guards against mistakes, not against
someone who can read the file.

On PostgreSQL the identity is the database's: the user is the session's role (``current_user``), an admin is
a superuser or a member of the ``asyncops_admin`` role, and row-level security (``asyncops team init``)
decides what each role sees. ``ASYNCOPS_USER`` and ``ASYNCOPS_ADMIN`` are ignored there, with a warning.
"""

from __future__ import annotations

import functools
import getpass
import logging
import os
from typing import TYPE_CHECKING

from core.store import settings

if TYPE_CHECKING:
    from core.store.db import Database

log = logging.getLogger("asyncops.users")
_warned = False
# The role of the last PostgreSQL session this process opened (a window or a CLI opens one database), so that
# callers that ask without naming the database (``current_user()``) still get the server's identity.
_process_role: str | None = None


def _env_user() -> str:
    name = os.environ.get("ASYNCOPS_USER", "").strip()
    if name:
        return name
    env = os.environ
    for variable in _LOGIN_VARIABLES:  # what getpass.getuser() reads, in its order (the first set one wins)
        login = env.get(variable)
        if login:
            return login
    return _login(os.getuid())


# getpass.getuser()'s variables (Python 3.11): read here in its order so that a submit reads one or two of them, not
# all four as a cache key
_LOGIN_VARIABLES = ("LOGNAME", "USER", "LNAME", "USERNAME")


@functools.cache
def _login(uid: int) -> str:
    """``getpass.getuser()`` once per uid when no variable names the login: it reads the password database then,
    which cost every submit a file read (half of the engine benchmark's submit time)."""
    try:
        return getpass.getuser()
    except Exception:  # no login name (some containers): fall back to the uid
        return f"uid{uid}"


def _env_admin() -> bool:
    return os.environ.get("ASYNCOPS_ADMIN", "").strip() in {"1", "true", "yes"}


def warn_ignored_env() -> None:
    """Once per process: ASYNCOPS_USER / ASYNCOPS_ADMIN mean nothing on PostgreSQL."""
    global _warned
    names = [n for n in ("ASYNCOPS_USER", "ASYNCOPS_ADMIN") if os.environ.get(n, "").strip()]
    if names and not _warned:
        _warned = True
        log.warning(
            "%s ignored: on PostgreSQL you are the database role you connect as, and admins are members of "
            "asyncops_admin",
            " and ".join(names),
        )


def remember_role(role: str) -> None:
    global _process_role
    _process_role = role


def current_user(db: Database | None = None) -> str:
    """The person asking: the session's role on PostgreSQL, else ``ASYNCOPS_USER``, else the OS login."""
    if db is not None and not db.is_sqlite:
        warn_ignored_env()
        return db.session_identity().user
    if db is None and _process_role is not None:
        return _process_role
    return _env_user()


def is_admin(db: Database, user: str | None = None) -> bool:
    """PostgreSQL: a superuser or a member of ``asyncops_admin`` (``user`` is ignored: it is the session's role).
    SQLite: ``ASYNCOPS_ADMIN=1`` for this process, or the user is named in the ``admins`` setting."""
    if not db.is_sqlite:
        warn_ignored_env()
        return db.session_identity().admin
    if _env_admin():
        return True
    return (user or current_user()) in settings.get_admins(db)


def admins_named(db: Database) -> bool:
    """Whether admin-only actions are restricted: on SQLite once ``admins`` names someone; on PostgreSQL once
    ``asyncops team init`` has put row-level security on the database. Before that, the one person using the
    database configures it."""
    if not db.is_sqlite:
        return db.session_identity().team
    return bool(settings.get_admins(db))
