"""Quotes, their speakers and roles (all sentences invented)."""
import pytest

from protestwatch.nlp.quotes import find_quotes


def _pairs(text):
    return [(q.speaker, q.text) for q in find_quotes(text)]


@pytest.mark.parametrize("text,speaker,role,quoted", [
    ("“We will not stop,” said Jane Doe, director of Open Streets.",
     "Jane Doe", "director of Open Streets", "We will not stop"),
    ("Jane Doe, a spokesperson for City Watch, said: “The march was peaceful.”",
     "Jane Doe", "spokesperson for City Watch", "The march was peaceful."),
    ("\"We are tired,\" Ana Lima told reporters.", "Ana Lima", None, "We are tired"),
    ("\"We are tired,\" said one protester.", "one protester", None, "We are tired"),
    ("“Go home,” a police spokesman said.", "police spokesman", None, "Go home"),
    ("Police said: \"We acted lawfully.\"", "police", None, "We acted lawfully."),
    ("“Who pays?” asked nobody.", None, None, "Who pays?"),
])
def test_quotes_attribution(text, speaker, role, quoted):
    quote = find_quotes(text)[0]
    assert (quote.speaker, quote.speaker_role, quote.text) == (speaker, role, quoted)
    assert text[quote.start:quote.end] == quoted


@pytest.mark.parametrize("text,expected", [
    # a pronoun stands for the last named speaker
    ("“We march,” said Jane Doe. Later: “Never again,” she added.",
     [("Jane Doe", "We march"), ("Jane Doe", "Never again")]),
    # a surname alone stands for the full name used before
    ("“We march,” said Jane Doe, a teacher. “It is over,” Doe added.",
     [("Jane Doe", "We march"), ("Jane Doe", "It is over")]),
    ("Jane Doe spoke first. Later, Doe said: “We stay.”", [("Jane Doe", "We stay.")]),
    # a quote right after an attribution continues it
    ("“Enough,” said Ana Lima. “We want a vote.”",
     [("Ana Lima", "Enough"), ("Ana Lima", "We want a vote.")]),
    # with no named speaker yet, a pronoun stays unresolved
    ("“Enough,” she said.", [(None, "Enough")]),
])
def test_quotes_speaker_resolution(text, expected):
    assert _pairs(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Civic Watch and Free Press have condemned the raids as “plainly illegal” this week.",
     [("Civic Watch and Free Press", "plainly illegal")]),
    ("Both Civic Watch and Free Press called the law “a disgrace”.",
     [("Civic Watch and Free Press", "a disgrace")]),
    ("The raids were described as “plainly illegal” by some.", [(None, "plainly illegal")]),
])
def test_quotes_scare_quotes_take_obvious_subject(text, expected):
    assert _pairs(text) == expected


def test_quotes_offsets_exclude_marks_and_trailing_comma():
    text = "Before. “Stay calm,” said Ana Lima."
    quote = find_quotes(text)[0]
    assert (quote.start, quote.end) == (text.index("Stay"), text.index(",”"))
