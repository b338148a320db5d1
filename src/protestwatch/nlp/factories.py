"""Registration of protestwatch's spaCy components, each with its contract.

Factory names are ``pw_<noun>``. They are also advertised through the ``spacy_factories``
entry point so that saved pipelines load.
"""
from spacy.language import Language

from . import components
from .extensions import register_extensions

register_extensions()


@Language.factory("pw_paragraphs", assigns=["token.is_sent_start"])
def make_paragraphs(nlp: Language, name: str):
    return components.ParagraphSentencizer(nlp, name)


@Language.factory("pw_reference_date", assigns=["doc._.reference_date", "doc._.reference_date_inferred"])
def make_reference_date(nlp: Language, name: str):
    return components.ReferenceDateTagger(nlp, name)


@Language.factory("pw_times", requires=["doc._.reference_date"], assigns=["doc._.times"])
def make_times(nlp: Language, name: str):
    return components.TimeTagger(nlp, name)


@Language.factory("pw_quantities", assigns=["doc._.quantities"])
def make_quantities(nlp: Language, name: str):
    return components.QuantityTagger(nlp, name)


@Language.factory("pw_quotes", assigns=["doc._.quotes"])
def make_quotes(nlp: Language, name: str):
    return components.QuoteTagger(nlp, name)


@Language.factory("pw_places", default_config={"gazetteer_path": None},
                  assigns=["doc._.places", "doc._.focus_place"])
def make_places(nlp: Language, name: str, gazetteer_path):
    return components.PlaceTagger(nlp, name, gazetteer_path=gazetteer_path)


@Language.factory("pw_event_mentions", requires=["token.is_sent_start", "doc._.times"],
                  assigns=["doc._.event_mentions"])
def make_event_mentions(nlp: Language, name: str):
    return components.EventMentionTagger(nlp, name)
