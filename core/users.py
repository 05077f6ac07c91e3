"""Identity and roles: who is asking, and may they see everybody's jobs."""

from __future__ import annotations

import getpass
import os
from typing import TYPE_CHECKING

from core.store import settings

if TYPE_CHECKING:
    from core.store.db import Database


def current_user() -> str:
    """``ASYNCOPS_USER`` when set, else the OS login."""
    name = os.environ.get("ASYNCOPS_USER", "").strip()
    if name:
        return name
    try:
        return getpass.getuser()
    except Exception:  # no login name (some containers): fall back to the uid
        return f"uid{os.getuid()}"


def is_admin(db: Database, user: str | None = None) -> bool:
    """``ASYNCOPS_ADMIN=1`` for this process, or the user is named in the ``admins`` setting."""
    if os.environ.get("ASYNCOPS_ADMIN", "").strip() in {"1", "true", "yes"}:
        return True
    return (user or current_user()) in settings.get_admins(db)
