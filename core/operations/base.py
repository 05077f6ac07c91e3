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
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from core.errors import ParamError

if TYPE_CHECKING:
    from core.db import Database
    from core.engine import JobContext

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
                    raise ParamError(self.name, f"expected text, got {type(value).__name__}")
                return value
            if t == "int":
                if isinstance(value, bool):
                    raise ParamError(self.name, "expected a whole number")
                v = int(value) if not isinstance(value, float) or value.is_integer() else None
                if v is None:
                    raise ParamError(self.name, f"expected a whole number, not {value!r}")
                return self._bounded(v)
            if t == "float":
                return self._bounded(float(value))
            if t == "bool":
                if isinstance(value, bool):
                    return value
                s = str(value).strip().lower()
                if s in TRUE:
                    return True
                if s in FALSE:
                    return False
                raise ParamError(self.name, f"expected true or false, not {value!r}")
            if t == "choice":
                if value not in self.choices:
                    raise ParamError(self.name, f"must be one of {', '.join(self.choices)}, not {value!r}")
                return value
            if t == "list":
                if isinstance(value, (list, tuple)):
                    return [str(x) for x in value]
                text = str(value).strip()
                if text.startswith("["):
                    parsed = json.loads(text)
                    if not isinstance(parsed, list):
                        raise ParamError(self.name, "expected a JSON array")
                    return [str(x) for x in parsed]
                return [x.strip() for x in text.split(",") if x.strip()]
            if t in ("json", "dict"):
                parsed = json.loads(value) if isinstance(value, str) else value
                if t == "dict" and not isinstance(parsed, dict):
                    raise ParamError(self.name, "expected a JSON object")
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
            raise ParamError(self.name, f"expected {t}: {exc}") from None
        raise AssertionError(t)

    def _bounded(self, v: float) -> Any:
        if self.minimum is not None and v < self.minimum:
            raise ParamError(self.name, f"must be at least {self.minimum:g}, not {v:g}")
        if self.maximum is not None and v > self.maximum:
            raise ParamError(self.name, f"must be at most {self.maximum:g}, not {v:g}")
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
            raise ParamError(unknown[0], f"{self.name} has no such parameter (it takes: {names})")
        out: dict[str, Any] = {}
        for p in self.params:
            if p.name in raw and raw[p.name] is not None and raw[p.name] != "":
                out[p.name] = p.coerce(raw[p.name])
            elif p.required:
                raise ParamError(p.name, "is required")
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

    def label_for(self, params: dict[str, Any]) -> str:
        """A short human label for the job table."""
        return self.title or self.name

    def undo(self, result: dict[str, Any] | None, params: dict[str, Any]) -> tuple[str, dict[str, Any]] | None:
        """The (operation, params) that reverses a finished run, or None when it cannot be undone."""
        return None

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
