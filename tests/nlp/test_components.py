"""protestwatch's spaCy components, on blank English tokenisation."""
import spacy

from protestwatch.nlp.components import ParagraphSentencizer


def _starts_after_line_breaks(doc):
    """The rule, token by token: a token after one holding a line break starts a sentence."""
    return [token.i for token in doc[1:]
            if "\n" in doc[token.i - 1].text or "\n" in doc[token.i - 1].whitespace_]


def test_paragraphs_start_a_sentence_after_every_line_break():
    nlp = spacy.blank("en")
    for text in ["Headline\nBody text. More text\n\n  Caption here\n", "No break at all.",
                 "\nLeading break", "Trailing break\n", "a\n\n\nb \n c", ""]:
        doc = ParagraphSentencizer(nlp, "pw_paragraphs")(nlp.make_doc(text))
        assert [t.i for t in doc if t.i and t.is_sent_start] == _starts_after_line_breaks(doc), text
