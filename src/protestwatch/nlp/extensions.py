"""Custom Doc attributes that protestwatch's components read and write.

Every attribute a component requires or assigns is declared here, so that
``nlp.analyze_pipes()`` can check the order of the pipeline.
"""
from spacy.tokens import Doc

DOC_EXTENSIONS = {
    "published": None,        # str given with the article (input), or None
    "reading_date": None,     # datetime.date undated text is read on (input); None: the clock's today
    "reference_date": None,   # datetime.date the article's relative dates resolve against
    "reference_date_inferred": None,  # bool: reference_date was read off the text
    "times": None,            # list[nlp.times.TimeExpression]
    "quantities": None,       # list[nlp.quantities.QuantityMention]
    "places": None,           # list[geo.resolve.Place]
    "focus_place": None,      # geo.resolve.Place the article is about, or None
    "event_mentions": None,   # list[extract.mentions.Mention]
    "quotes": None,           # list[schema.Quote]
}


def register_extensions() -> None:
    """Declare the Doc attributes; safe to call more than once."""
    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


def text_of(doc: Doc) -> str:
    """``doc.text``, joined once per doc: spaCy rebuilds it from the tokens on every access,
    and each component needs it."""
    if "pw_text" not in doc.user_data:
        doc.user_data["pw_text"] = doc.text
    return doc.user_data["pw_text"]


def sentence_spans(doc: Doc) -> list[tuple[int, int]]:
    """(start_char, end_char) of each sentence, trailing whitespace excluded; computed once
    per doc, after the sentence boundaries are set."""
    if "pw_sentence_spans" not in doc.user_data:
        doc.user_data["pw_sentence_spans"] = _find_sentence_spans(doc)
    return doc.user_data["pw_sentence_spans"]


def _find_sentence_spans(doc: Doc) -> list[tuple[int, int]]:
    doc_text = text_of(doc)
    spans = []
    for sentence in doc.sents:
        # sentence.text, without joining its tokens again
        text = doc_text[sentence.start_char:sentence.end_char]
        stripped = text.rstrip()
        if stripped.strip():
            lead = len(text) - len(text.lstrip())
            spans.append((sentence.start_char + lead, sentence.start_char + len(stripped)))
    return spans
