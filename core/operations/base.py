"""What an operation is: a name, a declared parameter schema, counted items for thresholds, and run().

An operation is a plain object; ``run(ctx, params)`` reports through the JobContext (progress, log, warn,
error, should_stop) and returns a JSON-able result summary. It knows nothing of Qt, threads or the engine's
SQL sessions; operations that need the database (the asset library) open their own sessions on ``ctx.db``.

Third parties publish operations through the entry-point group ``asyncops.operations``: the entry point
names an Operation subclass or instance, e.g. in their pyproject.toml::

    [project.entry-points."asyncops.operations"]
    resize = "mypackage.ops:ResizeImages"
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from core.errors import ParamError
from core.messages import Message, define, msg

if TYPE_CHECKING:
    from core.engine import JobContext
    from core.records import JobSnapshot
    from core.store.db import Database

PARAM_TYPES = (
    "str",
    "text",
    "int",
    "float",
    "bool",
    "choice",
    "list",
    "json",
    "path",
    "folder",
    "file",
    "datetime",
    "dict",
)
define("param.expected_text", "expected text, got {got}")
define("param.expected_int", "expected a whole number, not {value}")
define("param.expected_number", "expected a finite number, not {value}")
define("param.expected_bool", "expected true or false, not {value}")
define("param.expected_choice", "must be one of {choices:list}, not {value}")
define("param.expected_array", "expected a JSON array such as {example}")
define("param.expected_object", "expected a JSON object")
define("param.expected_type", "expected {type}: {detail}")
define("param.bad_item", "item {index} is {value}: each item must be text or a number")
define("param.too_small", "must be at least {minimum}, not {value}")
define("param.too_large", "must be at most {maximum}, not {value}")
define("param.required", "is required")
define("param.unknown", "{operation} has no such parameter (it takes: {names})")
define(
    "pause.unsupported", "{operation} cannot pause: it has no point between items where it could wait; stop it instead"
)

TRUE = {"1", "true", "yes", "on", "y"}
FALSE = {"0", "false", "no", "off", "n", ""}


@dataclass(frozen=True)
class Param:
    """One declared parameter. ``type`` drives both CLI parsing and the GUI form:

    str/text (a line or several), int/float (with minimum/maximum), bool, choice (one of ``choices``),
    list (JSON array or comma-separated), json / dict (JSON), path/folder/file (a path, with a file picker in
    the GUI; ``relative`` ones are inside a library), datetime (ISO-8601).
    """

    name: str
    type: str = "str"
    required: bool = False
    default: Any = None
    help: str = ""
    label: str = ""
    choices: tuple[str, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    relative: bool = False  # a path relative to a library root, not the local file system
    advanced: bool = False  # hidden behind "More options" in the GUI
    json_only: bool = False  # a list given as text must be a JSON array (no comma splitting)
    example: str = ""  # a value that shows the expected form (form placeholders, error messages)

    def __post_init__(self) -> None:
        if self.type not in PARAM_TYPES:
            raise ValueError(f"param {self.name}: unknown type {self.type!r}")

    @property
    def title(self) -> str:
        return self.label or self.name.replace("_", " ").capitalize()

    def coerce(self, value: Any) -> Any:
        """Turn a CLI string or a GUI value into the declared type, or raise ParamError naming this param."""
        t = self.type
        try:
            if t in ("str", "text", "path", "folder", "file"):
                if not isinstance(value, str):
                    raise ParamError(self.name, msg("param.expected_text", got=type(value).__name__))
                return value
            if t == "int":
                if isinstance(value, bool):
                    raise ParamError(self.name, msg("param.expected_int", value=repr(value)))
                v = int(value) if not isinstance(value, float) or value.is_integer() else None
                if v is None:
                    raise ParamError(self.name, msg("param.expected_int", value=repr(value)))
                return self._bounded(v)
            if t == "float":
                if isinstance(value, bool):
                    raise ParamError(self.name, msg("param.expected_number", value=repr(value)))
                number = float(value)
                if not math.isfinite(number):
                    raise ParamError(self.name, msg("param.expected_number", value=repr(value)))
                return self._bounded(number)
            if t == "bool":
                if isinstance(value, bool):
                    return value
                s = str(value).strip().lower()
                if s in TRUE:
                    return True
                if s in FALSE:
                    return False
                raise ParamError(self.name, msg("param.expected_bool", value=repr(value)))
            if t == "choice":
                if value not in self.choices:
                    raise ParamError(
                        self.name, msg("param.expected_choice", choices=list(self.choices), value=repr(value))
                    )
                return value
            if t == "list":
                if isinstance(value, (list, tuple)):
                    return self._items(value)
                text = str(value).strip()
                if text.startswith("[") or self.json_only:
                    try:
                        parsed = json.loads(text)
                    except ValueError:
                        raise ParamError(
                            self.name, msg("param.expected_array", example=self.example or '["a", "b"]')
                        ) from None
                    if not isinstance(parsed, list):
                        raise ParamError(self.name, msg("param.expected_array", example=self.example or '["a", "b"]'))
                    return self._items(parsed)
                return [x.strip() for x in text.split(",") if x.strip()]
            if t in ("json", "dict"):
                parsed = json.loads(value) if isinstance(value, str) else value
                if t == "dict" and not isinstance(parsed, dict):
                    raise ParamError(self.name, msg("param.expected_object"))
                return parsed
            if t == "datetime":
                if isinstance(value, dt.datetime):
                    d = value
                else:
                    d = dt.datetime.fromisoformat(str(value))
                if d.tzinfo is None:
                    d = d.astimezone()
                return d.astimezone(dt.UTC).isoformat()
        except ParamError:
            raise
        except (ValueError, TypeError) as exc:
            raise ParamError(self.name, msg("param.expected_type", type=t, detail=str(exc))) from None
        raise AssertionError(t)

    def _items(self, values: Any) -> list[str]:
        out = []
        for i, x in enumerate(values, 1):
            if x is None or isinstance(x, (dict, list, tuple)):
                raise ParamError(self.name, msg("param.bad_item", index=i, value=json.dumps(x)))
            out.append(str(x).lower() if isinstance(x, bool) else str(x))
        return out

    def _bounded(self, v: float) -> Any:
        if self.minimum is not None and v < self.minimum:
            raise ParamError(self.name, msg("param.too_small", minimum=f"{self.minimum:g}", value=f"{v:g}"))
        if self.maximum is not None and v > self.maximum:
            raise ParamError(self.name, msg("param.too_large", maximum=f"{self.maximum:g}", value=f"{v:g}"))
        return v


@dataclass
class OperationEnv:
    """What an operation may consult before it runs (estimate, dry run, checks)."""

    db: Database
    user: str


@dataclass
class DryRun:
    """What an operation would do: a one-line summary, a sample of the items, and counts."""

    summary: str
    details: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"summary": self.summary, "details": self.details, "counts": self.counts}


class Operation:
    """Base class of every operation. Subclasses set the class attributes and implement run()."""

    name: ClassVar[str] = ""
    title: ClassVar[str] = ""
    description: ClassVar[str] = ""
    params: ClassVar[tuple[Param, ...]] = ()
    # Items counted for thresholds, e.g. ("assets", "folders"), and their default thresholds.
    counted_items: ClassVar[tuple[str, ...]] = ()
    default_thresholds: ClassVar[dict[str, int]] = {}
    # May a job of a dead engine be queued again (the operation picks up where it stopped)?
    resumable: ClassVar[bool] = False
    supports_dry_run: ClassVar[bool] = False
    # Launched by the core itself (restore: by Undo), never offered in New operation.
    internal: ClassVar[bool] = False
    # Can a running job pause at its next item? Such an operation calls ``ctx.pause_point()`` between items
    # (where it checks ``ctx.should_stop``), holding no transaction; the others say why not (pause_refusal).
    pausable: ClassVar[bool] = False
    # The items a retry of only the failed ones takes again (``retry ID --failed-items``): "files", "urls",
    # "rows"; empty: the operation has no such items (``failed_items`` then is never asked).
    retry_items: ClassVar[str] = ""

    # -- parameters -------------------------------------------------------------------------------
    def param(self, name: str) -> Param:
        for p in self.params:
            if p.name == name:
                return p
        raise KeyError(name)

    def validate(self, raw: Mapping[str, Any], env: OperationEnv | None = None) -> dict[str, Any]:
        """Coerce and check the parameters; raises ParamError naming the first bad one."""
        known = {p.name for p in self.params}
        unknown = sorted(set(raw) - known)
        if unknown:
            names = ", ".join(sorted(known)) or "none"
            raise ParamError(unknown[0], msg("param.unknown", operation=self.name, names=names))
        out: dict[str, Any] = {}
        for p in self.params:
            if p.name in raw and raw[p.name] is not None and raw[p.name] != "":
                out[p.name] = p.coerce(raw[p.name])
            elif p.required:
                raise ParamError(p.name, msg("param.required"))
            elif p.default is not None:
                out[p.name] = p.default
        self.check(out, env)
        return out

    def check(self, params: dict[str, Any], env: OperationEnv | None) -> None:
        """Cross-field checks after coercion (override; raise ParamError)."""

    # -- planning ---------------------------------------------------------------------------------
    def estimate(self, env: OperationEnv, params: dict[str, Any]) -> dict[str, int]:
        """Counts of ``counted_items`` this run would touch (compared with the thresholds)."""
        return {}

    def dry_run(self, env: OperationEnv, params: dict[str, Any]) -> DryRun:
        raise NotImplementedError(f"{self.name} has no dry run")

    def label_message(self, params: dict[str, Any]) -> Message:
        """The job's generated label as a message, so each window shows it in its own language (operations
        override this one; ``label_for`` is its English text, stored with the job)."""
        return Message.plain(self.title or self.name)

    def label_for(self, params: dict[str, Any]) -> str:
        """A short human label for the job table (English; see ``label_message``)."""
        return self.label_message(params).text

    def undo(self, result: dict[str, Any] | None, params: dict[str, Any]) -> tuple[str, dict[str, Any]] | None:
        """The (operation, params) that reverses a finished run, or None when it cannot be undone."""
        return None

    def failed_items(self, env: OperationEnv, job: JobSnapshot) -> dict[str, Any] | None:
        """The parameters of a new run over only the items that failed, or were not reached, in ``job`` (a
        finished job of this operation); None when there are none. Operations with ``retry_items`` override it."""
        return None

    def pause_refusal(self) -> Message:
        """Why a job of this operation cannot pause (when ``pausable`` is False)."""
        return msg("pause.unsupported", operation=self.name)

    # -- running ----------------------------------------------------------------------------------
    def run(self, ctx: JobContext, params: dict[str, Any]) -> dict[str, Any] | None:
        raise NotImplementedError

    def describe(self) -> dict[str, Any]:
        """The schema as JSON (for `asyncops operations --json` and tools)."""
        return {
            "name": self.name,
            "title": self.title,
            "description": self.description,
            "counted_items": list(self.counted_items),
            "default_thresholds": dict(self.default_thresholds),
            "resumable": self.resumable,
            "dry_run": self.supports_dry_run,
            "pausable": self.pausable,
            "retry_items": self.retry_items or None,
            "params": [
                {
                    "name": p.name,
                    "type": p.type,
                    "required": p.required,
                    "default": p.default,
                    "help": p.help,
                    "choices": list(p.choices),
                    "minimum": p.minimum,
                    "maximum": p.maximum,
                }
                for p in self.params
            ],
        }
