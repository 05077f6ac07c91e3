"""Benchmark of the library operations against plain baselines measured in the same run.

    .venv/bin/python bench/files.py [--files 100000] [--folders 100] [--repeat 3] [--keep]

With N files in F folders (under ``top/``, plus one Markdown index per folder linking to ten of its files and a
README linking to every index):

* delete --permanent of ``top`` (catalogue included)              vs  ``rm -rf top``
* move of top's folders into ``other`` (catalogue, links rewritten) vs  per-file ``os.rename`` into ``other``
  (later repetitions move them back and forth: the same work each time)
* metadata-export of every asset                                   vs  ``sqlite3 -csv`` of the same columns
* metadata-import of that CSV (every row changed, default batch)  vs  sqlite3's ``.import`` of the same file
  (into a new database)

Each measure is repeated (``--repeat``, 3 by default), ours and the baseline taken in turn, and the best time
of each is compared. Export and import run in child processes, on a library of N and one of N/5 assets, each
as a job of an engine, as the product runs them: the time is the job's own, from its start to its outcome as
the engine records them. An import, a bulk write, leaves the copy of its WAL into the database file to the
engine's housekeeping once it ends (see ``Database.write_batches``): the child then times that copy, and the
bench prints it beside the import. Each child reports its own peak resident memory, so that memory flat in the
number of rows shows as two equal figures.

Prints one line per measure and, last, one JSON object: delete_ratio, move_ratio, export_ratio, import_ratio
(ours / baseline: lower is better), import_wal_copy_seconds (the longest copy of the WAL after an import at N
assets), peak_rss_mb (the highest peak of the export/import children),
peak_rss_mb_small and peak_rss_mb_large (the peaks at N/5 and N assets). The sqlite3 command line (apt package
sqlite3) is needed for the export and import baselines; without it those ratios are null and the bench says so.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def build(root: Path, files: int, folders: int, top: str = "top") -> None:
    per = max(1, files // folders)
    base = root / top
    base.mkdir(parents=True)
    readme = []
    for f in range(folders):
        d = base / f"f{f:03d}"
        d.mkdir()
        for i in range(per):
            with open(d / f"file{i:05d}.bin", "wb") as fh:
                fh.write(b"x")
        links = "\n".join(f"- [file {i}](file{i:05d}.bin)" for i in range(min(10, per)))
        (d / "index.md").write_text(f"# Folder {f}\n\n{links}\n\n[home](../../README.md)\n")
        readme.append(f"- [folder {f}]({top}/f{f:03d}/index.md)")
    (root / "README.md").write_text("# Library\n\n" + "\n".join(readme) + "\n")


def timed(fn: Callable[[], Any]) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def run_op(db: Any, name: str, params: dict[str, Any]) -> Any:
    from core.engine import JobContext
    from core.operations import OperationEnv, registry
    from core.store import jobs

    op = registry.get(name)
    params = op.validate(params, OperationEnv(db, "bench"))
    snap = jobs.submit(db, name, params, inline_worker="bench", validate=False)
    ctx = JobContext(snap, db)
    result = op.run(ctx, params)
    ctx.flush()
    return result


# -- child process: one export or import, timed, with its own peak memory ------------------------------
def peak_rss_mb() -> float:
    """This process's peak resident memory. Linux: VmHWM (ru_maxrss of a child also counts its parent's memory
    at the fork); elsewhere ru_maxrss."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def child(args: argparse.Namespace) -> int:
    """One export or import run by an engine, as the product runs it (its housekeeping thread copying the WAL
    into the database file meanwhile): the job's own time, from its start to its outcome as the engine records
    them, and this process's peak memory."""
    import threading

    from core.engine import Engine
    from core.events import EventKind, JobEvent
    from core.store import jobs
    from core.store.db import Database

    db = Database()
    # process and engine start-up, not the operation's work; the housekeeping's ticks set apart (their other
    # tasks do nothing for one job) so that the copy of the WAL it would make at its next tick after an import
    # is timed here
    engine = Engine(db, purge=False, tick=60.0).start()
    try:
        jobs.list_jobs(db, operation="metadata-export")
        if args.child == "export":
            params = {"library": args.library, "folder": "", "subfolders": True, "output": args.csv}
            name = "metadata-export"
        else:
            params, name = {"library": args.library, "input": args.csv}, "metadata-import"
        done = threading.Event()
        ids: list[int] = []

        def ended(event: JobEvent) -> None:
            job = event.job
            if event.kind is EventKind.CHANGED and job is not None and job.status.is_terminal and job.id in ids:
                done.set()

        unsubscribe = engine.bus.subscribe(ended)
        snap = engine.submit(name, params)
        ids.append(snap.id)
        if jobs.get_many(db, [snap.id])[0].status.is_terminal:  # it ended before its id was known
            done.set()
        if not done.wait(600) and not jobs.get_many(db, [snap.id])[0].status.is_terminal:
            raise SystemExit(f"the {name} job did not end")
        unsubscribe()
        job = jobs.get_many(db, [snap.id])[0]
        if job.status.value != "SUCCEEDED" or job.started_at is None or job.finished_at is None:
            raise SystemExit(f"the {name} job ended {job.status.value}")
        seconds = (job.finished_at - job.started_at).total_seconds()
        wal = timed(db.checkpoint)  # what an import leaves to the housekeeping: the WAL's copy into the file
    finally:
        engine.shutdown()
        db.dispose()
    print(json.dumps({"seconds": seconds, "rss_mb": peak_rss_mb(), "wal_copy_seconds": wal}))
    return 0


def in_child(kind: str, library: str, csv_path: Path) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", kind, "--library", library, "--csv", str(csv_path)],
        check=True,
        capture_output=True,
        text=True,
        env=os.environ,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def best_of(repeat: int, ours: Callable[[int], float], base: Callable[[int], float]) -> tuple[float, float]:
    """Best of ``repeat`` runs of each, taken in turn (baseline, ours, baseline, …) so they share the noise."""
    t_ours, t_base = [], []
    for k in range(repeat):
        t_base.append(base(k))
        t_ours.append(ours(k))
    return min(t_ours), min(t_base)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--files", type=int, default=100_000)
    ap.add_argument("--folders", type=int, default=100)
    ap.add_argument("--repeat", type=int, default=3, help="runs of each measure (the best one counts)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder")
    ap.add_argument("--child", choices=("export", "import"), help=argparse.SUPPRESS)
    ap.add_argument("--library", help=argparse.SUPPRESS)
    ap.add_argument("--csv", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        return child(args)
    work = Path(tempfile.mkdtemp(prefix="asyncops-bench-"))
    os.environ["ASYNCOPS_DB"] = str(work / "asyncops.db")
    os.environ["ASYNCOPS_DATA_DIR"] = str(work / "data")
    os.environ.setdefault("ASYNCOPS_USER", "bench")
    from core import library as L
    from core.store.db import Database

    sqlite3_cli = shutil.which("sqlite3")
    if sqlite3_cli is None:
        print("sqlite3 command line not found (apt-get install sqlite3): export and import baselines skipped")
    out: dict[str, Any] = {}
    db = Database()
    from core.operations import registry

    registry.get("delete")  # loads every operation module: process start-up, not any operation's work
    n, f, repeat = args.files, args.folders, max(1, args.repeat)
    try:
        print(f"{n} files in {f} folders under {work}; best of {repeat}")

        # -- delete ---------------------------------------------------------------------------------
        def base_delete(k: int) -> float:
            build(work / f"base_del{k}", n, f)
            return timed(lambda: subprocess.run(["rm", "-rf", str(work / f"base_del{k}" / "top")], check=True))

        def our_delete(k: int) -> float:
            build(work / f"lib_del{k}", n, f)
            lib = L.add_library(db, work / f"lib_del{k}", f"del{k}")
            t_scan = timed(lambda: L.scan(db, lib))
            if k == 0:
                print(f"scan of {n} files: {t_scan:.2f}s (setup, not compared)")
            t = timed(lambda: run_op(db, "delete", {"library": f"del{k}", "paths": ["top"], "permanent": True}))
            assert not (work / f"lib_del{k}" / "top").exists()
            with db.connect_read() as conn:
                left = conn.exec_driver_sql("SELECT count(*) FROM assets WHERE library_id = ?", (lib.id,)).scalar()
            assert left == 1, left  # README.md
            return t

        t_ours, t_base = best_of(repeat, our_delete, base_delete)
        out["delete_ratio"] = round(t_ours / t_base, 3)
        print(f"delete --permanent: {t_ours:.2f}s vs rm -rf {t_base:.2f}s → {out['delete_ratio']}x")

        # -- move -----------------------------------------------------------------------------------
        build(work / "base_mv", n, f)
        build(work / "lib_mv", n, f)
        lib = L.add_library(db, work / "lib_mv", "mv")
        L.scan(db, lib)
        where = ["top", "other"]  # repetition k moves where[k % 2]/* into where[(k + 1) % 2]
        result: dict[str, Any] = {}

        def base_move(k: int) -> float:
            src, dst = work / "base_mv" / where[k % 2], work / "base_mv" / where[(k + 1) % 2]

            def rename_all() -> None:
                for d in sorted(os.listdir(src)):
                    os.makedirs(dst / d, exist_ok=True)
                    for name in os.listdir(src / d):
                        os.rename(src / d / name, dst / d / name)

            return timed(rename_all)

        def our_move(k: int) -> float:
            src, dst = where[k % 2], where[(k + 1) % 2]
            paths = [f"{src}/f{i:03d}" for i in range(f)]
            t = timed(lambda: result.update(run_op(db, "move", {"library": "mv", "paths": paths, "destination": dst})))
            assert (work / "lib_mv" / dst / "f000" / "index.md").is_file()
            assert f"{dst}/f000/index.md" in (work / "lib_mv" / "README.md").read_text()
            return t

        t_ours, t_base = best_of(repeat, our_move, base_move)
        out["move_ratio"] = round(t_ours / t_base, 3)
        print(
            f"move (+ catalogue, {result['links_rewritten']} links in {result['documents_rewritten']} documents): "
            f"{t_ours:.2f}s vs per-file os.rename {t_base:.2f}s → {out['move_ratio']}x"
        )

        # -- metadata export / import, in child processes, at N/5 and N assets ----------------------
        small = max(1, n // 5)
        build(work / "lib_small", small, max(1, f // 5))
        lib_small = L.add_library(db, work / "lib_small", "small")
        L.scan(db, lib_small)
        libs = {"large": (lib, "mv"), "small": (lib_small, "small")}
        with db.connect_write() as conn:
            for info, _ in libs.values():
                conn.exec_driver_sql(
                    "UPDATE assets SET title = 'Title of ' || path, rating = 3, tags = '[\"bench\",\"file\"]', "
                    'props = \'{"client":["String","ACME"]}\' WHERE library_id = ? AND is_dir = 0',
                    (info.id,),
                )
        # the delete and move above ran inline, and their jobs stay ACTIVE as a stopped engine's would: they are
        # ended here (INTERRUPTED: no operation given may resume them), so that the children's engines find nothing
        # to recover, nor a move queued again to run (it would move the library during the measures)
        from core.engine import housekeeping

        housekeeping.recover(db, "bench", {})
        db.dispose()  # the children open the database themselves
        peaks: dict[str, float] = {}
        for size, (info, name) in libs.items():
            csv_ours = work / f"export-{size}.csv"
            exports = [in_child("export", name, csv_ours) for _ in range(repeat)]
            with open(csv_ours, encoding="utf-8") as fh:
                rows = sum(1 for _ in fh) - 1
            # every row changed in every repetition: a new title each time
            edited = []
            for k in range(repeat):
                path = work / f"import-{size}-{k}.csv"
                with open(csv_ours, encoding="utf-8") as src, open(path, "w", encoding="utf-8") as dst:
                    dst.write(src.readline())
                    for line in src:
                        dst.write(line.replace(",Title of ", f",New title {k} of ", 1))
                edited.append(path)
            imports = []
            for k in range(repeat):
                imports.append(in_child("import", name, edited[k]))
                with db.connect_read() as conn:
                    changed = conn.exec_driver_sql(
                        "SELECT count(*) FROM assets WHERE library_id = ? AND title LIKE ?",
                        (info.id, f"New title {k} of %"),
                    ).scalar()
                assert changed == rows, (changed, rows)
            peaks[size] = max(r["rss_mb"] for r in exports + imports)
            t_exp, t_imp = min(r["seconds"] for r in exports), min(r["seconds"] for r in imports)
            wal = max(r["wal_copy_seconds"] for r in imports)
            print(
                f"{size}: {rows} assets: metadata-export {t_exp:.2f}s (peak {max(r['rss_mb'] for r in exports):.0f} MB), "
                f"metadata-import {t_imp:.2f}s (peak {max(r['rss_mb'] for r in imports):.0f} MB; then up to "
                f"{wal:.2f}s copying its WAL into the database file, after the job)"
            )
            if size == "large":
                out["import_wal_copy_seconds"] = round(wal, 3)
            if size != "large":
                continue
            if sqlite3_cli:
                sql = (
                    f"SELECT path, title, description, tags, rating, props FROM assets WHERE library_id = {info.id} "
                    "AND is_dir = 0 ORDER BY path;"
                )

                def base_export(sql: str = sql) -> float:
                    with open(work / "base.csv", "w") as fh:
                        return timed(
                            lambda: subprocess.run(
                                [sqlite3_cli, "-csv", "-header", str(work / "asyncops.db"), sql], check=True, stdout=fh
                            )
                        )

                def base_import(k: int, edited: list[Path] = edited) -> float:
                    scratch = work / "scratch.db"
                    scratch.unlink(missing_ok=True)
                    return timed(
                        lambda: subprocess.run(
                            [sqlite3_cli, str(scratch), f".import --csv {edited[k]} imported"], check=True
                        )
                    )

                t_base_exp = min(base_export() for _ in range(repeat))
                t_base_imp = min(base_import(k) for k in range(repeat))
                out["export_ratio"] = round(t_exp / t_base_exp, 3)
                out["import_ratio"] = round(t_imp / t_base_imp, 3)
                print(
                    f"metadata-export of {rows} assets: {t_exp:.2f}s vs sqlite3 -csv {t_base_exp:.2f}s "
                    f"→ {out['export_ratio']}x"
                )
                print(
                    f"metadata-import of {rows} rows (default batch): {t_imp:.2f}s vs sqlite3 .import {t_base_imp:.2f}s "
                    f"→ {out['import_ratio']}x"
                )
            else:
                out["export_ratio"] = out["import_ratio"] = None
        out["peak_rss_mb"] = round(max(peaks.values()), 1)
        out["peak_rss_mb_small"] = round(peaks["small"], 1)
        out["peak_rss_mb_large"] = round(peaks["large"], 1)
        print(
            f"peak memory of export/import: {out['peak_rss_mb_small']} MB at {small} assets, "
            f"{out['peak_rss_mb_large']} MB at {n} (this process, scan included: "
            f"{peak_rss_mb():.0f} MB)"
        )
    finally:
        db.dispose()
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
