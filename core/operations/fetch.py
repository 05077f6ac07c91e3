"""``fetch``: download a list of URLs into a library folder, several at a time, resuming partial downloads.

Each URL is downloaded into ``NAME.asyncops-part`` next to its final place, inside the folder's directory
descriptor (opened from the library root without following links); a part left by an interrupted run is resumed
with an HTTP ``Range`` request (a server that ignores it sends the whole file again, with a warning). Something
else planted at the part's name (a symbolic or hard link, a folder) is removed — the link, never its target —
and never written through. When complete (and its checksum verified) the part is renamed to its final name and
the downloaded files are indexed. httpx does the HTTP: pooled connections, streaming, a timeout per read, a
total ``deadline``, ``max_bytes``, redirects to http/https only; a stop request (or the deadline) shuts the
sockets of the downloads in progress, so the job ends at once even against a server that trickles bytes.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import posixpath
import re
import socket
import stat
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

from core import library as L
from core.errors import OperationFailed, ParamError
from core.messages import Message, define, msg
from core.operations.base import DryRun, OperationEnv, Param
from core.operations.library_ops import LIB, SAMPLE, LibraryOperation
from core.operations.outputs import output

if TYPE_CHECKING:
    import httpx

    from core.engine import JobContext
    from core.records import JobSnapshot

define("fetch.bad_checksum", "{text!r} is not a checksum such as sha256:0123abcd… (algorithms: {algorithms:list})")
define("fetch.one_of", "give exactly one of urls or url_file")
define("fetch.not_folder", "{path!r} is a file, not a folder")
define("fetch.unreadable_list", "cannot read {path}: {reason}")
define("fetch.bad_line", "line {line}: expected URL [CHECKSUM], not {text!r}")
define("fetch.bad_checksum_value", "{url}: expected text such as sha256:…")
define("fetch.not_http", "{url!r} is not an http(s) URL")
define("fetch.no_url", "no URL given")
define("fetch.would_item", "{url} → {path}")
define("fetch.note_replaced", "(exists: replaced)")
define("fetch.note_skipped", "(exists: skipped)")
define("fetch.note_resumed", "(partly downloaded: resumed)")
define("fetch.would", "would download {n} {n:plural:URL|URLs} into /{folder} ({existing} already there)")
define("fetch.failed", "failed: {reason}")
define(
    "fetch.done",
    "{downloaded} downloaded ({bytes} bytes), {skipped} skipped, {failed} failed",
)
define("fetch.deadline", "the total deadline passed: the downloads still running were stopped")
define("fetch.part_replaced", "{name} was not a partial download of ours (a link or a folder); removed, starting over")
define("fetch.exists_other", "{name} exists with another checksum; not replaced (overwrite=true replaces it)")
define("fetch.trash_name", "{name} is the name of the library's trash folder; not downloaded into the root")
define("fetch.exists", "{name} already exists; skipped (overwrite=true replaces it)")
define("fetch.cannot_connect", "cannot connect: {reason}")
define("fetch.checksum", "checksum mismatch: expected {expected}, got {got}; the download was discarded")
define("fetch.replaced", "{name} replaced")
define("fetch.downloaded", "downloaded {name} ({bytes} bytes)")
define("fetch.http", "HTTP {status} {reason}")
define("fetch.bad_range", "unexpected Content-Range {range!r}; downloading again from the start")
define("fetch.resuming", "resuming at byte {offset}")
define("fetch.range_ignored", "the server ignored the range request; downloading again from the start")
define("fetch.too_big", "larger than max_bytes ({max_bytes} bytes); the download was stopped")
define("fetch.cut_off", "download cut off after {bytes} bytes: {reason}; run again to resume")
define("fetch.incomplete", "incomplete: {written} of {expected} bytes; run again to resume")
define("fetch.scheme", "redirected to {url}: only http and https are followed")
define("label.fetch", "Fetch {n} {n:plural:URL|URLs} → /{folder} · {library}")
define("label.fetch_file", "Fetch the URLs of {file} → /{folder} · {library}")

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
        raise ParamError(where, msg("fetch.bad_checksum", text=text, algorithms=sorted(hashlib.algorithms_guaranteed)))
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
        Param(
            "deadline",
            "float",
            minimum=1,
            advanced=True,
            help="seconds the whole job may take; the downloads still running then are stopped",
        ),
        Param("max_bytes", "int", minimum=1, advanced=True, help="largest download accepted, in bytes"),
    )
    counted_items = ("urls",)
    default_thresholds = {"urls": 20}
    resumable = True
    supports_dry_run = True
    retry_items = "urls"

    def failed_items(self, env: OperationEnv, job: JobSnapshot) -> dict[str, Any] | None:
        """The URLs that were not downloaded or found there (failed, or not reached when stopped), with their
        checksums; files that already existed (skipped) are not fetched again."""
        result = job.result or {}
        got = set(result.get("downloaded") or []) | set(result.get("skipped") or [])
        folder = str(result.get("folder") or job.params.get("folder") or "").strip("/")
        left = [e for e in self.entries(job.params) if posixpath.join(folder, e.name) not in got]
        if not left:
            return None
        params = {k: v for k, v in job.params.items() if k not in ("url_file", "urls", "checksums")}
        checksums = {e.url: e.checksum for e in left if e.checksum}
        return {**params, "urls": [e.url for e in left], **({"checksums": checksums} if checksums else {})}

    def check(self, params: dict[str, Any], env: OperationEnv | None) -> None:
        if bool(params.get("urls")) == bool(params.get("url_file")):
            raise ParamError("urls", msg("fetch.one_of"))
        self.entries(params)
        if env is not None:
            lib = self.lib(env.db, params)
            folder = L.resolve(lib, params["folder"], param="folder", must_exist=False, allow_root=True)
            if os.path.lexists(folder.path) and not folder.path.is_dir():
                raise ParamError("folder", msg("fetch.not_folder", path=folder.rel))

    def label_message(self, params: dict[str, Any]) -> Message:
        folder, library = str(params.get("folder", "")).strip("/"), params.get("library", "")
        if params.get("urls"):
            return msg("label.fetch", n=len(params["urls"]), folder=folder, library=library)
        name = Path(params.get("url_file") or "").name
        return msg("label.fetch_file", file=name, folder=folder, library=library)

    def entries(self, params: dict[str, Any]) -> list[Entry]:
        raw: list[tuple[str, str | None, str]] = []
        if params.get("url_file"):
            path = Path(params["url_file"]).expanduser()
            try:
                text = path.read_text(encoding="utf-8-sig")
            except (OSError, UnicodeDecodeError) as exc:
                raise ParamError("url_file", msg("fetch.unreadable_list", path=str(path), reason=str(exc))) from None
            for n, line in enumerate(text.splitlines(), 1):
                line = line.strip()
                if not line or line.startswith("#"):
                    continue
                parts = line.split()
                if len(parts) > 2:
                    raise ParamError("url_file", msg("fetch.bad_line", line=n, text=line))
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
                raise ParamError("checksums", msg("fetch.bad_checksum_value", url=url))
        out: list[Entry] = []
        names: set[str] = set()
        for url, checksum, where in raw:
            split_url = urlsplit(url)
            if split_url.scheme not in ("http", "https") or not split_url.hostname:
                raise ParamError(where, msg("fetch.not_http", url=url))
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
            raise ParamError("url_file" if params.get("url_file") else "urls", msg("fetch.no_url"))
        return out

    def estimate(self, env: OperationEnv, params: dict[str, Any]) -> dict[str, int]:
        return {"urls": len(self.entries(params))}

    def dry_run(self, env: OperationEnv, params: dict[str, Any]) -> DryRun:
        lib = self.lib(env.db, params)
        folder = L.resolve(lib, params["folder"], param="folder", must_exist=False, allow_root=True)
        entries = self.entries(params)
        details: list[str] = []
        exists = 0
        for e in entries:
            if not folder.rel and e.name == L.TRASH_DIR:
                details.append(msg("fetch.trash_name", name=e.name).text + f" [{e.url}]")
                continue
            target = folder.path / e.name
            note = ""
            if os.path.lexists(target):
                exists += 1
                note = " " + msg("fetch.note_replaced" if params.get("overwrite") else "fetch.note_skipped").text
            elif os.path.lexists(folder.path / (e.name + L.PART_SUFFIX)):
                note = " " + msg("fetch.note_resumed").text
            if len(details) < SAMPLE * 5:
                details.append(msg("fetch.would_item", url=e.url, path=posixpath.join(folder.rel, e.name)).text + note)
        return DryRun(
            msg("fetch.would", n=len(entries), folder=folder.rel, existing=exists).text,
            details,
            {"urls": len(entries), "existing": exists},
        )

    # -- running --------------------------------------------------------------------------------------
    def run(self, ctx: JobContext, params: dict[str, Any]) -> dict[str, Any]:
        import httpx  # here, not at the module's import: the window lists the operations and never fetches

        lib = self.lib(ctx.db, params)
        folder = L.resolve(lib, params["folder"], param="folder", must_exist=False, allow_root=True)
        entries = self.entries(params)
        ctx.set_total(len(entries))
        lock = threading.Lock()
        outcome: dict[str, list[Any]] = {"downloaded": [], "skipped": [], "failed": []}
        total_bytes = [0]
        timeout = float(params.get("timeout", 30.0))
        deadline = time.monotonic() + float(params.get("deadline") or 24 * 3600)
        watch = _Watch(ctx, deadline)
        with L.Jail(L.real_root(lib)) as jail:
            try:
                dir_fd = jail.open_dir(folder.rel, create=True)
            except L.JailError as exc:
                raise OperationFailed(exc.message) from None
            client = httpx.Client(
                timeout=httpx.Timeout(timeout, connect=timeout),
                limits=httpx.Limits(max_connections=params.get("parallel", 4)),
                follow_redirects=True,
                max_redirects=10,
                headers={"User-Agent": "asyncops-fetch"},
                event_hooks={"request": [_only_http]},
            )
            watcher = threading.Thread(target=watch.run, name=f"fetch{ctx.job_id}-watch", daemon=True)
            watcher.start()

            def one(e: Entry) -> None:
                try:
                    if not folder.rel and e.name == L.TRASH_DIR:  # never replaces the library's trash
                        ctx.warn(msg("fetch.trash_name", name=e.name), item=e.url)
                        status, n = "failed", 0
                    else:
                        status, n = self._download(ctx, client, watch, e, dir_fd, params)
                except Exception as exc:  # one URL's failure never stops the others
                    ctx.error(msg("fetch.failed", reason=f"{type(exc).__name__}: {exc}"), item=e.url)
                    status, n = "failed", 0
                with lock:
                    outcome[status if status in outcome else "failed"].append(
                        posixpath.join(folder.rel, e.name) if status != "failed" else e.url
                    )
                    total_bytes[0] += n
                ctx.advance()

            try:
                with ThreadPoolExecutor(
                    max_workers=params.get("parallel", 4), thread_name_prefix=f"fetch{ctx.job_id}"
                ) as ex:
                    list(ex.map(one, entries))
            finally:
                watch.done.set()
                watcher.join(5)
                client.close()
                os.close(dir_fd)
        if outcome["downloaded"]:
            # through the job: a downloaded file's value under an edit is warned about, as by any scan
            L.scan(ctx.db, lib, ctx, under=outcome["downloaded"])  # type: ignore[arg-type]
        ctx.progress(len(entries), len(entries))
        ctx.info(
            msg(
                "fetch.done",
                downloaded=len(outcome["downloaded"]),
                bytes=total_bytes[0],
                skipped=len(outcome["skipped"]),
                failed=len(outcome["failed"]),
            )
        )
        result = {"library": lib.name, "folder": folder.rel, **outcome, "bytes": total_bytes[0]}
        root = L.real_root(lib)
        result["outputs"] = [output(root / rel, "download") for rel in outcome["downloaded"]]
        if watch.expired:
            raise OperationFailed(msg("fetch.deadline"), result=result)
        return result

    def _part(self, ctx: JobContext, e: Entry, dir_fd: int) -> tuple[int, int]:
        """(descriptor open for appending, bytes already there) of the part file. Only a regular file with a
        single link is resumed; anything else at that name (a symbolic or hard link, a folder) is removed —
        the link, never its target — and a new file is created (O_EXCL | O_NOFOLLOW): nothing is ever
        written through something planted there."""
        part = e.name + L.PART_SUFFIX
        try:
            fd = os.open(part, os.O_WRONLY | os.O_APPEND | _NOFOLLOW | _CLOEXEC, dir_fd=dir_fd)
        except FileNotFoundError:
            fd = -1
        except OSError:  # a symbolic link (ELOOP) or a folder (EISDIR)
            ctx.warn(msg("fetch.part_replaced", name=part), item=e.url)
            _remove(part, dir_fd)
            fd = -1
        if fd >= 0:
            st = os.fstat(fd)
            if stat.S_ISREG(st.st_mode) and st.st_nlink == 1:
                return fd, st.st_size
            os.close(fd)
            ctx.warn(msg("fetch.part_replaced", name=part), item=e.url)
            _remove(part, dir_fd)
        fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC, 0o644, dir_fd=dir_fd)
        return fd, 0

    def _download(
        self, ctx: JobContext, client: httpx.Client, watch: _Watch, e: Entry, dir_fd: int, params: dict[str, Any]
    ) -> tuple[str, int]:
        import httpx

        part = e.name + L.PART_SUFFIX
        max_bytes = int(params.get("max_bytes") or 0)
        if _lexists(e.name, dir_fd) and not params.get("overwrite"):
            if e.checksum and _digest(e.name, dir_fd, e.checksum) != e.checksum:
                ctx.error(msg("fetch.exists_other", name=e.name), item=e.url)
                return "failed", 0
            ctx.warn(msg("fetch.exists", name=e.name), item=e.url)
            return "skipped", 0
        if ctx.should_stop or watch.expired:
            return "failed", 0
        fd, offset = self._part(ctx, e, dir_fd)
        written = 0
        received = False
        try:
            headers = {"Range": f"bytes={offset}-"} if offset else {}
            try:
                with client.stream("GET", e.url, headers=headers) as resp:
                    watch.add(resp)
                    try:
                        got = self._receive(ctx, watch, e, resp, fd, offset, max_bytes)
                    finally:
                        watch.remove(resp)
                if got is None:
                    return "failed", 0
                if got == -1:  # the server did not resume as asked: start again from nothing
                    os.close(fd)
                    fd = -1
                    _remove(part, dir_fd)
                    return self._download(ctx, client, watch, e, dir_fd, params)
                written = got
            except httpx.HTTPError as exc:
                if ctx.should_stop or watch.expired:
                    return "failed", written
                ctx.error(msg("fetch.cannot_connect", reason=str(exc) or type(exc).__name__), item=e.url)
                return "failed", 0
            except _Abort as exc:
                ctx.error(exc.message, item=e.url)
                return "failed", exc.written
            os.fsync(fd)
            received = True
        finally:
            if fd >= 0:
                empty = os.fstat(fd).st_size == 0
                os.close(fd)
                if empty and not received:
                    _remove(part, dir_fd)  # nothing to resume: no empty part is left behind
        if e.checksum:
            got_sum = _digest(part, dir_fd, e.checksum)
            if got_sum != e.checksum:
                _remove(part, dir_fd)
                ctx.error(msg("fetch.checksum", expected=e.checksum, got=got_sum), item=e.url)
                return "failed", written
        if _lexists(e.name, dir_fd) and params.get("overwrite"):
            ctx.warn(msg("fetch.replaced", name=e.name), item=e.url)
        os.replace(part, e.name, src_dir_fd=dir_fd, dst_dir_fd=dir_fd)  # a link at the name is replaced, not followed
        ctx.log(msg("fetch.downloaded", name=e.name, bytes=offset + written), "INFO", item=e.url)
        return "downloaded", written

    def _receive(
        self, ctx: JobContext, watch: _Watch, e: Entry, resp: httpx.Response, fd: int, offset: int, max_bytes: int
    ) -> int | None:
        """Write the body into ``fd``; the bytes written, None (failed, reported), or -1 (start again)."""
        import httpx

        if resp.status_code == 416 and offset:
            return 0  # the part is already complete
        if resp.status_code >= 400:
            ctx.error(msg("fetch.http", status=resp.status_code, reason=resp.reason_phrase), item=e.url)
            return None
        if offset and resp.status_code == 206:
            cr = resp.headers.get("Content-Range", "")
            if not cr.startswith(f"bytes {offset}-"):
                ctx.warn(msg("fetch.bad_range", range=cr), item=e.url)
                return -1
            ctx.info(msg("fetch.resuming", offset=offset), item=e.url)
        elif offset:
            ctx.warn(msg("fetch.range_ignored"), item=e.url)
            return -1
        expected = resp.headers.get("Content-Length")
        if max_bytes and expected is not None and offset + int(expected) > max_bytes:
            raise _Abort(msg("fetch.too_big", max_bytes=max_bytes), 0)
        written = 0
        try:
            for chunk in resp.iter_raw(CHUNK):
                if ctx.should_stop or watch.expired:
                    return None
                written += len(chunk)
                if max_bytes and offset + written > max_bytes:
                    raise _Abort(msg("fetch.too_big", max_bytes=max_bytes), written)
                os.write(fd, chunk)
        except (httpx.HTTPError, OSError) as exc:
            if ctx.should_stop or watch.expired:
                return None
            raise _Abort(msg("fetch.cut_off", bytes=offset + written, reason=str(exc)), written) from None
        if expected is not None and int(expected) != written:
            raise _Abort(msg("fetch.incomplete", written=written, expected=expected), written)
        return written


class _Abort(Exception):
    def __init__(self, message: Message, written: int) -> None:
        super().__init__(message.text)
        self.message, self.written = message, written


class _Watch:
    """Watches a job's stop request and its total deadline; either shuts the sockets of the downloads in
    progress down, so that a read blocked on a slow server returns at once."""

    def __init__(self, ctx: JobContext, deadline: float) -> None:
        self.ctx, self.deadline = ctx, deadline
        self.active: set[httpx.Response] = set()
        self.lock = threading.Lock()
        self.done = threading.Event()
        self.expired = False

    def add(self, resp: httpx.Response) -> None:
        with self.lock:
            self.active.add(resp)

    def remove(self, resp: httpx.Response) -> None:
        with self.lock:
            self.active.discard(resp)

    def run(self) -> None:
        while not self.done.wait(0.1):
            if time.monotonic() > self.deadline:
                self.expired = True
            if self.expired or self.ctx.should_stop:
                with self.lock:
                    for resp in list(self.active):
                        _shutdown(resp)


def _shutdown(resp: httpx.Response) -> None:
    stream = resp.extensions.get("network_stream")
    sock = stream.get_extra_info("socket") if stream is not None else None
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)


def _only_http(request: httpx.Request) -> None:
    """Every request, redirects included, goes to http or https only."""
    import httpx

    if request.url.scheme not in ("http", "https"):
        raise httpx.UnsupportedProtocol(msg("fetch.scheme", url=str(request.url)).text, request=request)


_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)


def _lexists(name: str, dir_fd: int) -> bool:
    try:
        os.stat(name, dir_fd=dir_fd, follow_symlinks=False)
    except FileNotFoundError:
        return False
    return True


def _remove(name: str, dir_fd: int) -> None:
    with contextlib.suppress(FileNotFoundError):
        st = os.stat(name, dir_fd=dir_fd, follow_symlinks=False)
        if stat.S_ISDIR(st.st_mode):
            os.rmdir(name, dir_fd=dir_fd)
        else:
            os.unlink(name, dir_fd=dir_fd)


def _digest(name: str, dir_fd: int, checksum: str) -> str:
    algo = checksum.split(":", 1)[0]
    h = hashlib.new(algo)
    fd = os.open(name, os.O_RDONLY | _NOFOLLOW | _CLOEXEC, dir_fd=dir_fd)
    with os.fdopen(fd, "rb") as fh:
        while chunk := fh.read(1 << 20):
            h.update(chunk)
    return f"{algo}:{h.hexdigest()}"


OPERATIONS = (Fetch,)
