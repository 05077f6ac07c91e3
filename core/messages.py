"""Messages as data: a code and its arguments, rendered by each client in its own language.

Every sentence the core produces for a person (waiting reasons, launch plans, job outcomes, errors, log lines)
is a :class:`Message`: a stable ``code`` and JSON-able ``args``. The English text of each code is declared
once, next to the code that uses it, with :func:`define`; the CLI renders that English text and the window
renders the translation of the same template (the desktop's catalogue holds it under the context
``messages``), so a job logged by an English engine reads in French in a French window.

Templates use ``str.format`` fields with two extras, so that translators can write natural sentences:

- ``{n:plural:item|items}`` picks the singular or plural word for the number ``n`` in the rendering
  language (English: 1 is singular; French: 0 and 1 are);
- ``{paths:list}`` joins a list with ", ";
- ``{when:time}`` shows an ISO-8601 instant in the reader's local time.

Operations written by third parties may still log plain text: ``ctx.log("copied 3 files")`` is a message
without a code, shown as it is in every language.
"""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

CATALOG: dict[str, str] = {}
"""Every known code and its English template."""

Translate = Callable[[str, str], str]
"""``translate(code, english_template) -> template`` in another language."""


def define(code: str, english: str) -> str:
    """Declare ``code`` with its English template; returns the code. Declaring it again differently is a bug."""
    known = CATALOG.get(code)
    if known is not None and known != english:
        raise ValueError(f"message code {code!r} is already defined as {known!r}")
    CATALOG[code] = english
    return code


def _singular(lang: str, n: Any) -> bool:
    try:
        value = abs(float(n))
    except (TypeError, ValueError):
        return False
    return value < 2 if lang == "fr" else value == 1


class _Formatter(string.Formatter):
    def __init__(self, lang: str) -> None:
        self.lang = lang

    def format_field(self, value: Any, format_spec: str) -> str:
        if format_spec.startswith("plural:"):
            one, _, other = format_spec[len("plural:") :].partition("|")
            return one if _singular(self.lang, value) else (other or one)
        if format_spec == "time":  # an ISO-8601 instant, shown in the reader's local time
            try:
                return (
                    dt.datetime.fromisoformat(str(value).replace("Z", "+00:00"))
                    .astimezone()
                    .strftime("%Y-%m-%d %H:%M:%S")
                )
            except ValueError:
                return str(value)
        if format_spec == "list":
            items = value if isinstance(value, (list, tuple)) else [value]
            return ", ".join(str(x) for x in items)
        try:
            return super().format_field(value, format_spec)
        except (ValueError, TypeError):
            return str(value)

    def get_value(self, key: int | str, args: Any, kwargs: Mapping[str, Any]) -> Any:
        if isinstance(key, str):
            return kwargs.get(key, "{" + key + "}")
        return super().get_value(key, args, kwargs)


def format_template(template: str, args: Mapping[str, Any], lang: str = "en") -> str:
    """Fill ``template`` with ``args``; a missing argument stays visible as ``{name}``, never an exception."""
    try:
        return _Formatter(lang).vformat(template, (), dict(args))
    except (ValueError, IndexError, KeyError, AttributeError):
        return template


@dataclass(frozen=True, slots=True)
class Message:
    """A sentence as data. ``code`` is None for plain text (``args["text"]`` holds it)."""

    code: str | None
    args: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def plain(cls, text: str) -> Message:
        return cls(None, {"text": text})

    @classmethod
    def of(cls, value: Message | str) -> Message:
        return value if isinstance(value, Message) else cls.plain(value)

    @classmethod
    def from_json(cls, data: Any, fallback: str = "") -> Message:
        if isinstance(data, Mapping) and isinstance(data.get("code"), str):
            args = data.get("args")
            return cls(data["code"], dict(args) if isinstance(args, Mapping) else {})
        return cls.plain(fallback)

    def to_json(self) -> dict[str, Any] | None:
        return None if self.code is None else {"code": self.code, "args": dict(self.args)}

    def render(self, translate: Translate | None = None, lang: str = "en") -> str:
        if self.code is None:
            return str(self.args.get("text", ""))
        english = CATALOG.get(self.code)
        if english is None:  # a code from a newer version or an unloaded plug-in: say what we know
            return self.code + (" " + str(dict(self.args)) if self.args else "")
        template = translate(self.code, english) if translate is not None else english
        return format_template(template, self.args, lang)

    @property
    def text(self) -> str:
        """The English sentence (the CLI, CSV files and the ``message`` column)."""
        return self.render()

    def __str__(self) -> str:
        return self.text


def msg(code: str, **args: Any) -> Message:
    """A message of a declared code."""
    if code not in CATALOG:
        raise KeyError(f"undeclared message code {code!r}")
    return Message(code, args)
