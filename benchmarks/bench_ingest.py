"""Measure ``protestwatch ingest`` on the benchmark corpora of ``make_stream.py``.

    python benchmarks/bench_ingest.py [--n 100000] [--resume-n 20000] [--protest-n 1000]
                                      [--check-n 300] [--workers 2] [--work-dir out/bench]

Runs the CLI as a user would, each run in a fresh SQLite database, and prints:

1. prefilter check: results with and without the trigger prefilter on ``--check-n``
   ACLED US notes and as many GLOCON documents (must be identical);
2. the ``--n`` article stream with ``--engine local --workers W``: articles/s, CPU
   seconds per article (parent and workers; on shared cores the load-independent
   figure), peak memory of the whole process tree;
3. the same on ``--engine dask`` (a local cluster of W workers), and whether its store
   equals the local run's (articles, results and events; exported events too);
4. protest-only full-length articles: articles/s;
5. ``--resume-n`` articles: a first run, a re-ingest (must store nothing) and a run
   killed with SIGKILL at a random moment then rerun (its store must equal the first's).
"""
from __future__ import annotations

import argparse
import itertools
import os
import random
import resource
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
import datasets  # noqa: E402
import make_stream  # noqa: E402

# Everything a run leaves in the store but the run bookkeeping: a resumed ingest spreads
# its results over two runs by design.
STORE_DUMP_QUERIES = (
    "SELECT id, source, url, published, language, content_hash, title, text FROM articles ORDER BY id",
    "SELECT article_id, reference_date, reference_date_inferred, language, quotes, warnings FROM results ORDER BY article_id",
    "SELECT * FROM events ORDER BY id",
    "SELECT * FROM evidence ORDER BY event_id, position",
)
MEMORY_POLL_SECONDS = 0.2
WARM_UP_ARTICLES = 20


@dataclass
class RunFigures:
    articles: int
    seconds: float
    cpu_seconds: float
    peak_rss_bytes: int
    summary: str

    @property
    def rate(self) -> float:
        return self.articles / self.seconds

    def describe(self) -> str:
        return (f"{self.articles} articles in {self.seconds:.1f} s = {self.rate:.1f} articles/s; "
                f"CPU {1000 * self.cpu_seconds / self.articles:.2f} ms/article "
                f"(2 idle cores: {2 * self.articles / self.cpu_seconds:.0f} articles/s); "
                f"peak RSS {self.peak_rss_bytes / 2**20:.0f} MiB; load {_load()}")


def ingest_command(inputs: list[Path], db: Path, *, workers: int, engine: str) -> list[str]:
    return [sys.executable, "-m", "protestwatch.cli", "ingest", *map(str, inputs),
            "--db", f"sqlite:///{db}", "--workers", str(workers), "--engine", engine, "--quiet"]


def run_ingest(inputs: list[Path], db: Path, articles: int, *, workers: int,
               engine: str = "local") -> RunFigures:
    """Run one ingest to its end, polling the memory of its whole process tree."""
    cpu_before = _children_cpu_seconds()
    start = time.perf_counter()
    process = subprocess.Popen(ingest_command(inputs, db, workers=workers, engine=engine),
                               stderr=subprocess.PIPE, text=True)
    peak = _poll_peak_rss(process)
    summary = process.stderr.read()
    if process.wait() != 0:
        raise SystemExit(f"ingest failed: {summary}")
    return RunFigures(articles, time.perf_counter() - start, _children_cpu_seconds() - cpu_before,
                      peak, _summary_line(summary))


def run_killed_ingest(inputs: list[Path], db: Path, *, workers: int, after_seconds: float) -> None:
    """Start an ingest and SIGKILL it, workers and all, after ``after_seconds``."""
    process = subprocess.Popen(ingest_command(inputs, db, workers=workers, engine="local"),
                               stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        process.wait(timeout=after_seconds)
        raise SystemExit("the ingest ended before it could be killed; give it more articles")
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def _summary_line(stderr: str) -> str:
    return next((line for line in stderr.splitlines() if line.startswith("ingest:")), stderr.strip())


def _poll_peak_rss(process: subprocess.Popen) -> int:
    root = psutil.Process(process.pid)
    peak = 0
    while process.poll() is None:
        try:
            tree = [root, *root.children(recursive=True)]
            peak = max(peak, sum(_rss(member) for member in tree))
        except psutil.NoSuchProcess:
            pass
        time.sleep(MEMORY_POLL_SECONDS)
    return peak


def _rss(process: psutil.Process) -> int:
    try:
        return process.memory_info().rss
    except psutil.NoSuchProcess:
        return 0


def _children_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _load() -> str:
    return "/".join(f"{value:.1f}" for value in os.getloadavg())


def dump_store(db: Path) -> list[list[tuple]]:
    connection = sqlite3.connect(db)
    try:
        return [connection.execute(query).fetchall() for query in STORE_DUMP_QUERIES]
    finally:
        connection.close()


def count_rows(db: Path) -> dict[str, int]:
    connection = sqlite3.connect(db)
    try:
        return {table: connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
                for table in ("articles", "results", "events")}
    finally:
        connection.close()


def export_events(db: Path, output: Path) -> bytes:
    subprocess.run([sys.executable, "-m", "protestwatch.cli", "events", "--db", f"sqlite:///{db}",
                    "-o", str(output)], check=True)
    return output.read_bytes()


def check_prefilter(n: int, seed: int) -> None:
    """Results with and without the prefilter on ACLED US notes and GLOCON documents."""
    from protestwatch.pipeline import Pipeline, load_pipeline
    from protestwatch.schema import Article

    filtered = load_pipeline()
    unfiltered = Pipeline(filtered.nlp, filtered.lexicon)
    unfiltered.prefilter = _PassEverything()
    acled = datasets.acled_us(n=n, seed=seed)[0]
    glocon = [{"id": d["id"], "text": d["text"]} for d in datasets.glocon(n=n, seed=seed)]
    for name, articles in (("ACLED US notes", acled), ("GLOCON documents", glocon)):
        articles = [Article(**article) for article in articles]
        for article in articles[:WARM_UP_ARTICLES]:  # lazy loads, not extraction, are timed otherwise
            unfiltered.extract(article)
        # Each way twice, alternating; the second pass of each is timed, so neither gains
        # from caches (the gazetteer's lookups) the other warmed.
        for _ in range(2):
            start = time.perf_counter()
            with_filter = [filtered.extract(article) for article in articles]
            filtered_seconds = time.perf_counter() - start
            start = time.perf_counter()
            without_filter = [unfiltered.extract(article) for article in articles]
            unfiltered_seconds = time.perf_counter() - start
        differing = [a.id for a, x, y in zip(articles, with_filter, without_filter) if x != y]
        skipped = sum(not filtered.prefilter.may_hold_event(article.text) for article in articles)
        print(f"prefilter on {len(articles)} {name}: {len(differing)} results differ "
              f"{differing[:5]}; {skipped} skipped; {len(articles) / filtered_seconds:.1f} "
              f"articles/s with, {len(articles) / unfiltered_seconds:.1f} without (1 process)")


class _PassEverything:
    def unneeded_components(self, text, published):
        return frozenset()


def write_head(source: Path, target: Path, n: int) -> Path:
    with source.open(encoding="utf-8") as lines, target.open("w", encoding="utf-8") as out:
        out.writelines(itertools.islice(lines, n))
    return target


def fresh_db(work_dir: Path, name: str) -> Path:
    db = work_dir / f"{name}.db"
    for path in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        path.unlink(missing_ok=True)
    return db


def bench_stream(stream: Path, n: int, work_dir: Path, workers: int) -> None:
    local_db, dask_db = fresh_db(work_dir, "stream-local"), fresh_db(work_dir, "stream-dask")
    local = run_ingest([stream], local_db, n, workers=workers)
    print(f"stream, local, {workers} workers: {local.describe()}\n  {local.summary}\n  stored {count_rows(local_db)}")
    dask = run_ingest([stream], dask_db, n, workers=workers, engine="dask")
    print(f"stream, dask, {workers} workers: {dask.describe()}\n  {dask.summary}")
    same_events = export_events(local_db, work_dir / "local-events.jsonl") == \
        export_events(dask_db, work_dir / "dask-events.jsonl")
    print(f"  dask / local speed {dask.rate / local.rate:.2f}; exported events identical: {same_events}; "
          f"stores identical: {dump_store(dask_db) == dump_store(local_db)}")


def bench_protest(protest: Path, n: int, work_dir: Path, workers: int) -> None:
    figures = run_ingest([protest], fresh_db(work_dir, "protest"), n, workers=workers)
    print(f"protest-only full-length, local, {workers} workers: {figures.describe()}")


def bench_resume(stream: Path, n: int, work_dir: Path, workers: int, seed: int) -> None:
    subset = write_head(stream, work_dir / f"stream-{n}.jsonl", n)
    whole_db = fresh_db(work_dir, "resume-whole")
    first = run_ingest([subset], whole_db, n, workers=workers)
    print(f"{n} articles, first run: {first.describe()}")
    again = run_ingest([subset], whole_db, n, workers=workers)
    print(f"{n} articles, re-ingest: {again.seconds:.1f} s = {again.seconds / first.seconds:.3f} of the "
          f"first run; {again.summary}; store unchanged: {count_rows(whole_db)}")
    killed_db = fresh_db(work_dir, "resume-killed")
    kill_after = random.Random(seed).uniform(0.1, 0.9) * first.seconds
    run_killed_ingest([subset], killed_db, workers=workers, after_seconds=kill_after)
    stored_at_kill = count_rows(killed_db)
    rerun = run_ingest([subset], killed_db, n, workers=workers)
    print(f"killed after {kill_after:.1f} s with {stored_at_kill['results']} results stored; "
          f"rerun {rerun.seconds:.1f} s, {rerun.summary}; "
          f"store equals the uninterrupted run's: {dump_store(killed_db) == dump_store(whole_db)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000, help="stream articles")
    parser.add_argument("--resume-n", type=int, help="articles of the re-ingest and kill runs (default n/5)")
    parser.add_argument("--protest-n", type=int, default=1_000)
    parser.add_argument("--check-n", type=int, default=300, help="articles per prefilter check set")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--work-dir", type=Path, default=make_stream.DEFAULT_OUT_DIR)
    parser.add_argument("--skip", nargs="*", default=[], choices=["prefilter", "stream", "protest", "resume"])
    args = parser.parse_args(argv)
    resume_n = args.resume_n or args.n // 5
    args.work_dir.mkdir(parents=True, exist_ok=True)
    print(f"cores {os.cpu_count()}, python {sys.version.split()[0]}, load {_load()}")
    stream = args.work_dir / "stream.jsonl"
    protest = args.work_dir / "protest.jsonl"
    make_stream.write_jsonl(stream, make_stream.build_stream(args.n, args.seed))
    make_stream.write_jsonl(protest, make_stream.build_protest_set(args.protest_n, args.seed))
    if "prefilter" not in args.skip:
        check_prefilter(args.check_n, args.seed)
    if "stream" not in args.skip:
        bench_stream(stream, args.n, args.work_dir, args.workers)
    if "protest" not in args.skip:
        bench_protest(protest, args.protest_n, args.work_dir, args.workers)
    if "resume" not in args.skip:
        bench_resume(stream, resume_n, args.work_dir, args.workers, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
