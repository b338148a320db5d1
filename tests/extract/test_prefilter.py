"""The trigger prefilter skips work, never events: results with and without it are equal."""
from pathlib import Path

import pytest

from protestwatch.extract.prefilter import EVENT_COMPONENTS, TriggerPrefilter
from protestwatch.ingest import read_articles
from protestwatch.pipeline import Pipeline
from protestwatch.schema import Article

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
ARTICLE_FILES = [
    ROOT / "examples" / "articles.jsonl",
    ROOT / "benchmarks" / "gold" / "hard_articles.jsonl",
    SHARED / "examples" / "belarus-2020.txt",
]
# Written for these tests: a quote, dates, numbers and places, but no trigger word.
TRIGGER_FREE_TEXTS = [
    'The central bank kept its rate at 7.5% on 3 May 2024. "We see inflation easing," the '
    "governor, Jane Otieno, told reporters in Nairobi.",
    "Exporters in Durban said on Tuesday that 1,200 containers were waiting at the port. "
    '"The queue is the longest this year," a spokesman for the harbour said.',
]


class PassEverything:
    """A prefilter that lets every article through the whole pipeline."""

    def unneeded_components(self, text, published):
        return frozenset()


@pytest.fixture(scope="module")
def unfiltered(pipeline):
    without = Pipeline(pipeline.nlp, pipeline.lexicon)
    without.prefilter = PassEverything()
    return without


def _sample_articles():
    return list(read_articles([str(path) for path in ARTICLE_FILES]))


def test_prefilter_keeps_every_result_of_the_sample_articles(pipeline, unfiltered):
    articles = _sample_articles()
    assert len(articles) == 881  # examples/, our 870 long articles, the founding article
    for article in articles:
        assert pipeline.extract(article) == unfiltered.extract(article), article.id


@pytest.mark.parametrize("text", TRIGGER_FREE_TEXTS)
@pytest.mark.parametrize("published", [None, "2024-05-07"])
def test_prefilter_keeps_result_of_text_without_trigger(pipeline, unfiltered, text, published):
    assert not pipeline.prefilter.may_hold_event(text)
    article = Article(id="quiet", text=text, published=published)
    filtered = pipeline.extract(article)
    assert filtered == unfiltered.extract(article)
    assert filtered.events == [] and filtered.quotes


def test_prefilter_lets_any_trigger_word_through(lexicon):
    prefilter = TriggerPrefilter(lexicon)
    assert prefilter.may_hold_event("Dockworkers went on strike in Durban.")
    assert prefilter.may_hold_event("A roadside bomb exploded near the convoy.")
    assert prefilter.unneeded_components("Nurses protested.", "2024-05-07") == frozenset()


def test_prefilter_skips_event_components_of_text_without_trigger(lexicon):
    prefilter = TriggerPrefilter(lexicon)
    undated = prefilter.unneeded_components(TRIGGER_FREE_TEXTS[0], None)
    dated = prefilter.unneeded_components(TRIGGER_FREE_TEXTS[0], "2024-05-07")
    assert undated == EVENT_COMPONENTS
    assert dated > EVENT_COMPONENTS and "pw_times" in dated
