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
