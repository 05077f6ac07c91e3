"""What a QA probe of the library's jail found: a library folder replaced by a symbolic link, the trash folder
reached through path parameters, file names that are not UTF-8, and the mode of the files a person exports."""

from __future__ import annotations

import datetime as dt
import http.server
import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from core import library as L
from core.cli import main
from core.errors import NotFound
from core.library import libraries
from core.operations import OperationEnv, registry
from core.store import jobs
from core.store.db import Database
from tests.core.library_helpers import log_lines, make_library, run_op


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    rc = main(list(argv))
    out = capsys.readouterr()
    return rc, out.out, out.err


def snapshot(folder: Path) -> dict[str, bytes | None]:
    """Every file (its bytes) and folder (None) below ``folder``."""
    return {
        str(p.relative_to(folder)): (p.read_bytes() if p.is_file() else None)
        for p in sorted(folder.rglob("*"), key=str)
    }


# -- 1. a library folder replaced by a symbolic link ------------------------------------------------------
def outside(tmp_path: Path) -> Path:
    out = tmp_path / "outside"
    (out / "docs").mkdir(parents=True)
    (out / "o.md").write_text("not in any library")
    (out / "docs" / "x.md").write_text("outside")
    return out


LINKED_ROOT_RUNS = [
    ("scan",),
    ("scan", "-p", "folder=docs"),
    ("delete", "-p", 'paths=["o.md"]'),
    ("delete", "-p", 'paths=["o.md"]', "-p", "permanent=true"),
    ("move", "-p", 'paths=["o.md"]', "-p", "destination=docs"),
    ("fetch", "-p", "folder=docs", "-p", 'urls=["http://127.0.0.1:9/n.md"]'),
    ("metadata-writeback",),
]


@pytest.mark.parametrize("args", LINKED_ROOT_RUNS, ids=lambda a: " ".join(a))
def test_library_folder_replaced_by_a_link_is_refused_and_nothing_outside_changes(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...]
) -> None:
    out = outside(tmp_path)
    root = tmp_path / "lib"
    make_library(db, root, {"o.md": "lib file", "docs/x.md": "mine"})
    before = snapshot(out)
    root.rename(tmp_path / "lib-real")
    root.symlink_to(out)

    rc, _, err = run(capsys, "run", args[0], "-p", "library=lib", *args[1:])

    assert rc == 3  # as for a library whose folder is missing
    assert f"library 'lib': its folder {root} is now a symbolic link" in err and str(out) in err
    assert "Traceback" not in err
    assert snapshot(out) == before  # no trash made there, nothing moved, written or deleted
    assert snapshot(tmp_path / "lib-real") == {"o.md": b"lib file", "docs": None, "docs/x.md": b"mine"}


def test_missing_library_folder_and_linked_one_give_the_same_exit_code(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "lib"
    make_library(db, root, {"o.md": "x"})
    root.rename(tmp_path / "gone")
    rc, _, err = run(capsys, "run", "scan", "-p", "library=lib")
    assert rc == 3 and "is missing" in err  # refused before any job is made
    root.symlink_to(tmp_path / "gone")
    rc_link, _, err = run(capsys, "run", "scan", "-p", "library=lib")
    assert rc_link == 3 and "symbolic link" in err
    assert jobs.list_jobs(db, all_users=True, with_reasons=False) == []


def test_a_folder_above_the_library_replaced_by_a_link_is_refused(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The root is recorded resolved when the library is added: a link that appears anywhere in that path
    since (here its parent, leading to a copy of the content elsewhere) is refused as well."""
    parent = tmp_path / "share"
    root = parent / "lib"
    make_library(db, root, {"o.md": "lib file"})
    decoy = tmp_path / "decoy"
    (decoy / "lib").mkdir(parents=True)
    (decoy / "lib" / "o.md").write_text("someone else's")
    parent.rename(tmp_path / "share-real")
    parent.symlink_to(decoy)

    rc, _, err = run(capsys, "run", "delete", "-p", "library=lib", "-p", 'paths=["o.md"]')

    assert rc == 3 and "symbolic link" in err and str(decoy / "lib") in err
    assert snapshot(decoy) == {"lib": None, "lib/o.md": b"someone else's"}


def test_a_library_added_through_a_link_works_where_the_link_led(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A link in the path given to ``library add`` (/home -> /data/home) is legitimate: it is resolved then."""
    (tmp_path / "data" / "lib").mkdir(parents=True)
    (tmp_path / "data" / "lib" / "a.md").write_text("a")
    (tmp_path / "home").symlink_to(tmp_path / "data")
    rc, _, _ = run(capsys, "library", "add", str(tmp_path / "home" / "lib"), "--name", "lib")
    assert rc == 0
    rc, _, err = run(capsys, "run", "delete", "-p", "library=lib", "-p", 'paths=["a.md"]')
    assert rc == 0, err
    assert not (tmp_path / "data" / "lib" / "a.md").exists()


def test_a_queued_job_whose_library_folder_became_a_link_fails_without_touching_it(
    db: Database, tmp_path: Path
) -> None:
    out = outside(tmp_path)
    root = tmp_path / "lib"
    make_library(db, root, {"o.md": "lib file"})
    before = snapshot(out)
    op = registry.get("delete")
    params = op.validate({"library": "lib", "paths": ["o.md"]}, OperationEnv(db, "tester"))
    snap = jobs.submit(db, "delete", params, inline_worker="test-inline", validate=False)
    root.rename(tmp_path / "lib-real")
    root.symlink_to(out)  # between the submission and the run (a job waiting in the queue)
    from core.engine import JobContext

    with pytest.raises(NotFound, match="symbolic link"):
        op.run(JobContext(snap, db, flush_interval=0), params)
    assert snapshot(out) == before


def test_the_purge_never_empties_a_trash_reached_through_a_link_above_the_library(db: Database, tmp_path: Path) -> None:
    parent = tmp_path / "share"
    make_library(db, parent / "lib", {"o.md": "lib file"})
    decoy = tmp_path / "decoy"
    entry = decoy / "lib" / L.TRASH_DIR / "7-1-1"
    (entry / "item").mkdir(parents=True)
    (entry / "record.json").write_text('{"job": 7, "path": "x"}')
    parent.rename(tmp_path / "share-real")
    parent.symlink_to(decoy)

    removed = libraries.empty_trashes(db, lambda ids: set(), dt.datetime.now(dt.UTC) + dt.timedelta(days=1))

    assert removed == 0 and (entry / "item").is_dir()


def test_the_jail_opens_its_root_without_following_a_link_anywhere_in_its_path(tmp_path: Path) -> None:
    """What closes the gap between the check of the root and its opening (a swap in that instant)."""
    (tmp_path / "real" / "lib").mkdir(parents=True)
    (tmp_path / "link").symlink_to(tmp_path / "real")
    (tmp_path / "liblink").symlink_to(tmp_path / "real" / "lib")
    with L.Jail(tmp_path / "real" / "lib") as jail:
        assert jail.is_dir("")
    for path in (tmp_path / "link" / "lib", tmp_path / "liblink"):
        with pytest.raises(L.JailError):
            L.Jail(path)


# -- 2. the library's trash folder ------------------------------------------------------------------------
@pytest.fixture
def trash_lib(db: Database, tmp_path: Path) -> tuple[Path, str]:
    """A library with one deleted file in its trash: (root, the trash entry's name)."""
    root = tmp_path / "lib"
    make_library(db, root, {"docs/a.txt": "a", "b.txt": "b", "docs/.asyncops-trash/c.txt": "not the trash"})
    (root / "tl").symlink_to(L.TRASH_DIR)  # a link inside the library, to its trash
    assert main(["run", "delete", "-p", "library=lib", "-p", 'paths=["b.txt"]']) == 0
    (entry,) = os.listdir(root / L.TRASH_DIR)
    return root, entry


TRASH_RUNS = [
    ("paths", ("move", "-p", 'paths=[".asyncops-trash"]', "-p", "destination=docs")),
    ("paths", ("move", "-p", 'paths=["ENTRY"]', "-p", "destination=docs")),
    ("paths", ("move", "-p", 'paths=["tl/ENTRY"]', "-p", "destination=docs")),
    ("destination", ("move", "-p", 'paths=["docs/a.txt"]', "-p", "destination=.asyncops-trash")),
    ("destination", ("move", "-p", 'paths=["docs/a.txt"]', "-p", "destination=docs/../.asyncops-trash/ENTRY")),
    ("destination", ("move", "-p", 'paths=["docs/.asyncops-trash"]', "-p", "destination=/")),
    ("pairs", ("move", "-p", 'pairs=[["docs/a.txt", "/.asyncops-trash/z.txt"]]')),
    ("paths", ("delete", "-p", 'paths=[".asyncops-trash"]', "-p", "permanent=true")),
    ("folder", ("fetch", "-p", "folder=.asyncops-trash", "-p", 'urls=["http://127.0.0.1:9/x"]')),
    ("folder", ("scan", "-p", "folder=.asyncops-trash")),
    ("folder", ("scan", "-p", "folder=tl/ENTRY")),
    ("folder", ("metadata-writeback", "-p", "folder=/.asyncops-trash/ENTRY")),
]


@pytest.mark.parametrize(("param", "args"), TRASH_RUNS, ids=lambda a: " ".join(a) if isinstance(a, tuple) else a)
def test_a_path_parameter_in_the_trash_folder_is_refused(
    db: Database,
    trash_lib: tuple[Path, str],
    capsys: pytest.CaptureFixture[str],
    param: str,
    args: tuple[str, ...],
) -> None:
    root, entry = trash_lib
    before = snapshot(root)  # the trash entry with it: the delete's undo still finds it
    n_jobs = len(jobs.list_jobs(db, all_users=True, with_reasons=False))
    args = tuple(a.replace("ENTRY", f".asyncops-trash/{entry}") if "ENTRY" in a else a for a in args)
    args = tuple(a.replace("tl/.asyncops-trash/", "tl/") for a in args)
    capsys.readouterr()

    rc, _, err = run(capsys, "run", args[0], "-p", "library=lib", *args[1:])

    assert rc == 2, err
    assert f"parameter '{param}': " in err and "is in the library's trash folder .asyncops-trash" in err
    assert snapshot(root) == before
    assert len(jobs.list_jobs(db, all_users=True, with_reasons=False)) == n_jobs  # refused before any job


class _Names(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        body = b"downloaded " + self.path.encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Names)
    t = threading.Thread(target=httpd.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
    t.join(5)


def test_fetch_never_writes_a_file_named_like_the_trash_at_the_root(
    db: Database, trash_lib: tuple[Path, str], server: str
) -> None:
    root, _ = trash_lib
    trash_before = snapshot(root / L.TRASH_DIR)
    urls = [f"{server}/x/.asyncops-trash", f"{server}/ok.txt"]
    params = {"library": "lib", "folder": "/", "urls": urls, "overwrite": True}
    dry = registry.get("fetch").dry_run(OperationEnv(db, "tester"), params)
    assert dry.details[0].startswith(".asyncops-trash is the name of the library's trash folder; not downloaded")

    result, ctx = run_op(db, "fetch", {"library": "lib", "folder": "/", "urls": urls, "overwrite": True})

    assert snapshot(root / L.TRASH_DIR) == trash_before
    assert not [n for n in os.listdir(root) if n.endswith(L.PART_SUFFIX)]
    assert result["downloaded"] == ["ok.txt"] and result["failed"] == [urls[0]]
    assert (".asyncops-trash is the name of the library's trash folder; not downloaded into the root", urls[0]) in (
        log_lines(db, ctx, "WARNING")
    )
    # in a folder of the library, that name is an ordinary file
    result, _ = run_op(db, "fetch", {"library": "lib", "folder": "new", "urls": urls[:1], "overwrite": True})
    assert result["downloaded"] == ["new/.asyncops-trash"]


# -- 3. file names that are not UTF-8 ----------------------------------------------------------------------
def bad_names(folder: Path) -> None:
    """``bad\\xff.txt`` and ``dir\\xfe/in.txt`` in ``folder`` (names the OS accepts, that are not UTF-8)."""
    base = os.fsencode(folder)
    os.makedirs(base + b"/dir\xfe")
    for name in (b"/bad\xff.txt", b"/dir\xfe/in.txt"):
        with open(base + name, "wb") as fh:
            fh.write(b"x")


def catalogued(db: Database, lib: L.LibraryInfo) -> list[str]:
    with db.connect_read() as conn:
        return sorted(conn.execute(L.assets_t.select().where(L.assets_t.c.library_id == lib.id)).scalars("path"))


def test_scan_skips_a_name_that_is_not_utf8_with_a_warning_and_indexes_the_rest(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "lib"
    lib = make_library(db, root, {"good.md": "---\ntitle: fine\n---\n", "docs/a.md": "a"}, scan=False)
    bad_names(root)
    bad_names(root / "docs")

    rc, out, err = run(capsys, "run", "scan", "-p", "library=lib")

    assert rc == 0, out + err
    assert "Traceback" not in out + err and "SUCCEEDED: 4 warning(s), 0 error(s)" in out
    assert catalogued(db, lib) == ["docs", "docs/a.md", "good.md"]
    (job,) = jobs.list_jobs(db, all_users=True, with_reasons=False)
    warnings = [(e.message, e.item) for e in jobs.log_of(db, job.id) if e.level == "WARNING"]
    assert ("the file name bad\\xff.txt is not valid UTF-8: not indexed (rename it to index it)", "bad\\xff.txt") in (
        warnings
    )
    assert (
        "the folder name dir\\xfe is not valid UTF-8: neither it nor anything in it is indexed (rename it to index it)",
        "docs/dir\\xfe",
    ) in warnings


@pytest.mark.parametrize(
    "args",
    [
        ("delete", "-p", 'paths=["docs"]', "-p", "permanent=true"),
        ("delete", "-p", 'paths=["docs"]'),
        ("move", "-p", 'paths=["docs"]', "-p", "destination=new"),
    ],
    ids=lambda a: " ".join(a),
)
def test_a_folder_holding_names_that_are_not_utf8_is_deleted_or_moved_whole(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...]
) -> None:
    root = tmp_path / "lib"
    lib = make_library(db, root, {"top.md": "[a](docs/a.md)\n", "docs/a.md": "[top](../top.md)\n"}, scan=False)
    bad_names(root / "docs")
    L.scan(db, lib)

    rc, out, err = run(capsys, "run", args[0], "-p", "library=lib", *args[1:])

    assert rc == 0 and "Traceback" not in out + err and "0 error(s)" in out, out + err
    assert not (root / "docs").exists()
    if args[0] == "move":
        assert sorted(os.listdir(os.fsencode(root / "new" / "docs"))) == [b"a.md", b"bad\xff.txt", b"dir\xfe"]
        assert catalogued(db, lib) == ["new", "new/docs", "new/docs/a.md", "top.md"]
    else:
        assert catalogued(db, lib) == ["top.md"]


def test_a_path_parameter_that_is_not_utf8_is_refused_with_a_sentence(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "lib"
    make_library(db, root, {"a.md": "a"})
    bad_names(root)
    name = os.fsdecode(b"bad\xff.txt")  # as the command line receives it

    rc, _, err = run(capsys, "run", "delete", "-p", "library=lib", "-p", f'paths=["{name}"]')

    assert rc == 2
    assert "parameter 'paths': bad\\xff.txt is not valid UTF-8" in err
    assert os.path.exists(os.fsencode(root) + b"/bad\xff.txt")


# -- 4. the mode of the files a person exports -------------------------------------------------------------
@pytest.fixture
def set_umask() -> Iterator[Callable[[int], int]]:
    """``os.umask`` for the test (0o022 to begin with); the process's own umask is put back after it."""
    old = os.umask(0o022)
    yield os.umask
    os.umask(old)


def export(db: Database, write: str, target: Path) -> None:
    if write == "export-csv":
        assert main(["export-csv", "-o", str(target)]) == 0
    else:
        run_op(db, "metadata-export", {"library": "lib", "output": str(target)})


@pytest.mark.parametrize("write", ["export-csv", "metadata-export"])
@pytest.mark.parametrize(("mask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)], ids=oct)
def test_an_exported_file_gets_the_mode_of_any_file_the_user_creates(
    db: Database, tmp_path: Path, set_umask: Callable[[int], int], write: str, mask: int, mode: int
) -> None:
    make_library(db, tmp_path / "lib", {"a.md": "---\ntitle: A\n---\n"})
    target = tmp_path / "out.csv"
    set_umask(mask)
    export(db, write, target)
    assert target.stat().st_mode & 0o7777 == mode
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


@pytest.mark.parametrize("write", ["export-csv", "metadata-export"])
def test_an_export_over_an_existing_file_keeps_its_mode(
    db: Database, tmp_path: Path, set_umask: Callable[[int], int], write: str
) -> None:
    make_library(db, tmp_path / "lib", {"a.md": "---\ntitle: A\n---\n"})
    target = tmp_path / "out.csv"
    target.write_text("old")
    target.chmod(0o640)
    export(db, write, target)
    assert target.read_text() != "old"
    assert target.stat().st_mode & 0o7777 == 0o640
