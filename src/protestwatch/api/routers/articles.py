"""``GET /api/articles/{id}`` and ``POST /api/articles`` (extract and store, token only)."""
from __future__ import annotations

from typing import Annotated, Union

from fastapi import APIRouter, Body, Depends, HTTPException, status
from pydantic import Field
from sqlalchemy.orm import Session

from protestwatch.api.context import ApiContext, get_context, get_session
from protestwatch.api.convert import to_article_out, to_event_out
from protestwatch.api.models import (
    MAX_ARTICLES_PER_SUBMISSION, ArticleDetailOut, ArticleSubmission, ErrorOut, SubmissionOutcome,
    SubmissionReport,
)
from protestwatch.api.security import require_token
from protestwatch.schema import Article
from protestwatch.store.jobs import describe_pipeline_version
from protestwatch.store.queries import get_article_with_events, list_event_ids

router = APIRouter(prefix="/api/articles", tags=["articles"])
Submission = Union[ArticleSubmission, Annotated[list[ArticleSubmission],
                                                Field(min_length=1, max_length=MAX_ARTICLES_PER_SUBMISSION)]]


# ``:path``: article ids are the publisher's and may contain slashes.
@router.get("/{article_id:path}", response_model=ArticleDetailOut, responses={404: {"model": ErrorOut}})
def get_article(article_id: str, session: Annotated[Session, Depends(get_session)]) -> ArticleDetailOut:
    """The stored article with its text and the events extracted from it."""
    found = get_article_with_events(session, article_id)
    if found is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no article {article_id!r}")
    article, reference_date, listings = found
    return ArticleDetailOut(article=to_article_out(article, reference_date),
                            events=[to_event_out(listing) for listing in listings])


@router.post("", response_model=SubmissionReport, dependencies=[Depends(require_token)],
             responses={400: {"model": ErrorOut, "description": "a body that is not JSON"},
                        401: {"model": ErrorOut, "description": "no token, or a wrong one"},
                        403: {"model": ErrorOut, "description": "the server is read-only"}})
def post_articles(submission: Annotated[Submission, Body()],
                  context: Annotated[ApiContext, Depends(get_context)]) -> SubmissionReport:
    """Extract events from one article or a list of them and store them, as
    ``protestwatch ingest`` does: an article already stored with the same content is left
    as it is (``unchanged``), a changed one has its events replaced."""
    articles = submission if isinstance(submission, list) else [submission]
    repository = context.repository
    run_id = repository.start_run(describe_pipeline_version(context.extractor_factory))
    outcomes = [submit_article(Article.model_validate(article.model_dump()), context, run_id)
                for article in articles]
    stored = sum(outcome.outcome in ("stored", "replaced") for outcome in outcomes)
    failed = sum(outcome.outcome == "failed" for outcome in outcomes)
    repository.finish_run(run_id, read=len(outcomes), stored=stored, skipped=len(outcomes) - stored - failed,
                          failed=failed, completed=True)
    return SubmissionReport(articles=outcomes)


def submit_article(article: Article, context: ApiContext, run_id: int) -> SubmissionOutcome:
    extraction = context.extractor.extract(article)
    if extraction.result is None:
        return SubmissionOutcome(article_id=article.id, outcome="failed", error=extraction.error)
    outcome = context.repository.save_result(article, extraction.result, run_id=run_id)
    with context.sessions() as session:
        event_ids = list_event_ids(session, article.id)
    return SubmissionOutcome(article_id=article.id, outcome=outcome, event_ids=event_ids)
