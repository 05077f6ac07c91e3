"""Benchmark of the library operations against plain baselines measured in the same run.

    .venv/bin/python bench/files.py [--files 100000] [--folders 100] [--keep]

With N files in F folders (under ``top/``, plus one Markdown index per folder linking to ten of its files and a
README linking to every index):

* delete --permanent of ``top`` (catalogue included)              vs  ``rm -rf top``
* move of top's folders into ``other`` (catalogue, links rewritten) vs  per-file ``os.rename`` into ``other``
* metadata-export of every asset                                   vs  ``sqlite3 -csv`` of the same columns
* metadata-import of that CSV (every row changed)                  vs  sqlite3's ``.import`` of the same file

Prints one line per measure and, last, one JSON object: delete_ratio, move_ratio, export_ratio, import_ratio
(ours / baseline: lower is better) and peak_rss_mb. The sqlite3 command line (apt package sqlite3) is needed
for the export and import baselines; without it those ratios are null and the bench says so.
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
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def build(root: Path, files: int, folders: int) -> None:
    per = max(1, files // folders)
    top = root / "top"
    top.mkdir(parents=True)
    readme = []
    for f in range(folders):
        d = top / f"f{f:03d}"
        d.mkdir()
        for i in range(per):
            with open(d / f"file{i:05d}.bin", "wb") as fh:
                fh.write(b"x")
        links = "\n".join(f"- [file {i}](file{i:05d}.bin)" for i in range(min(10, per)))
        (d / "index.md").write_text(f"# Folder {f}\n\n{links}\n\n[home](../../README.md)\n")
        readme.append(f"- [folder {f}](top/f{f:03d}/index.md)")
    (root / "README.md").write_text("# Library\n\n" + "\n".join(readme) + "\n")


def timed(fn: Any) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def run_op(db: Any, name: str, params: dict[str, Any]) -> Any:
    from core import jobs
    from core.context import JobContext
    from core.operations import OperationEnv, registry

    op = registry.get(name)
    params = op.validate(params, OperationEnv(db, "bench"))
    snap = jobs.submit(db, name, params, inline_worker="bench", validate=False)
    ctx = JobContext(snap, db)
    result = op.run(ctx, params)
    ctx.flush()
    return result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--files", type=int, default=100_000)
    ap.add_argument("--folders", type=int, default=100)
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="asyncops-bench-"))
    os.environ["ASYNCOPS_DB"] = str(work / "asyncops.db")
    os.environ["ASYNCOPS_DATA_DIR"] = str(work / "data")
    os.environ.setdefault("ASYNCOPS_USER", "bench")
    from core import library as L
    from core.db import Database

    sqlite3_cli = shutil.which("sqlite3")
    if sqlite3_cli is None:
        print("sqlite3 command line not found (apt-get install sqlite3): export and import baselines skipped")
    out: dict[str, Any] = {}
    db = Database()
    try:
        n, f = args.files, args.folders
        print(f"{n} files in {f} folders under {work}")

        # -- delete ---------------------------------------------------------------------------------
        build(work / "base_del", n, f)
        t_base = timed(lambda: subprocess.run(["rm", "-rf", str(work / "base_del" / "top")], check=True))
        build(work / "lib_del", n, f)
        lib = L.add_library(db, work / "lib_del", "del")
        t_scan = timed(lambda: L.scan(db, lib))
        print(f"scan of {n} files: {t_scan:.2f}s (setup, not compared)")
        t_ours = timed(lambda: run_op(db, "delete", {"library": "del", "paths": ["top"], "permanent": True}))
        assert not (work / "lib_del" / "top").exists()
        out["delete_ratio"] = round(t_ours / t_base, 3)
        print(f"delete --permanent: {t_ours:.2f}s vs rm -rf {t_base:.2f}s → {out['delete_ratio']}x")

        # -- move -----------------------------------------------------------------------------------
        build(work / "base_mv", n, f)

        def rename_all() -> None:
            src, dst = work / "base_mv" / "top", work / "base_mv" / "other"
            for d in sorted(os.listdir(src)):
                os.makedirs(dst / d)
                for name in os.listdir(src / d):
                    os.rename(src / d / name, dst / d / name)

        t_base = timed(rename_all)
        build(work / "lib_mv", n, f)
        lib = L.add_library(db, work / "lib_mv", "mv")
        L.scan(db, lib)
        paths = [f"top/f{i:03d}" for i in range(f)]
        result: dict[str, Any] = {}
        t_ours = timed(lambda: result.update(run_op(db, "move", {"library": "mv", "paths": paths,
                                                                 "destination": "other"})))  # fmt: skip
        assert (work / "lib_mv" / "other" / "f000" / "index.md").is_file()
        assert "other/f000/index.md" in (work / "lib_mv" / "README.md").read_text()
        out["move_ratio"] = round(t_ours / t_base, 3)
        print(f"move (+ catalogue, {result['links_rewritten']} links in {result['documents_rewritten']} documents): "
              f"{t_ours:.2f}s vs per-file os.rename {t_base:.2f}s → {out['move_ratio']}x")

        # -- metadata export / import ---------------------------------------------------------------
        with db.connect_write() as conn:
            conn.exec_driver_sql(
                "UPDATE assets SET title = 'Title of ' || path, rating = 3, tags = '[\"bench\",\"file\"]', "
                "props = '{\"client\":[\"String\",\"ACME\"]}' WHERE library_id = ? AND is_dir = 0", (lib.id,))
        csv_ours = work / "export.csv"
        t_ours = timed(lambda: run_op(db, "metadata-export", {"library": "mv", "folder": "", "subfolders": True,
                                                               "output": str(csv_ours)}))  # fmt: skip
        rows = sum(1 for _ in open(csv_ours, encoding="utf-8")) - 1
        if sqlite3_cli:
            sql = (f"SELECT path, title, description, tags, rating, props FROM assets WHERE library_id = {lib.id} "
                   "AND is_dir = 0 ORDER BY path;")
            t_base = timed(lambda: subprocess.run([sqlite3_cli, "-csv", "-header", str(work / "asyncops.db"), sql],
                                                  check=True, stdout=open(work / "base.csv", "w")))  # fmt: skip
            out["export_ratio"] = round(t_ours / t_base, 3)
            print(f"metadata-export of {rows} assets: {t_ours:.2f}s vs sqlite3 -csv {t_base:.2f}s "
                  f"→ {out['export_ratio']}x")
        else:
            out["export_ratio"] = None
        # every row changed: a new title
        edited = work / "import.csv"
        with open(csv_ours, encoding="utf-8") as src, open(edited, "w", encoding="utf-8") as dst:
            dst.write(src.readline())
            for line in src:
                dst.write(line.replace(",Title of ", ",New title of ", 1))
        t_ours = timed(lambda: run_op(db, "metadata-import", {"library": "mv", "input": str(edited)}))
        with db.connect_read() as conn:
            changed = conn.exec_driver_sql("SELECT count(*) FROM assets WHERE title LIKE 'New title of %'").scalar()
        assert changed == rows, (changed, rows)
        if sqlite3_cli:
            scratch = work / "scratch.db"
            t_base = timed(lambda: subprocess.run([sqlite3_cli, str(scratch), f".import --csv {edited} imported"],
                                                  check=True))  # fmt: skip
            out["import_ratio"] = round(t_ours / t_base, 3)
            print(f"metadata-import of {rows} rows (batch 50): {t_ours:.2f}s vs sqlite3 .import {t_base:.2f}s "
                  f"→ {out['import_ratio']}x")
        else:
            out["import_ratio"] = None
    finally:
        db.dispose()
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    out["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
