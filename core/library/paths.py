"""Library-relative paths: normalising, resolving inside the root, SQL conditions on subtrees."""

from __future__ import annotations

import os
import posixpath
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    and_,
    or_,
)

from core.errors import NotAllowed, NotFound, ParamError
from core.library.fs import TRASH_DIR
from core.library.jail import is_utf8, shown
from core.library.libraries import LibraryInfo
from core.messages import Message, define, msg

if TYPE_CHECKING:
    pass


TMP_SUFFIX = ".asyncops-tmp"
PART_SUFFIX = ".asyncops-part"
FOLDER_TYPE = "inode/directory"
BATCH = 2000


# =====================================================================================================
# Paths
# =====================================================================================================
define("library.path_param", "parameter {param!r}: {detail}")
define("library.not_a_path", "expected a path, got {type}")
define("library.nul", "{path!r} contains a NUL character")
define("library.leaves_root", "{path!r} leaves the library root: not allowed")
define("library.root_missing", "library {name!r}: its folder {root} is missing (mounted? moved?)")
define(
    "library.root_link",
    "library {name!r}: its folder {root} is now a symbolic link or is reached through one (it leads to "
    "{target}); links are never followed: nothing in it was read or changed",
)
define(
    "library.in_trash",
    "{path!r} is in the library's trash folder {trash}: not allowed (restore brings back what a delete put there)",
)
define(
    "library.not_utf8",
    "{path} is not valid UTF-8: such a name is never catalogued (scan warns about it); rename it to act on it",
)
define("library.is_root", "{path!r} is the library root itself: not allowed")
define("library.through_link", "{path!r} goes through a symbolic link that leaves the library: not allowed")
define("library.path_missing", "{path!r} does not exist in the library {name!r}")


class PathNotFound(NotFound):
    def __init__(self, param: str, message: Message | str) -> None:
        super().__init__(msg("library.path_param", param=param, detail=Message.of(message).text), field=param)
        self.param = param


class PathNotAllowed(NotAllowed):
    def __init__(self, param: str, message: Message | str) -> None:
        super().__init__(msg("library.path_param", param=param, detail=Message.of(message).text), field=param)
        self.param = param


def normalize(rel: str, *, param: str = "path", root: Path | None = None) -> str:
    """A library-relative POSIX path without ``.``/``..`` parts; ``''`` is the root.

    A leading ``/`` means the library root; an absolute path that lies under ``root`` is made relative to it.
    A path that climbs above the root with ``..`` is refused (PathNotAllowed).
    """
    if not isinstance(rel, str):
        raise ParamError(param, msg("library.not_a_path", type=type(rel).__name__))
    if _is_plain(rel):
        return rel
    if "\x00" in rel:
        raise ParamError(param, msg("library.nul", path=rel))
    text = rel.replace("\\", "/") if os.sep == "\\" else rel
    if root is not None and text.startswith("/"):
        r = root.as_posix().rstrip("/") + "/"
        if text.startswith(r) or text == r.rstrip("/"):
            text = text[len(r) :] if text.startswith(r) else ""
    text = text.lstrip("/")
    norm = posixpath.normpath(text) if text else "."
    if norm == ".":
        return ""
    if norm == ".." or norm.startswith("../"):
        raise PathNotAllowed(param, msg("library.leaves_root", path=rel))
    return norm


def _is_plain(rel: str) -> bool:
    """``rel`` is already a normal relative path (the common case: paths as the catalogue writes them), so
    that :func:`normalize` can skip ``normpath``: no leading ``/`` or ``.``, no empty, ``.`` or ``..`` part, no
    trailing ``/``, no NUL and no backslash."""
    return (
        rel != ""
        and rel[0] != "/"
        and rel[0] != "."
        and rel[-1] != "/"
        and "//" not in rel
        and "/." not in rel
        and "\x00" not in rel
        and "\\" not in rel
    )


@dataclass(frozen=True)
class Resolved:
    rel: str  # library-relative POSIX path ('' = the root)
    path: Path  # absolute path on disk (not resolved through a final symlink)

    @property
    def name(self) -> str:
        return posixpath.basename(self.rel)


def real_root(lib: LibraryInfo) -> Path:
    """The library's folder, as it was recorded when the library was added (``library add`` resolves every
    link in the path it is given). NotFound when it is missing, or when it — or a folder above it — has become a
    symbolic link since: the library's content is then elsewhere than where it was added, and a jail never
    follows a link (the same exit code as a missing folder; nothing is read or changed)."""
    root = lib.root
    real = Path(os.path.realpath(root))  # a missing folder is its own real path, unless a link leads elsewhere
    if real != root:
        raise NotFound(msg("library.root_link", name=lib.name, root=str(root), target=str(real)))
    if not root.is_dir():
        raise NotFound(msg("library.root_missing", name=lib.name, root=str(root)))
    return root


def in_trash(rel: str) -> bool:
    """``rel`` (library-relative, normalised) is the library's trash folder or lies inside it."""
    return rel == TRASH_DIR or rel.startswith(TRASH_DIR + "/")


def resolve(
    lib: LibraryInfo, rel: str, *, param: str = "path", must_exist: bool = True, allow_root: bool = False
) -> Resolved:
    """Resolve a library-relative path safely: the result is inside the root, and so is every folder on the way.

    The last component may itself be a symbolic link (it is then handled as a link, never followed); a link
    anywhere before it that leaves the library is refused, and so is a path at or inside the library's trash
    folder (ParamError): only delete and restore act there.
    """
    root = real_root(lib)
    if isinstance(rel, str) and not is_utf8(rel):
        raise ParamError(param, msg("library.not_utf8", path=shown(rel)))
    norm = normalize(rel, param=param, root=root)
    if norm == "" and not allow_root:
        raise PathNotAllowed(param, msg("library.is_root", path=rel))
    if in_trash(norm):
        raise ParamError(param, msg("library.in_trash", path=rel, trash=TRASH_DIR))
    full = root / norm if norm else root
    parent_real = Path(os.path.realpath(full.parent)) if norm else root
    if parent_real != root and root not in parent_real.parents:
        raise PathNotAllowed(param, msg("library.through_link", path=rel))
    # Re-anchor on the real parent, so that a symlinked folder inside the library cannot change it later.
    full = parent_real / full.name if norm else root
    rel_real = full.relative_to(root).as_posix() if norm else ""
    if in_trash(rel_real):  # reached through a link inside the library that points into the trash
        raise ParamError(param, msg("library.in_trash", path=rel, trash=TRASH_DIR))
    if must_exist and not os.path.lexists(full):
        raise PathNotFound(param, msg("library.path_missing", path=rel, name=lib.name))
    return Resolved(rel_real if rel_real != "." else "", full)


def is_under(path: str, prefix: str) -> bool:
    """``path`` equals ``prefix`` or lies below it ('' is the root, above everything)."""
    return prefix == "" or path == prefix or path.startswith(prefix + "/")


def remap(path: str, old: str, new: str) -> str:
    if path == old:
        return new
    return new + path[len(old) :] if old else posixpath.join(new, path)


def subtree(col: Any, prefix: str) -> Any:
    """SQL condition: ``col`` is ``prefix`` or below it (an index range, no LIKE)."""
    if prefix == "":
        return col.is_not(None)
    # One index range [prefix, prefix + '0') ('0' follows '/'), then the filter drops its siblings that only
    # begin like it ('a-b', 'a.md' for 'a'). A bare OR of the two ranges defeats the index inside joins and
    # UPDATE/DELETE: SQLite would scan the whole library for each prefix.
    return and_(col >= prefix, col < prefix + "0", or_(col == prefix, col > prefix + "/"))


def below(col: Any, prefix: str) -> Any:
    """SQL condition: ``col`` lies strictly below ``prefix``."""
    if prefix == "":
        return col != ""
    return and_(col > prefix + "/", col < prefix + "0")


def parent_of(rel: str) -> str:
    return posixpath.dirname(rel)
