"""The work behind each ``protestwatch`` command."""
from __future__ import annotations

import contextlib
import datetime as dt
import logging
import sys
from multiprocessing import get_context
from typing import Iterable, Iterator, Optional

from tqdm import tqdm

from .schema import Article, Result

# Articles handed to a worker process at a time: large enough to amortise pickling,
# small enough that the progress bar moves and memory stays flat.
WORKER_CHUNKSIZE = 8


def run_extract(args) -> int:
    from .export.writers import write_results
    from .ingest import read_articles
    errors = []
    articles = read_articles(args.inputs, skip_errors=args.skip_errors, on_error=errors.append)
    results = extract_all(articles, workers=args.workers, published=args.published,
                          progress=not args.quiet)
    if args.table:
        results = _tee_table(results)
    with _open_output(args.output) as stream:
        write_results(results, args.format, stream)
    for error in errors:
        print(f"protestwatch: skipped {error}", file=sys.stderr)
    return 0


def extract_all(articles: Iterable[Article], *, workers: int = 1, published: Optional[str] = None,
                progress: bool = True) -> Iterator[Result]:
    """Results in input order, one per article, streaming; ``workers`` > 1 uses processes.
    Undated articles are all read as of the day the command started."""
    reading_date = dt.date.today()
    bar = tqdm(unit="article", disable=not progress, file=sys.stderr, delay=1.0)
    try:
        if workers <= 1:
            from .pipeline import load_pipeline
            pipeline = load_pipeline()
            for article in articles:
                yield pipeline.extract(article, default_published=published, reading_date=reading_date)
                bar.update()
        else:
            with get_context("spawn").Pool(workers, initializer=_init_worker,
                                           initargs=(published, reading_date)) as pool:
                for result in pool.imap(_extract_in_worker, articles, chunksize=WORKER_CHUNKSIZE):
                    yield result
                    bar.update()
    finally:
        bar.close()


_WORKER_STATE: dict = {}


def _init_worker(published: Optional[str], reading_date: dt.date) -> None:
    # Each process loads its own pipeline once; the dict is per process, never shared.
    from .pipeline import load_pipeline
    _WORKER_STATE["pipeline"] = load_pipeline()
    _WORKER_STATE["published"] = published
    _WORKER_STATE["reading_date"] = reading_date


def _extract_in_worker(article: Article) -> Result:
    return _WORKER_STATE["pipeline"].extract(article, default_published=_WORKER_STATE["published"],
                                             reading_date=_WORKER_STATE["reading_date"])


def _tee_table(results: Iterable[Result]) -> Iterator[Result]:
    print(format_table_header(), file=sys.stderr)
    for result in results:
        for line in format_table_rows(result):
            print(line, file=sys.stderr)
        yield result


TABLE_COLUMNS = (("article", 24), ("date", 10), ("place", 22), ("type", 34), ("crowd", 16),
                 ("arrests", 11), ("deaths", 7))


def format_table_header() -> str:
    header = " ".join(name.ljust(width) for name, width in TABLE_COLUMNS)
    return header + "\n" + "-" * len(header)


def format_table_rows(result: Result) -> list[str]:
    rows = []
    for event in result.events:
        place = event.location.place or event.location.name
        cells = (result.article_id, event.date, f"{place}, {event.location.country_code}",
                 f"{event.event_type}/{event.sub_event_type}", _range(event.crowd_size),
                 _range(event.arrests), _range(event.fatalities))
        rows.append(" ".join(str(c)[:w].ljust(w) for c, (_, w) in zip(cells, TABLE_COLUMNS)))
    return rows


def _range(quantity) -> str:
    if quantity is None:
        return "-"
    if quantity.low == quantity.high:
        return f"{quantity.low}" if quantity.low is not None else "?"
    low = "?" if quantity.low is None else f"{quantity.low}"
    high = "" if quantity.high is None else f"{quantity.high}"
    return f"{low}-{high}" if high else f">{low}"


def run_eval(args) -> int:
    import json
    from .evaluate import score_files
    report = score_files(args.gold, args.predicted)
    print(json.dumps(report.to_dict(), indent=1) if args.json else report.format_report())
    return 0


def run_geocode(args) -> int:
    from .geo.jobs import geocode_file
    geocode_file(args.input, args.output)
    return 0


def run_geoparse(args) -> int:
    from .geo.jobs import geoparse_file
    geoparse_file(args.input, args.output)
    return 0


def run_ingest(args) -> int:
    from .store.jobs import ingest
    if args.engine == "dask":
        quiet_dask_logs()
    counts = ingest(args.inputs, db_url=args.db, workers=args.workers, engine=args.engine,
                    scheduler=args.scheduler, skip_errors=args.skip_errors, progress=not args.quiet)
    print(counts.format_summary(), file=sys.stderr)
    return 1 if counts.failed and not args.skip_errors else 0


def quiet_dask_logs() -> None:
    """dask.distributed logs each scheduler, nanny and worker start and stop at INFO (it
    sets that level when imported); the progress bar and the summary are what users read."""
    import distributed  # noqa: F401 - imported first so its logging set-up runs now

    logging.getLogger("distributed").setLevel(logging.WARNING)


def run_events(args) -> int:
    from .store.jobs import export_events
    export_events(db_url=args.db, country=args.country, since=args.since, until=args.until,
                  event_type=args.event_type, fmt=args.format,
                  output=None if args.output == "-" else args.output)
    return 0


def run_serve(args) -> int:
    import os

    import uvicorn

    from .api import create_app
    from .api.security import TOKEN_VARIABLE
    token = os.environ.get(TOKEN_VARIABLE)
    app = create_app(args.db, token=token)
    mode = "accepting articles with the token" if token else f"read-only: {TOKEN_VARIABLE} is not set"
    print(f"protestwatch: serving {args.db} at http://{args.host}:{args.port}/ ({mode})", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0


@contextlib.contextmanager
def _open_output(path: str):
    if path == "-":
        yield sys.stdout
        sys.stdout.flush()
    else:
        with open(path, "w", encoding="utf-8", newline="") as stream:
            yield stream


COMMANDS = {"extract": run_extract, "eval": run_eval, "geocode": run_geocode,
            "geoparse": run_geoparse, "ingest": run_ingest, "events": run_events,
            "serve": run_serve}
