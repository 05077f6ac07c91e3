"""Per-user window preferences (QSettings, INI format): geometry, columns, sort, filters, language.

Configuration that the CLI and the workers must agree on (queues, thresholds, purge) lives in the database,
never here. Tests point QSettings at a temporary folder with ``QSettings.setPath``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings

ORGANIZATION = "asyncops"
APPLICATION = "desktop"


def settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)


def value(key: str, default: Any = None, type_: type | None = None) -> Any:
    s = settings()
    if type_ is not None and s.contains(key):
        raw = s.value(key)
        try:
            if type_ is bool:
                return raw in (True, "true", "1", 1)
            return type_(raw)
        except (TypeError, ValueError):
            return default
    return s.value(key, default)


def set_value(key: str, val: Any) -> None:
    s = settings()
    s.setValue(key, val)
    s.sync()


def language() -> str:
    return str(value("language", "") or "")


def set_language(code: str) -> None:
    set_value("language", code)
