"""Errors that reach a person: each carries the CLI exit code it maps to."""

from __future__ import annotations


class AsyncopsError(Exception):
    exit_code = 1


class UsageError(AsyncopsError):
    """Bad usage or bad input: nothing was written (exit 2)."""

    exit_code = 2


class ParamError(UsageError):
    """A parameter of an operation is missing or wrong; ``param`` names it (the GUI shows it at the field)."""

    def __init__(self, param: str, message: str) -> None:
        super().__init__(f"parameter {param!r}: {message}")
        self.param = param
        self.detail = message


class ConflictError(UsageError):
    """The request is well-formed but the job's state forbids it (remove an active job, ...)."""


class NotFound(AsyncopsError):
    exit_code = 3


class NotAllowed(AsyncopsError):
    exit_code = 3


class OperationFailed(AsyncopsError):
    """Raised by an operation that ran but failed; ``result`` is still recorded with the job."""

    def __init__(self, message: str, result: dict | None = None) -> None:
        super().__init__(message)
        self.result = result
