"""The single-article pipeline: Article in, Result out.

``load_pipeline()`` builds the spaCy pipeline from ``data/pipeline.cfg`` once;
``Pipeline.extract(article)`` runs it on one article and codes the events.
"""
from __future__ import annotations

import datetime as dt
import logging
from importlib import resources
from typing import Collection, Optional

import spacy
from spacy.language import Language

from . import __version__
from .extract.events import ArticleAnalysis, extract_events
from .extract.lexicon import Lexicon
from .extract.prefilter import TriggerPrefilter
from .ingest.language import detect_language as identify_language
from .nlp import factories  # noqa: F401  (registers the components)
from .nlp.extensions import sentence_spans, text_of
from .schema import Article, Result

PIPELINE_VERSION = f"protestwatch-rules-{__version__}"
# Language identification needs some text; shorter inputs are taken to be English.
MIN_CHARS_FOR_LANGUAGE_ID = 40
SUPPORTED_LANGUAGES = frozenset({"en"})

logger = logging.getLogger(__name__)


class Pipeline:
    """Holds the loaded NLP pipeline and lexicon; ``extract`` is pure given them."""

    def __init__(self, nlp: Language, lexicon: Lexicon):
        self.nlp = nlp
        self.lexicon = lexicon
        self.prefilter = TriggerPrefilter(lexicon)

    def extract(self, article: Article, *, default_published: Optional[str] = None,
                reading_date: Optional[dt.date] = None) -> Result:
        """Code ``article``'s events. An undated article (and no ``default_published``) is
        read as of ``reading_date``, else the clock's today: a job passes one day to all its
        articles so that its results do not change at midnight."""
        language = article.language or detect_language(article.text)
        published = article.published or default_published
        # No trigger word, no event: most news is not about protest or violence. Since the
        # skipped components were made fast the saving about pays for the scan (BENCHMARKS.md).
        unneeded = self.prefilter.unneeded_components(article.text, published)
        doc = self.analyse(article.text, published, reading_date=reading_date, skip=unneeded)
        result = Result(article_id=article.id, reference_date=doc._.reference_date.isoformat(),
                        reference_date_inferred=doc._.reference_date_inferred, language=language)
        if doc._.published is None and not _has_date(doc):
            result.warnings.append("no date in the article; relative dates resolved against the day "
                                   "it was read")
        if not article.text.strip():
            return result
        if language not in SUPPORTED_LANGUAGES:
            result.warnings.append(f"language '{language}' is not supported; no events extracted")
            return result
        result.quotes = list(doc._.quotes or [])
        if unneeded:
            return result
        result.events = extract_events(_analysis_of(doc), self.lexicon, _reconcile)
        return result

    def analyse(self, text: str, published: Optional[str] = None, *,
                reading_date: Optional[dt.date] = None, skip: Collection[str] = ()):
        """Run the spaCy components, but those named in ``skip``, over ``text`` published on
        ``published`` (or undated, and read on ``reading_date``)."""
        doc = self.nlp.make_doc(text)
        doc._.published = published
        doc._.reading_date = reading_date
        for name, component in self.nlp.pipeline:
            if name not in skip:
                doc = component(doc)
        return doc


def load_pipeline(config_path: Optional[str] = None) -> Pipeline:
    """Build the pipeline from ``config_path`` (default: the shipped ``pipeline.cfg``)."""
    if config_path is None:
        with resources.as_file(resources.files("protestwatch.data") / "pipeline.cfg") as path:
            config = spacy.util.load_config(path)
    else:
        config = spacy.util.load_config(config_path)
    nlp = spacy.blank("en", config=config)
    nlp.initialize()
    # The mention tagger loaded the lexicon in initialize(); the extract stage shares it.
    return Pipeline(nlp, nlp.get_pipe("pw_event_mentions").lexicon)


def detect_language(text: str) -> str:
    """ISO 639-1 code of ``text``; texts too short to identify are taken to be English."""
    if len(text.strip()) < MIN_CHARS_FOR_LANGUAGE_ID:
        return "en"
    return identify_language(text)


def _has_date(doc) -> bool:
    return any(t.kind == "absolute" for t in (doc._.times or []))


def _analysis_of(doc) -> ArticleAnalysis:
    return ArticleAnalysis(
        text=text_of(doc), reference_date=doc._.reference_date, sentences=sentence_spans(doc),
        times=doc._.times or [], quantities=doc._.quantities or [], places=doc._.places or [],
        mentions=doc._.event_mentions or [], focus_place=doc._.focus_place)


def _reconcile(estimates):
    from .nlp.quantities import reconcile
    return reconcile(estimates)
