"""``fetch``: download a list of URLs into a library folder, several at a time, resuming partial downloads.

Each URL is downloaded into ``NAME.asyncops-part`` next to its final place; a part left by an interrupted run
is resumed with an HTTP ``Range`` request (a server that ignores it sends the whole file again, with a
warning). When complete (and its checksum verified, when one is given) the part is renamed to its final name,
and the downloaded files are indexed. The standard library's urllib does the HTTP.
"""

from __future__ import annotations

import hashlib
import os
import posixpath
import re
import threading
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

from core import library as L
from core.errors import ParamError
from core.operations.base import DryRun, OperationEnv, Param
from core.operations.library_ops import LIB, SAMPLE, LibraryOperation

if TYPE_CHECKING:
    from core.context import JobContext

CHUNK = 256 * 1024
CHECKSUM = re.compile(r"^(?P<algo>[a-z0-9_]+):(?P<hex>[0-9a-fA-F]+)$")


@dataclass(frozen=True)
class Entry:
    url: str
    checksum: str | None  # "sha256:HEX"
    name: str


def _checksum(text: str, where: str) -> str:
    m = CHECKSUM.match(text.strip())
    if not m or m.group("algo") not in hashlib.algorithms_guaranteed:
        raise ParamError(
            where,
            f"{text!r} is not a checksum such as sha256:0123abcd… "
            f"(algorithms: {', '.join(sorted(hashlib.algorithms_guaranteed))})",
        )
    return f"{m.group('algo')}:{m.group('hex').lower()}"


def _name_of(url: str) -> str:
    name = unquote(posixpath.basename(urlsplit(url).path))
    name = name.replace("\x00", "").replace("\\", "_").strip()
    if name in ("", ".", "..") or "/" in name:
        name = "index.html" if name in ("", ".", "..") else name.replace("/", "_")
    return name


class Fetch(LibraryOperation):
    name = "fetch"
    title = "Fetch"
    description = (
        "Download URLs into a library folder, several at a time, resuming partial downloads (HTTP Range), "
        "checking checksums when given; the files are indexed when done."
    )
    params = (
        LIB,
        Param("folder", "folder", required=True, relative=True, help="the library folder to download into"),
        Param("urls", "list", help="the URLs (http or https)"),
        Param(
            "url_file",
            "file",
            help="a file with one URL a line, optionally followed by a checksum "
            "(sha256:HEX); blank lines and # comments are ignored",
        ),
        Param("checksums", "dict", advanced=True, help='expected checksums by URL: {"https://…/a.zip": "sha256:…"}'),
        Param("parallel", "int", default=4, minimum=1, maximum=32, help="downloads at a time"),
        Param("overwrite", "bool", default=False, help="replace files that already exist"),
        Param(
            "timeout",
            "float",
            default=30.0,
            minimum=1,
            maximum=3600,
            advanced=True,
            help="seconds without data before a download fails",
        ),
    )
    counted_items = ("urls",)
    default_thresholds = {"urls": 20}
    resumable = True
    supports_dry_run = True

    def check(self, params: dict[str, Any], env: OperationEnv | None) -> None:
        if bool(params.get("urls")) == bool(params.get("url_file")):
            raise ParamError("urls", "give exactly one of urls or url_file")
        self.entries(params)
        if env is not None:
            lib = self.lib(env.db, params)
            folder = L.resolve(lib, params["folder"], param="folder", must_exist=False, allow_root=True)
            if os.path.lexists(folder.path) and not folder.path.is_dir():
                raise ParamError("folder", f"{folder.rel!r} is a file, not a folder")

    def label_for(self, params: dict[str, Any]) -> str:
        n = len(params.get("urls") or []) or "URLs of " + Path(params.get("url_file") or "").name
        return f"Fetch {n} → /{str(params.get('folder', '')).strip('/')} · {params.get('library', '')}"

    def entries(self, params: dict[str, Any]) -> list[Entry]:
        raw: list[tuple[str, str | None, str]] = []
        if params.get("url_file"):
            path = Path(params["url_file"]).expanduser()
            try:
                text = path.read_text(encoding="utf-8-sig")
            except (OSError, UnicodeDecodeError) as exc:
                raise ParamError("url_file", f"cannot read {path}: {exc}") from None
            for n, line in enumerate(text.splitlines(), 1):
                line = line.strip()
                if not line or line.startswith("#"):
                    continue
                parts = line.split()
                if len(parts) > 2:
                    raise ParamError("url_file", f"line {n}: expected URL [CHECKSUM], not {line!r}")
                raw.append(
                    (
                        parts[0],
                        _checksum(parts[1], f"url_file line {n}") if len(parts) == 2 else None,
                        f"url_file line {n}",
                    )
                )
        else:
            raw = [(u, None, "urls") for u in params["urls"]]
        sums = params.get("checksums") or {}
        for url, value in sums.items():
            if not isinstance(value, str):
                raise ParamError("checksums", f"{url}: expected text such as sha256:…")
        out: list[Entry] = []
        names: set[str] = set()
        for url, checksum, where in raw:
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise ParamError(where if where != "urls" else "urls", f"{url!r} is not an http(s) URL")
            if url in sums:
                checksum = _checksum(sums[url], "checksums")
            name = _name_of(url)
            stem, ext = posixpath.splitext(name)
            k = 1
            while name in names:
                name = f"{stem} ({k}){ext}"
                k += 1
            names.add(name)
            out.append(Entry(url, checksum, name))
        if not out:
            raise ParamError("url_file" if params.get("url_file") else "urls", "no URL given")
        return out

    def estimate(self, env: OperationEnv, params: dict[str, Any]) -> dict[str, int]:
        return {"urls": len(self.entries(params))}

    def dry_run(self, env: OperationEnv, params: dict[str, Any]) -> DryRun:
        lib = self.lib(env.db, params)
        folder = L.resolve(lib, params["folder"], param="folder", must_exist=False, allow_root=True)
        entries = self.entries(params)
        details, exists = [], 0
        for e in entries:
            target = folder.path / e.name
            note = ""
            if target.exists():
                exists += 1
                note = " (exists: replaced)" if params.get("overwrite") else " (exists: skipped)"
            elif (folder.path / (e.name + L.PART_SUFFIX)).exists():
                note = " (partly downloaded: resumed)"
            if len(details) < SAMPLE * 5:
                details.append(f"{e.url} → {posixpath.join(folder.rel, e.name)}{note}")
        return DryRun(
            f"would download {len(entries)} URL(s) into /{folder.rel} ({exists} already there)",
            details,
            {"urls": len(entries), "existing": exists},
        )

    # -- running --------------------------------------------------------------------------------------
    def run(self, ctx: JobContext, params: dict[str, Any]) -> dict[str, Any]:
        lib = self.lib(ctx.db, params)
        root = L.real_root(lib)
        folder = L.resolve(lib, params["folder"], param="folder", must_exist=False, allow_root=True)
        folder.path.mkdir(parents=True, exist_ok=True)
        real = Path(os.path.realpath(folder.path))
        if real != root and root not in real.parents:
            raise ParamError("folder", f"{folder.rel!r} leaves the library through a symbolic link")
        entries = self.entries(params)
        ctx.set_total(len(entries))
        lock = threading.Lock()
        outcome: dict[str, list[Any]] = {"downloaded": [], "skipped": [], "failed": []}
        total_bytes = [0]

        def one(e: Entry) -> None:
            try:
                status, n = self._download(ctx, e, folder.path, params)
            except Exception as exc:  # one URL's failure never stops the others
                ctx.error(f"failed: {type(exc).__name__}: {exc}", item=e.url)
                status, n = "failed", 0
            with lock:
                outcome[status if status in outcome else "failed"].append(
                    posixpath.join(folder.rel, e.name) if status != "failed" else e.url
                )
                total_bytes[0] += n
            ctx.advance()

        with ThreadPoolExecutor(max_workers=params.get("parallel", 4), thread_name_prefix=f"fetch{ctx.job_id}") as ex:
            list(ex.map(one, entries))
        if outcome["downloaded"]:
            L.scan(ctx.db, lib, under=outcome["downloaded"])
        ctx.progress(len(entries), len(entries))
        ctx.info(
            f"{len(outcome['downloaded'])} downloaded ({total_bytes[0]} bytes), {len(outcome['skipped'])} "
            f"skipped, {len(outcome['failed'])} failed"
        )
        return {"library": lib.name, "folder": folder.rel, **outcome, "bytes": total_bytes[0]}

    def _download(self, ctx: JobContext, e: Entry, folder: Path, params: dict[str, Any]) -> tuple[str, int]:
        final = folder / e.name
        part = folder / (e.name + L.PART_SUFFIX)
        if os.path.lexists(final) and not params.get("overwrite"):
            if e.checksum and _digest(final, e.checksum) != e.checksum:
                ctx.error(
                    f"{e.name} exists with another checksum; not replaced (overwrite=true replaces it)", item=e.url
                )
                return "failed", 0
            ctx.warn(f"{e.name} already exists; skipped (overwrite=true replaces it)", item=e.url)
            return "skipped", 0
        offset = part.stat().st_size if part.exists() else 0
        headers = {"User-Agent": "asyncops-fetch"}
        if offset:
            headers["Range"] = f"bytes={offset}-"
        req = urllib.request.Request(e.url, headers=headers)
        timeout = float(params.get("timeout", 30.0))
        written = 0
        try:
            resp = urllib.request.urlopen(req, timeout=timeout)
        except urllib.error.HTTPError as exc:
            if exc.code == 416 and offset:  # the part is already complete
                exc.close()
                resp = None
            else:
                ctx.error(f"HTTP {exc.code} {exc.reason}", item=e.url)
                exc.close()
                return "failed", 0
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", None) or exc
            ctx.error(f"cannot connect: {reason}", item=e.url)
            return "failed", 0
        if resp is not None:
            with resp:
                mode = "wb"
                expected = resp.headers.get("Content-Length")
                if offset and resp.status == 206:
                    cr = resp.headers.get("Content-Range", "")
                    if not cr.startswith(f"bytes {offset}-"):
                        ctx.warn(f"unexpected Content-Range {cr!r}; downloading again from the start", item=e.url)
                        return self._restart(ctx, e, part, folder, params)
                    mode = "ab"
                    ctx.info(f"resuming at byte {offset}", item=e.url)
                elif offset:
                    ctx.warn("the server ignored the range request; downloading again from the start", item=e.url)
                    offset = 0
                with open(part, mode) as fh:
                    while True:
                        if ctx.should_stop:
                            return "failed", written
                        try:
                            chunk = resp.read(CHUNK)
                        except (OSError, ValueError) as exc:
                            ctx.error(
                                f"download cut off after {offset + written} bytes: {exc}; run again to resume",
                                item=e.url,
                            )
                            return "failed", written
                        if not chunk:
                            break
                        fh.write(chunk)
                        written += len(chunk)
                    fh.flush()
                    os.fsync(fh.fileno())
                if expected is not None and int(expected) != written:
                    ctx.error(f"incomplete: {written} of {expected} bytes; run again to resume", item=e.url)
                    return "failed", written
        if e.checksum:
            got = _digest(part, e.checksum)
            if got != e.checksum:
                part.unlink(missing_ok=True)
                ctx.error(
                    f"checksum mismatch: expected {e.checksum}, got {got}; the download was discarded", item=e.url
                )
                return "failed", written
        if os.path.lexists(final) and params.get("overwrite"):
            ctx.warn(f"{e.name} replaced", item=e.url)
        os.replace(part, final)
        ctx.log(f"downloaded {e.name} ({offset + written} bytes)", "INFO", item=e.url)
        return "downloaded", written

    def _restart(self, ctx: JobContext, e: Entry, part: Path, folder: Path, params: dict[str, Any]) -> tuple[str, int]:
        part.unlink(missing_ok=True)
        return self._download(ctx, e, folder, params)


def _digest(path: Path, checksum: str) -> str:
    algo = checksum.split(":", 1)[0]
    h = hashlib.new(algo)
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            h.update(chunk)
    return f"{algo}:{h.hexdigest()}"


OPERATIONS = (Fetch,)
