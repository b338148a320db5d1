"""Shared fixtures. Expensive objects are built once per session and never mutated."""
import pytest


@pytest.fixture(scope="session")
def lexicon():
    from protestwatch.extract.lexicon import load_lexicon
    return load_lexicon()


@pytest.fixture(scope="session")
def pipeline():
    from protestwatch.pipeline import load_pipeline
    return load_pipeline()


# -- the API and the web app: one database of the sample articles, read by every test ---

API_TOKEN = "test-token"


@pytest.fixture(scope="session")
def api_token():
    """The write token of ``api_client``'s server."""
    return API_TOKEN


@pytest.fixture(scope="session")
def sample_store():
    """(input paths, results by article id) of the store the API and web tests read: the
    bundled sample articles and one hostile article (HTML and script in its id, title,
    source, url and text), with their results frozen in tests/data/served-results.jsonl
    so that these tests stay fixed while the extraction rules change."""
    from pathlib import Path

    from protestwatch.schema import Result

    root = Path(__file__).resolve().parents[1]
    with open(root / "tests" / "data" / "served-results.jsonl", encoding="utf-8") as lines:
        results = {result.article_id: result for result in map(Result.model_validate_json, lines)}
    return [root / "examples" / "articles.jsonl", root / "tests" / "data" / "hostile-article.jsonl"], results


@pytest.fixture(scope="session")
def served_db_url(tmp_path_factory, sample_store):
    """A SQLite store of ``sample_store``, filled by ``ingest``. Read-only: tests
    that write build their own store."""
    from protestwatch.store.jobs import ingest

    inputs, results = sample_store
    url = f"sqlite:///{tmp_path_factory.mktemp('served') / 'events.db'}"
    counts = ingest([str(path) for path in inputs], db_url=url, progress=False,
                    extractor_factory=lambda: lambda article: results[article.id])
    assert counts.failed == 0, counts.failures
    return url


@pytest.fixture(scope="session")
def api_client(served_db_url):
    """A TestClient of the app over ``served_db_url``; writes need ``API_TOKEN``."""
    from fastapi.testclient import TestClient

    from protestwatch.api import create_app

    with TestClient(create_app(served_db_url, token=API_TOKEN)) as client:
        yield client
