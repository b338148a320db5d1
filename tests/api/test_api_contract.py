"""Contract tests: schemathesis generates requests from /openapi.json, valid and not, and
checks every response against the document (status codes, content types, schemas, auth)
and that the server never answers 5xx."""
import pytest
import schemathesis
from hypothesis import HealthCheck, settings

# The server's token, and the header every generated request carries.
API_TOKEN = "contract-token"
# Enough to reach every parameter of every operation; the run stays well under a minute.
MAX_EXAMPLES_PER_OPERATION = 25


def _build_app():
    """An app over an in-memory store, whose extractor stores an empty result: this
    tests the API, not the extraction. (Built at collection, as ``from_asgi`` needs it
    then; ``schemathesis.pytest.from_fixture`` does not work with pytest 9.2.)"""
    from protestwatch.api import create_app
    from protestwatch.schema import Result

    def extract_nothing():
        return lambda article: Result(article_id=article.id, reference_date="2024-01-01")

    return create_app("sqlite://", token=API_TOKEN, extractor_factory=extract_nothing)


app = _build_app()
schema = schemathesis.openapi.from_asgi("/openapi.json", app)


@pytest.fixture(scope="module", autouse=True)
def _fill_store(sample_store):
    from protestwatch.ingest import read_articles

    inputs, results = sample_store
    repository = app.state.context.repository
    for article in read_articles([str(path) for path in inputs]):
        repository.save_result(article, results[article.id])
    yield
    repository.close()


@schema.parametrize()
# derandomize: the same examples on every run, so a failure in CI reproduces here.
@settings(max_examples=MAX_EXAMPLES_PER_OPERATION, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
def test_api_contract_conforms_to_openapi(case):
    case.call_and_validate(headers={"Authorization": f"Bearer {API_TOKEN}"})
