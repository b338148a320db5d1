"""``Repository``: save extraction results and query events, on SQLite or PostgreSQL.

Every statement is built with SQLAlchemy expressions, so values (article text above all,
which comes from the web) always travel as bound parameters, never inside SQL.
"""
from __future__ import annotations

import datetime as dt
from typing import Any, Iterable, Iterator, Literal, Optional, Sequence, Union

from sqlalchemy import Engine, Select, delete, func, or_, select
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session, selectinload, sessionmaker

from protestwatch.errors import StoreError
from protestwatch.export.records import EventRecord
from protestwatch.schema import Article, Result
from protestwatch.store.convert import (
    event_to_row, fill_article_row, hash_article, result_to_row, row_to_article, row_to_record,
    rows_to_result,
)
from protestwatch.store.engine import create_store_engine, upgrade_database
from protestwatch.store.models import ArticleRow, EventRow, EvidenceRow, ResultRow, RunRow

SaveOutcome = Literal["stored", "replaced", "unchanged"]
DateLike = Union[dt.date, str]
# (west, south, east, north) in degrees, GeoJSON's order.
BoundingBox = tuple[float, float, float, float]
# (article, its result, its content hash): one article to save.
StoreItem = tuple[Article, Result, str]
# Keeps IN (...) lists under every backend's bound-parameter limit.
MAX_IDS_PER_QUERY = 500
EXPORT_PAGE_SIZE = 500


class Repository:
    """The store. Build it with ``Repository.open(url)``; close it (or use ``with``) after."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @classmethod
    def open(cls, url: str, *, migrate: bool = True) -> "Repository":
        """Connect to ``url`` (a SQLAlchemy URL or a SQLite file path), upgrading the schema."""
        engine = create_store_engine(url)
        try:
            if migrate:
                upgrade_database(engine)
        except SQLAlchemyError as error:
            engine.dispose()
            raise StoreError(f"cannot open database: {error}", location=url) from error
        return cls(engine)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Repository":
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- runs ---------------------------------------------------------------------------

    def start_run(self, pipeline_version: str, model_versions: Optional[dict[str, str]] = None, *,
                  reading_date: Optional[dt.date] = None) -> int:
        """Record a new run; ``reading_date`` is the day its undated articles are read as of."""
        run = RunRow(pipeline_version=pipeline_version, model_versions=dict(model_versions or {}),
                     started_at=_now(), articles_read=0, articles_stored=0, articles_skipped=0,
                     articles_failed=0, reading_date=reading_date, completed=False)
        with self._sessions.begin() as session:
            session.add(run)
        return run.id

    def finish_run(self, run_id: int, *, read: int, stored: int, skipped: int, failed: int,
                   completed: bool) -> None:
        """Record a run's counts; ``completed`` says it read all its input (a run killed
        before this call, or finished with ``completed=False``, is one to resume)."""
        with self._sessions.begin() as session:
            run = session.get(RunRow, run_id)
            if run is None:
                raise StoreError(f"no run {run_id}")
            run.finished_at = _now()
            run.articles_read, run.articles_stored = read, stored
            run.articles_skipped, run.articles_failed = skipped, failed
            run.completed = completed

    def reading_date_to_resume(self) -> Optional[dt.date]:
        """The reading date of the latest run when that run did not complete: the job a new
        run resumes, whose undated articles must be read as of the same day."""
        with self._sessions() as session:
            latest = session.scalars(select(RunRow).order_by(RunRow.id.desc()).limit(1)).first()
            return latest.reading_date if latest is not None and not latest.completed else None

    def list_runs(self) -> list[dict[str, Any]]:
        with self._sessions() as session:
            runs = session.scalars(select(RunRow).order_by(RunRow.id)).all()
            return [_run_to_dict(run) for run in runs]

    # -- writing ------------------------------------------------------------------------

    def has_article(self, article_id: str, content_hash: str) -> bool:
        """True when this article is stored with exactly this content."""
        return self.get_content_hashes([article_id]).get(article_id) == content_hash

    def get_content_hashes(self, article_ids: Iterable[str]) -> dict[str, str]:
        """The stored content hash of each of ``article_ids`` that is stored at all."""
        ids = sorted(set(article_ids))
        hashes: dict[str, str] = {}
        with self._sessions() as session:
            for start in range(0, len(ids), MAX_IDS_PER_QUERY):
                chunk = ids[start:start + MAX_IDS_PER_QUERY]
                rows = session.execute(
                    select(ArticleRow.id, ArticleRow.content_hash).where(ArticleRow.id.in_(chunk)))
                hashes.update((row.id, row.content_hash) for row in rows)
        return hashes

    def save_result(self, article: Article, result: Result, *, run_id: Optional[int] = None,
                    replace: bool = False, content_hash: Optional[str] = None) -> SaveOutcome:
        """Store an article with its result, in one transaction.

        The same article (same id, same content) again is left alone ("unchanged") unless
        ``replace``; a changed article has its result and events replaced ("replaced").
        """
        item = (article, result, content_hash or hash_article(article))
        [outcome] = self.save_results([item], run_id=run_id, replace=replace)
        return outcome

    def save_results(self, items: Sequence[StoreItem], *, run_id: Optional[int] = None,
                     replace: bool = False) -> list[SaveOutcome]:
        """``save_result`` for each (article, result, content hash) in order, all in one
        transaction: one round of reads and one flush instead of one per article, and a
        crash leaves either the whole batch or none of it."""
        for article, result, _ in items:
            if result.article_id != article.id:
                raise StoreError(f"result is for article {result.article_id!r}, not {article.id!r}")
        try:
            return self._write_results(items, run_id, replace)
        except IntegrityError:
            # Another writer inserted one of these articles between our read and our
            # insert; a second attempt sees its row and compares hashes like any other.
            return self._write_results(items, run_id, replace)

    def _write_results(self, items: Sequence[StoreItem], run_id: Optional[int],
                       replace: bool) -> list[SaveOutcome]:
        with self._sessions.begin() as session:
            stored = _lock_content_hashes(session, {article.id for article, _, _ in items})
            outcomes, latest = _plan_writes(items, stored, replace)
            _delete_articles(session, [article_id for article_id in latest if article_id in stored])
            for article, result, content_hash in latest.values():
                session.add(fill_article_row(ArticleRow(), article, content_hash, result.language))
                session.add(result_to_row(result, run_id))
                session.add_all(event_to_row(event, article.id, position)
                                for position, event in enumerate(result.events))
        return outcomes

    # -- reading ------------------------------------------------------------------------

    def get_article(self, article_id: str) -> Optional[Article]:
        with self._sessions() as session:
            row = session.get(ArticleRow, article_id)
            return row_to_article(row) if row else None

    def get_result(self, article_id: str) -> Optional[Result]:
        with self._sessions() as session:
            row = session.get(ResultRow, article_id)
            if row is None:
                return None
            events = session.scalars(
                select(EventRow).where(EventRow.article_id == article_id).order_by(EventRow.position)).all()
            return rows_to_result(row, list(events))

    def get_event(self, event_id: str) -> Optional[EventRecord]:
        with self._sessions() as session:
            row = session.get(EventRow, event_id, options=[selectinload(EventRow.article)])
            return row_to_record(row, row.article) if row else None

    def query_events(
        self, *, country: Union[str, Sequence[str], None] = None, since: Optional[DateLike] = None,
        until: Optional[DateLike] = None, event_type: Union[str, Sequence[str], None] = None,
        sub_event_type: Union[str, Sequence[str], None] = None, bbox: Optional[BoundingBox] = None,
        text: Optional[str] = None, limit: Optional[int] = None, offset: int = 0,
    ) -> list[EventRecord]:
        """Events matching every filter given, ordered by date, article and position.

        ``since``/``until`` keep events whose date span overlaps the range (both ends
        included); ``bbox`` is (west, south, east, north) and may cross the antimeridian;
        ``text`` is a case-insensitive substring of summary, places, actors and claims.
        """
        statement = build_event_query(country=country, since=since, until=until, event_type=event_type,
                                      sub_event_type=sub_event_type, bbox=bbox, text=text)
        statement = statement.offset(offset)
        if limit is not None:
            statement = statement.limit(limit)
        return list(self._read_records(statement))

    def iter_events(self, **filters: Any) -> Iterator[EventRecord]:
        """Like ``query_events`` without limit, page by page, for exports of any size."""
        statement = build_event_query(**filters)
        offset = 0
        while True:
            page = list(self._read_records(statement.offset(offset).limit(EXPORT_PAGE_SIZE)))
            yield from page
            if len(page) < EXPORT_PAGE_SIZE:
                return
            offset += EXPORT_PAGE_SIZE

    def _read_records(self, statement: Select) -> Iterator[EventRecord]:
        with self._sessions() as session:
            rows = session.execute(statement).all()
            return iter([row_to_record(event, article) for event, article in rows])

    def stats(self) -> dict[str, Any]:
        """Counts of what is stored, events by type and by country, and the date range."""
        with self._sessions() as session:
            first_date, last_date = session.execute(select(func.min(EventRow.date), func.max(EventRow.date))).one()
            return {
                "articles": _count(session, ArticleRow),
                "results": _count(session, ResultRow),
                "events": _count(session, EventRow),
                "evidence": _count(session, EvidenceRow),
                "runs": _count(session, RunRow),
                "event_types": _count_by(session, EventRow.event_type),
                "countries": _count_by(session, EventRow.country_code),
                "first_date": first_date.isoformat() if first_date else None,
                "last_date": last_date.isoformat() if last_date else None,
            }


def build_event_query(
    *, country: Union[str, Sequence[str], None] = None, since: Optional[DateLike] = None,
    until: Optional[DateLike] = None, event_type: Union[str, Sequence[str], None] = None,
    sub_event_type: Union[str, Sequence[str], None] = None, bbox: Optional[BoundingBox] = None,
    text: Optional[str] = None,
) -> Select:
    """The SELECT of (EventRow, ArticleRow) for these filters, in a stable order."""
    statement = select(EventRow, ArticleRow).join(ArticleRow, EventRow.article_id == ArticleRow.id)
    if country:
        statement = statement.where(EventRow.country_code.in_([code.upper() for code in _as_list(country)]))
    if event_type:
        statement = statement.where(EventRow.event_type.in_(_as_list(event_type)))
    if sub_event_type:
        statement = statement.where(EventRow.sub_event_type.in_(_as_list(sub_event_type)))
    if since is not None:
        statement = statement.where(func.coalesce(EventRow.end_date, EventRow.date) >= _as_date(since))
    if until is not None:
        statement = statement.where(EventRow.date <= _as_date(until))
    if bbox is not None:
        statement = statement.where(*_bbox_conditions(bbox))
    if text:
        statement = statement.where(EventRow.search_text.contains(text.lower(), autoescape=True))
    return statement.order_by(EventRow.date, EventRow.article_id, EventRow.position)


def _bbox_conditions(bbox: BoundingBox) -> list:
    west, south, east, north = bbox
    conditions = [EventRow.lat >= south, EventRow.lat <= north]
    if west <= east:
        conditions += [EventRow.lon >= west, EventRow.lon <= east]
    else:  # the box crosses the antimeridian: two longitude ranges
        conditions.append(or_(EventRow.lon >= west, EventRow.lon <= east))
    return conditions


def _lock_content_hashes(session: Session, article_ids: set[str]) -> dict[str, str]:
    """The stored content hash of each of ``article_ids`` stored, rows locked until commit."""
    ids = sorted(article_ids)
    hashes: dict[str, str] = {}
    for start in range(0, len(ids), MAX_IDS_PER_QUERY):
        rows = session.execute(select(ArticleRow.id, ArticleRow.content_hash)
                               .where(ArticleRow.id.in_(ids[start:start + MAX_IDS_PER_QUERY]))
                               .with_for_update())
        hashes.update((row.id, row.content_hash) for row in rows)
    return hashes


def _plan_writes(items: Sequence[StoreItem], stored: dict[str, str],
                 replace: bool) -> tuple[list[SaveOutcome], dict[str, StoreItem]]:
    """What saving ``items`` one by one would report, and the last version of each id
    written, which is all that one by one would leave in the store."""
    current = dict(stored)
    outcomes: list[SaveOutcome] = []
    latest: dict[str, StoreItem] = {}
    for item in items:
        article, _, content_hash = item
        previous = current.get(article.id)
        if previous == content_hash and not replace:
            outcomes.append("unchanged")
            continue
        outcomes.append("stored" if previous is None else "replaced")
        current[article.id] = content_hash
        latest[article.id] = item
    return outcomes, latest


def _delete_articles(session: Session, article_ids: list[str]) -> None:
    """Delete these articles with their results, events and evidence."""
    for start in range(0, len(article_ids), MAX_IDS_PER_QUERY):
        ids = article_ids[start:start + MAX_IDS_PER_QUERY]
        event_ids = select(EventRow.id).where(EventRow.article_id.in_(ids))
        session.execute(delete(EvidenceRow).where(EvidenceRow.event_id.in_(event_ids)))
        session.execute(delete(EventRow).where(EventRow.article_id.in_(ids)))
        session.execute(delete(ResultRow).where(ResultRow.article_id.in_(ids)))
        session.execute(delete(ArticleRow).where(ArticleRow.id.in_(ids)))


def _as_list(value: Union[str, Sequence[str]]) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


def _as_date(value: DateLike) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError as error:
        raise StoreError(f"not a date (YYYY-MM-DD): {value!r}") from error


def _count(session: Session, model: type) -> int:
    return session.scalar(select(func.count()).select_from(model)) or 0


def _count_by(session: Session, column: Any) -> dict[str, int]:
    rows = session.execute(select(column, func.count()).group_by(column).order_by(column))
    return {key: count for key, count in rows}


def _run_to_dict(run: RunRow) -> dict[str, Any]:
    return {
        "id": run.id, "pipeline_version": run.pipeline_version, "model_versions": run.model_versions,
        "started_at": run.started_at.isoformat() if run.started_at else None,
        "finished_at": run.finished_at.isoformat() if run.finished_at else None,
        "read": run.articles_read, "stored": run.articles_stored,
        "skipped": run.articles_skipped, "failed": run.articles_failed,
        "reading_date": run.reading_date.isoformat() if run.reading_date else None,
        "completed": run.completed,
    }


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)
