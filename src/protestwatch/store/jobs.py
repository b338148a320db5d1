"""Jobs over the store: ``ingest`` (read, extract, save) and ``export_events``.

``ingest`` is resumable: each batch of results is committed in one transaction, and an
article already stored with the same content is skipped before extraction, so rerunning
after a crash, or a kill -9, finishes with the database an uninterrupted run would have left.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import functools
import multiprocessing
import sys
from dataclasses import dataclass, field
from typing import Any, Callable, ContextManager, Iterable, Iterator, Literal, Optional, Protocol, Sequence

from protestwatch.errors import InputError
from protestwatch.export.writers import BINARY_FORMATS, check_format, write_events
from protestwatch.ingest import read_articles
from protestwatch.schema import Article, Result
from protestwatch.store.convert import hash_article
from protestwatch.store.repository import Repository

Extractor = Callable[[Article], Result]
ExtractorFactory = Callable[[], Extractor]
BatchRunner = Callable[[list[Article]], "PendingExtractions"]
StoreItem = tuple[Article, Result, str]
Engine = Literal["local", "dask"]

# Articles read before a batch is extracted and saved: a crash loses at most one batch
# of extraction work, the hash lookup and the save stay one transaction each, and a
# worker that finishes early idles at most for the last article of the batch.
ARTICLES_PER_WORKER_BATCH = 32
MIN_BATCH_SIZE = 32


@dataclass
class IngestCounts:
    read: int = 0
    stored: int = 0
    skipped: int = 0
    failed: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)

    def add_failure(self, where: str, reason: str) -> None:
        self.failed += 1
        self.failures.append((where, reason))

    def format_summary(self) -> str:
        """The counts on one line, then each failure with its reason on its own."""
        lines = [f"ingest: {self.read} read, {self.stored} stored, {self.skipped} skipped, "
                 f"{self.failed} failed"]
        lines += [f"  failed {where}: {reason}" for where, reason in self.failures]
        return "\n".join(lines)


@dataclass(frozen=True)
class Extraction:
    """What extracting one article gave: a result, or the reason there is none."""

    article_id: str
    result: Optional[Result] = None
    error: Optional[str] = None


class PendingExtractions(Protocol):
    """A batch handed to an engine; ``get`` waits for its extractions, in input order."""

    def get(self) -> list[Extraction]: ...


@dataclass(frozen=True)
class DoneExtractions:
    """A batch extracted before it was handed back (one process: nothing to overlap)."""

    extractions: list[Extraction]

    def get(self) -> list[Extraction]:
        return self.extractions


@dataclass
class SubmittedBatch:
    """Articles of one input batch on their way through an engine."""

    size: int
    pending: list[tuple[Article, str]]
    extractions: PendingExtractions


def load_default_extractor(reading_date: Optional[dt.date] = None) -> Extractor:
    """The shipped pipeline's ``extract``, reading undated articles as of ``reading_date``
    (default: the clock's day of each article); built once per process that calls it."""
    from protestwatch.pipeline import load_pipeline

    return functools.partial(load_pipeline().extract, reading_date=reading_date)


def extract_one(article: Article, extractor: Extractor) -> Extraction:
    """The single-article step every engine runs; one article's failure stays its own."""
    try:
        result = extractor(article)
    except Exception as error:  # noqa: BLE001 - any pipeline bug must not end the run
        return Extraction(article.id, error=f"{type(error).__name__}: {error}")
    if result.article_id != article.id:
        return Extraction(article.id, error=f"extractor returned a result for {result.article_id!r}")
    return Extraction(article.id, result=result)


def ingest(
    inputs: Sequence[str], *, db_url: str, workers: int = 1, engine: Engine = "local",
    scheduler: Optional[str] = None, skip_errors: bool = False, progress: bool = True,
    extractor_factory: Optional[ExtractorFactory] = None, batch_size: Optional[int] = None,
) -> IngestCounts:
    """Read ``inputs``, extract each new or changed article and save its result.

    ``engine="local"`` with ``workers > 1`` extracts in a process pool; ``"dask"`` on a
    dask.distributed cluster (a local one unless ``scheduler`` gives an address). Results
    are saved in input order whatever the engine, so the database is the same for all.
    Undated articles are read as of the day the job started: a run resuming one that did
    not complete takes that run's day, so the job's results do not depend on the clock.
    """
    counts = IngestCounts()
    batch_size = batch_size or max(MIN_BATCH_SIZE, workers * ARTICLES_PER_WORKER_BATCH)

    def report_input_error(error: InputError) -> None:
        counts.add_failure(error.location or "<input>", error.message)

    with contextlib.ExitStack() as stack:
        repository = stack.enter_context(Repository.open(db_url))
        reading_date = repository.reading_date_to_resume() or dt.date.today()
        factory = extractor_factory or functools.partial(load_default_extractor, reading_date)
        run_batch = open_lazily(functools.partial(open_batch_runner, factory, engine=engine,
                                                  workers=workers, scheduler=scheduler), stack)
        bar = stack.enter_context(_open_progress_bar(progress))
        run_id = repository.start_run(describe_pipeline_version(extractor_factory), reading_date=reading_date)
        completed = False
        try:
            articles = read_articles(inputs, skip_errors=skip_errors, on_error=report_input_error)
            # One batch is extracted while the one before it is saved: the workers need not
            # wait for the database. The next batch is chosen only once the previous one's
            # extractions are in, so what it skips is what a save-then-read order would skip.
            in_flight: Optional[SubmittedBatch] = None
            save = functools.partial(save_batch, repository=repository, run_id=run_id, counts=counts, bar=bar)
            try:
                for batch in chunk(articles, batch_size):
                    previous, in_flight = in_flight, None
                    finished = collect_batch(previous, counts) if previous else []
                    in_flight = submit_batch(batch, repository=repository, run_batch=run_batch,
                                             counts=counts, saving=finished)
                    if previous:
                        save(finished, previous.size)
            except InputError:
                # Reading stopped at bad input: what was read before it is still saved.
                if in_flight:
                    save(collect_batch(in_flight, counts), in_flight.size)
                raise
            if in_flight:
                save(collect_batch(in_flight, counts), in_flight.size)
            completed = True
        finally:
            repository.finish_run(run_id, read=counts.read, stored=counts.stored,
                                  skipped=counts.skipped, failed=counts.failed, completed=completed)
    return counts


def submit_batch(batch: list[Article], *, repository: Repository, run_batch: BatchRunner,
                 counts: IngestCounts, saving: Sequence[StoreItem]) -> SubmittedBatch:
    """Hand the new or changed articles of ``batch`` to the engine; ``saving`` are results
    about to be saved, which count as stored when choosing what to skip."""
    counts.read += len(batch)
    hashes = [hash_article(article) for article in batch]
    stored_hashes = repository.get_content_hashes([article.id for article in batch])
    stored_hashes.update((article.id, content_hash) for article, _, content_hash in saving)
    pending = select_pending(batch, hashes, stored_hashes)
    counts.skipped += len(batch) - len(pending)
    return SubmittedBatch(len(batch), pending, run_batch([article for article, _ in pending]))


def collect_batch(submitted: SubmittedBatch, counts: IngestCounts) -> list[StoreItem]:
    """Wait for a submitted batch; its results to save, in input order, failures counted."""
    items = []
    for (article, content_hash), extraction in zip(submitted.pending, submitted.extractions.get()):
        if extraction.result is None:
            counts.add_failure(article.id, extraction.error or "no result")
        else:
            items.append((article, extraction.result, content_hash))
    return items


def save_batch(items: list[StoreItem], size: int, *, repository: Repository, run_id: int,
               counts: IngestCounts, bar: Any) -> None:
    """Save a collected batch in one transaction; ``size`` articles were read for it."""
    outcomes = repository.save_results(items, run_id=run_id)
    counts.skipped += outcomes.count("unchanged")
    counts.stored += len(outcomes) - outcomes.count("unchanged")
    bar.update(size)
    bar.set_postfix(stored=counts.stored, skipped=counts.skipped, failed=counts.failed)


def select_pending(batch: list[Article], hashes: list[str],
                   stored_hashes: dict[str, str]) -> list[tuple[Article, str]]:
    """The articles that would change the store, saved one after another in this order.

    An article is skipped when its content equals the latest version of its id, stored
    or earlier in the batch: exactly what saving them one by one would leave unchanged.
    """
    latest = dict(stored_hashes)
    pending = []
    for article, content_hash in zip(batch, hashes):
        if latest.get(article.id) == content_hash:
            continue
        latest[article.id] = content_hash
        pending.append((article, content_hash))
    return pending


def open_lazily(open_runner: Callable[[], ContextManager[BatchRunner]],
                stack: contextlib.ExitStack) -> BatchRunner:
    """A runner that opens the real one, on ``stack``, at the first batch with articles: a
    rerun over stored articles starts no worker processes, cluster or pipeline."""
    opened: list[BatchRunner] = []

    def run_batch(articles: list[Article]) -> PendingExtractions:
        if not articles:
            return DoneExtractions([])
        if not opened:
            opened.append(stack.enter_context(open_runner()))
        return opened[0](articles)

    return run_batch


@contextlib.contextmanager
def open_batch_runner(factory: ExtractorFactory, *, engine: Engine, workers: int,
                      scheduler: Optional[str]) -> Iterator[BatchRunner]:
    """A function that extracts a list of articles, in order, on the chosen engine."""
    if engine == "dask":
        from protestwatch.batch import open_dask_runner

        with open_dask_runner(factory, workers=workers, scheduler=scheduler) as run_batch:
            yield run_batch
    elif engine != "local":
        raise ValueError(f"unknown engine {engine!r}; choose 'local' or 'dask'")
    elif workers <= 1:
        extractor = factory()
        yield lambda articles: DoneExtractions([extract_one(article, extractor) for article in articles])
    else:
        with open_process_pool_runner(factory, workers=workers) as run_batch:
            yield run_batch


@contextlib.contextmanager
def open_process_pool_runner(factory: ExtractorFactory, *, workers: int) -> Iterator[BatchRunner]:
    # spawn, not fork: forking a parent that holds database connections and a progress
    # thread is unsafe, and spawn behaves the same on every platform.
    context = multiprocessing.get_context("spawn")
    with context.Pool(workers, initializer=_start_worker, initargs=(factory,)) as pool:
        def run_batch(articles: list[Article]) -> PendingExtractions:
            # One article per task: articles take 5 to 500 ms, and a task's overhead is
            # far less, so the workers stay balanced up to the last article.
            return pool.map_async(_extract_in_worker, articles, chunksize=1)

        yield run_batch


# Written only inside pool worker processes, once, by _start_worker: the per-process
# pipeline that multiprocessing offers no other place to keep. The parent never uses it.
_worker_state: dict[str, Extractor] = {}


def _start_worker(factory: ExtractorFactory) -> None:
    _worker_state["extractor"] = factory()


def _extract_in_worker(article: Article) -> Extraction:
    return extract_one(article, _worker_state["extractor"])


def describe_pipeline_version(extractor_factory: Optional[ExtractorFactory]) -> str:
    """The version recorded in ``runs``: the shipped pipeline's, or the custom factory's."""
    if extractor_factory is None:
        from protestwatch.pipeline import PIPELINE_VERSION

        return PIPELINE_VERSION
    version = getattr(extractor_factory, "pipeline_version", None)
    if version:
        return str(version)
    name = getattr(extractor_factory, "__qualname__", type(extractor_factory).__name__)
    return f"custom:{getattr(extractor_factory, '__module__', '?')}.{name}"[:64]


def chunk(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """Consecutive lists of ``size`` items (the last may be shorter), read lazily."""
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


@contextlib.contextmanager
def _open_progress_bar(enabled: bool) -> Iterator[Any]:
    from tqdm import tqdm

    with tqdm(file=sys.stderr, disable=not enabled, unit=" articles", desc="ingest") as bar:
        yield bar


def export_events(
    *, db_url: str, country: Optional[str] = None, since: Optional[str] = None,
    until: Optional[str] = None, event_type: Optional[str] = None, fmt: str = "jsonl",
    output: Optional[str] = None,
) -> int:
    """Write the stored events that match the filters to ``output`` (a path; None or "-"
    for standard output) in ``fmt``; return how many were written."""
    check_format(fmt)
    with Repository.open(db_url) as repository, _open_output(output, binary=fmt in BINARY_FORMATS) as stream:
        records = repository.iter_events(country=country, since=since, until=until, event_type=event_type)
        return write_events(records, fmt, stream)


@contextlib.contextmanager
def _open_output(output: Optional[str], *, binary: bool) -> Iterator[Any]:
    if output in (None, "-"):
        stream = sys.stdout.buffer if binary else sys.stdout
        yield stream
        stream.flush()
    elif binary:
        with open(output, "wb") as stream:
            yield stream
    else:
        # newline="": the csv module writes its own line ends.
        with open(output, "w", encoding="utf-8", newline="") as stream:
            yield stream
