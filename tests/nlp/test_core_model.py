"""The committed core pipeline (models/pw_core_en): loads offline, tags, parses, finds
names. Sentences are invented; the assertions are what any usable English model gets right."""
import socket

import pytest

from protestwatch.nlp.core_model import MODEL_PATH_VARIABLE, find_core_model, load_core_model

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def core_nlp():
    return load_core_model()


def test_core_model_loads_without_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError("network use while loading the core model")
    monkeypatch.setattr(socket.socket, "connect", refuse)
    nlp = load_core_model()
    assert nlp.pipe_names == ["tok2vec", "tagger", "morphologizer", "parser", "ner"]
    assert set(nlp.get_pipe("ner").labels) == {"PER", "LOC", "ORG", "MISC"}


@pytest.mark.parametrize("text,entities", [
    ("Police in Nairobi arrested Peter Mwangi, a spokesman for the Kenya National Union of Teachers, on Monday.",
     {("Nairobi", "LOC"), ("Peter Mwangi", "PER"), ("Kenya National Union of Teachers", "ORG")}),
    ("Maria Gonzalez told Reuters that the march in Santiago was peaceful.",
     {("Maria Gonzalez", "PER"), ("Reuters", "ORG"), ("Santiago", "LOC")}),
])
def test_core_model_finds_entities(core_nlp, text, entities):
    found = {(ent.text, ent.label_) for ent in core_nlp(text).ents}
    assert entities <= found


# Known failure modes of the committed model (models/README.md) are strict xfails, so a
# retrained model that fixes one makes the test say so.
MISREADS_QUANTITY_SUBJECT = pytest.mark.xfail(
    strict=True, reason="'Thousands of students marched' is read as a reduced relative: "
                        "news-style subjects are rare in EWT's web text")
MISSES_SENTENCE_ENDS = pytest.mark.xfail(
    strict=True, reason="the parser was trained one sentence at a time; set sentence "
                        "starts first (sentencizer)")


@pytest.mark.parametrize("text,subject,verb", [
    ("The police arrested dozens of protesters.", "police", "arrested"),
    ("The riot police fired tear gas at the crowd.", "police", "fired"),
    pytest.param("Thousands of students marched through the capital on Saturday.", "Thousands", "marched",
                 marks=MISREADS_QUANTITY_SUBJECT),
])
def test_core_model_parses_subject(core_nlp, text, subject, verb):
    doc = core_nlp(text)
    subject_token = next(token for token in doc if token.text == subject)
    assert subject_token.dep_ == "nsubj"
    assert subject_token.head.text == verb
    assert subject_token.head.dep_ == "ROOT"


@pytest.mark.parametrize("text,word,tag,pos", [
    ("The police arrested dozens of protesters.", "arrested", "VBD", "VERB"),
    ("The police arrested dozens of protesters.", "protesters", "NNS", "NOUN"),
    ("Maria Gonzalez told Reuters that the march was peaceful.", "peaceful", "JJ", "ADJ"),
])
def test_core_model_tags_words(core_nlp, text, word, tag, pos):
    token = next(token for token in core_nlp(text) if token.text == word)
    assert (token.tag_, token.pos_) == (tag, pos)


@pytest.mark.parametrize("text,sentences", [
    pytest.param("Protesters gathered outside parliament. Police dispersed them an hour later.", 2,
                 marks=MISSES_SENTENCE_ENDS),
])
def test_core_model_splits_sentences(core_nlp, text, sentences):
    assert len(list(core_nlp(text).sents)) == sentences


@pytest.mark.parametrize("text,sentences", [
    ("Protesters gathered outside parliament. Police dispersed them an hour later.", 2),
])
def test_core_model_parser_keeps_given_sentence_starts(core_nlp, text, sentences):
    # How protestwatch runs it: the sentencizer decides the sentences, the parser keeps them.
    doc = core_nlp.get_pipe("parser")(core_nlp.get_pipe("tok2vec")(_sentencize(core_nlp, text)))
    assert len(list(doc.sents)) == sentences
    assert all(token.head.sent == token.sent for token in doc)


def _sentencize(nlp, text):
    from spacy.pipeline import Sentencizer
    return Sentencizer()(nlp.make_doc(text))


def test_core_model_path_from_environment(monkeypatch):
    directory = find_core_model()
    monkeypatch.setenv(MODEL_PATH_VARIABLE, str(directory))
    assert find_core_model() == directory


def test_core_model_missing_path_names_the_fix(tmp_path):
    with pytest.raises(FileNotFoundError, match="make models"):
        find_core_model(tmp_path)
