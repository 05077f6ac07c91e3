"""Errors that reach a person: each carries a :class:`~core.messages.Message` and the CLI exit code it maps to.

Raise them with a message of a declared code (``NotFound(msg("job.not_found", id=9))``) so that each client
renders the sentence in its language; plain text is still accepted for third-party operations. An error that
belongs to one field of a form names it in ``field``, so a dialog puts it under that field without parsing text.
"""

from __future__ import annotations

from typing import Any

from core.messages import Message, define, msg

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_NOT_FOUND = 3
EXIT_UNREACHABLE = 4

define("param.invalid", "parameter '{param}': {detail}")


class AsyncopsError(Exception):
    exit_code = EXIT_FAILED

    def __init__(self, message: Message | str = "", *, field: str | None = None) -> None:
        self.message = Message.of(message)
        self.field = field
        super().__init__(self.message.text)

    def render(self, translate: Any = None, lang: str = "en") -> str:
        return self.message.render(translate, lang)


class UsageError(AsyncopsError):
    """Bad usage or bad input: nothing was written (exit 2)."""

    exit_code = EXIT_USAGE


class ParamError(UsageError):
    """A parameter of an operation is missing or wrong; ``param`` (and ``field``) name it, ``detail`` says what
    is wrong with it as a message of its own."""

    def __init__(self, param: str, detail: Message | str) -> None:
        self.param = param
        self.detail_message = Message.of(detail)
        super().__init__(msg("param.invalid", param=param, detail=self.detail_message.text), field=param)

    @property
    def detail(self) -> str:
        return self.detail_message.text


class ConflictError(UsageError):
    """The request is well-formed but the job's state forbids it (remove an active job, ...)."""


class NotFound(AsyncopsError):
    exit_code = EXIT_NOT_FOUND


class NotAllowed(AsyncopsError):
    exit_code = EXIT_NOT_FOUND


class Unreachable(AsyncopsError):
    """The database cannot be reached (server down, network): try again later (exit 4)."""

    exit_code = EXIT_UNREACHABLE


class OperationFailed(AsyncopsError):
    """Raised by an operation that ran but failed; ``result`` is still recorded with the job."""

    def __init__(self, message: Message | str, result: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.result = result
