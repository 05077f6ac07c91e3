"""The registry of operations: built-ins plus the entry-point group ``asyncops.operations``."""

from __future__ import annotations

import importlib
import logging
import threading
from importlib.metadata import entry_points

from core.errors import UsageError
from core.messages import define, msg
from core.operations.base import DryRun, Operation, OperationEnv, Param

__all__ = ["DryRun", "Operation", "OperationEnv", "Param", "Registry", "registry"]

log = logging.getLogger(__name__)

define("op.unknown", "unknown operation '{name}' (known: {known})")

ENTRY_POINT_GROUP = "asyncops.operations"
# Modules that define built-in operations; each has a module-level OPERATIONS tuple.
BUILTIN_MODULES = (
    "core.operations.command",
    "core.operations.scan",
    "core.operations.delete",
    "core.operations.restore",
    "core.operations.move",
    "core.operations.metadata_export",
    "core.operations.metadata_import",
    "core.operations.mass_edit",
    "core.operations.fetch",
    "core.operations.writeback",
)


class Registry:
    def __init__(self) -> None:
        self._ops: dict[str, Operation] = {}
        self._lock = threading.RLock()
        self._loaded = False

    def register(self, op: Operation | type[Operation], *, replace: bool = False) -> Operation:
        instance = op() if isinstance(op, type) else op
        if not instance.name:
            raise ValueError(f"{instance!r} has no name")
        with self._lock:
            if instance.name in self._ops and not replace and type(self._ops[instance.name]) is not type(instance):
                raise ValueError(f"an operation named {instance.name!r} is already registered")
            self._ops[instance.name] = instance
        return instance

    def unregister(self, name: str) -> None:
        with self._lock:
            self._ops.pop(name, None)

    def _ensure_loaded(self) -> None:
        if self._loaded:
            return
        with self._lock:
            if self._loaded:
                return
            for module in BUILTIN_MODULES:
                for op in importlib.import_module(module).OPERATIONS:
                    self.register(op)
            for ep in entry_points(group=ENTRY_POINT_GROUP):
                try:
                    self.register(ep.load())
                except Exception:
                    log.exception("cannot load operation %s from %s", ep.name, ep.value)
            # Only now: another thread that saw _loaded must find every operation registered.
            self._loaded = True

    def get(self, name: str) -> Operation:
        self._ensure_loaded()
        try:
            return self._ops[name]
        except KeyError:
            known = ", ".join(sorted(self._ops))
            raise UsageError(msg("op.unknown", name=name, known=known), field="operation") from None

    def __contains__(self, name: object) -> bool:
        self._ensure_loaded()
        return name in self._ops

    def all(self) -> list[Operation]:
        self._ensure_loaded()
        return [self._ops[k] for k in sorted(self._ops)]

    def names(self) -> list[str]:
        return [op.name for op in self.all()]


registry = Registry()
