import re
from pathlib import Path

import pytest

from protestwatch.extract.lexicon import compile_words, first_characters

ROOT = Path(__file__).resolve().parents[2]
# compile_words wraps every pattern in this; the lookahead, if any, comes before it.
WHOLE_WORD_START = r"(?<![\w-])"


@pytest.mark.parametrize("pattern,expected", [
    (r"protest(s|ed)?|march(es)?", {"p", "m"}),
    (r"(?<=will )strike|(went|go) on strike", {"s", "w", "g"}),
    (r"(threw|hurled)?\s*stones", {"t", "h", r"\s", "s"}),  # a class stands as its escape
    (r"\d+-hour strikes?", {r"\d"}),       # \d covers more than ASCII digits
    (r"[^a-z]+ strikes?", None),            # a negated class: cannot tell
    (r"x?", None),                          # may match nothing
])
def test_first_characters(pattern, expected):
    assert first_characters(pattern) == expected


def test_compiled_words_find_what_the_plain_pattern_finds(lexicon):
    # The lookahead on first characters only skips positions where no match can start.
    text = (ROOT / "examples" / "articles.jsonl").read_text(encoding="utf-8")
    text += " KILLED Kelvin \u212aILLED ſtrike İstanbul 12-hour strike"
    for trigger in lexicon.triggers:
        pattern = trigger.regex.pattern
        plain = re.compile(pattern[pattern.index(WHOLE_WORD_START):], trigger.regex.flags)
        assert [m.span() for m in trigger.regex.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_compile_words_matches_whole_words_only():
    regex = compile_words("march|rally")
    assert [m.group(0) for m in regex.finditer("A rally, a March; marching and rallying.")] == ["rally", "March"]
