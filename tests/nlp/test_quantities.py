"""Counts in text: the EVENTS.md vague-quantity table, numbers, exclusions, sources."""
from pathlib import Path

import pytest

from protestwatch.nlp.quantities import (
    find_quantities, parse_number, parse_quantity, read_table, reconcile, sentence_spans,
)

SPEC = Path(__file__).resolve().parents[3] / "shared" / "spec" / "EVENTS.md"


def _spec_table_rows():
    lines = SPEC.read_text(encoding="utf-8").split("Vague quantities are normalised")[1].splitlines()
    rows = []
    for line in lines:
        if line.startswith("| words") or line.startswith("|---"):
            continue
        if not line.startswith("|"):
            if rows:
                break
            continue
        words, low, high = (cell.strip() for cell in line.strip("|").split("|"))
        for phrase in words.split(", "):
            rows.append((phrase.strip('"'), low.replace(",", "").replace("null", ""),
                         high.replace(",", "").replace("null", "")))
    return rows


@pytest.mark.skipif(not SPEC.exists(), reason="shared spec not checked out beside the project")
def test_quantities_table_file_equals_spec_table():
    # the data file must stay row-for-row the normative table of EVENTS.md
    rows = [(r["words"], r["low"], r["high"]) for r in read_table("vague_quantities.csv")]
    assert rows == _spec_table_rows()


@pytest.mark.parametrize("phrase,value", [
    ("150,000", 150000),
    ("1.5 million", 1500000),
    ("2m", 2000000),
    ("4", 4),
    ("twenty-five", 25),
    ("two dozen", 24),
    ("a hundred", 100),
    ("two hundred and fifty", 250),
    ("three thousand", 3000),
    ("banana", None),
])
def test_quantities_parse_number(phrase, value):
    assert parse_number(phrase) == value


@pytest.mark.parametrize("sentence,text,low,high", [
    ("Thousands marched to the square.", "Thousands", 2000, 9999),
    ("Tens of thousands rallied in the port city.", "Tens of thousands", 20000, 99999),
    ("Hundreds of thousands filled the avenue.", "Hundreds of thousands", 200000, 999999),
    ("Several hundred students gathered.", "Several hundred", 300, 999),
    ("Several thousand workers walked out.", "Several thousand", 3000, 9999),
    ("Dozens of nurses picketed the clinic.", "Dozens", 24, 99),
    ("Scores of farmers blocked the road.", "Scores", 40, 99),
    ("A dozen activists chained themselves to the gate.", "A dozen", 12, 12),
    ("Several students were hurt.", "Several", 3, 9),
    ("A few teachers joined them.", "A few", 3, 9),
    ("Some 300 miners marched.", "Some 300", 300, 300),
    ("About 150 people attended.", "About 150", 150, 150),
    ("Nearly 40 people signed.", "Nearly 40", 40, 40),
    ("More than 5,000 people joined.", "More than 5,000", 5000, None),
    ("Over 60 buses arrived.", "Over 60", 60, None),
    ("At least 12 people were hurt.", "At least 12", 12, None),
    ("Up to 800 people came.", "Up to 800", None, 800),
    ("Fewer than 50 people stayed.", "Fewer than 50", None, 50),
    ("Between 300 and 400 people marched.", "Between 300 and 400", 300, 400),
    ("Police counted 300 to 400 marchers.", "300 to 400", 300, 400),
    ("Some 200-300 people came.", "200-300", 200, 300),
    ("Twenty-five people were held.", "Twenty-five", 25, 25),
    ("More than two dozen vans waited.", "More than two dozen", 24, None),
    ("A large crowd formed outside.", "A large crowd", None, None),
    ("A crowd formed outside.", "A crowd", None, None),
    ("About 1.5 million people voted.", "About 1.5 million", 1500000, 1500000),
])
def test_quantities_find_bounds(sentence, text, low, high):
    mentions = find_quantities(sentence)
    assert [(m.text, m.low, m.high) for m in mentions] == [(text, low, high)]
    assert sentence[mentions[0].start:mentions[0].end] == text


@pytest.mark.parametrize("sentence", [
    "The governor has ruled since 1998.",
    "The march took place on 3 May 2019.",
    "They met on March 14 near the port.",
    "Turnout was 64% this time.",
    "Turnout was 64 percent this time.",
    "Fares rose by $5 last year.",
    "Fares rose by 5 dollars.",
    "A man aged 34 was held.",
    "A 34-year-old man was held.",
    "The rally began at 10:30 near the bridge.",
    "The mayor began a fifth term on the third day.",
    "The strike lasted three days.",
    "Some say the law is unfair.",
    "The test scores were low.",
    "The vote was held on 2019-05-03.",
])
def test_quantities_skip_non_counts(sentence):
    assert find_quantities(sentence) == []


@pytest.mark.parametrize("sentence,noun", [
    ("Thousands of angry farmers marched.", "farmers"),
    ("More than 300 protesters were detained.", "protesters"),
    ("Four people died.", "people"),
    ("Hundreds were injured.", None),
    ("The rally drew 1,000 people, police said.", "people"),
])
def test_quantities_counted_noun(sentence, noun):
    assert find_quantities(sentence)[0].noun == noun


@pytest.mark.parametrize("sentence,source", [
    ("More than 3,000 people marched, as per AFP.", "AFP"),
    ("According to organisers, 10,000 people took part.", "organisers"),
    ("Organisers said 10,000 people took part.", "organisers"),
    ("Police put the figure at 2,000.", "police"),
    ("Police estimated the crowd at about 2,000.", "police"),
    ("About 900 nurses marched (AP).", "AP"),
    ("Jane Doe said about 40 students were held.", "Jane Doe"),
    ("About 40 students were held, local police said.", "local police"),
    ("About 40 students were held.", None),
    ("At least 14 people died, according to the Interior Ministry.", "Interior Ministry"),
])
def test_quantities_attribution(sentence, source):
    assert find_quantities(sentence)[0].attributed_to == source


def test_quantities_attribution_nearest_source():
    sentence = "Organisers said 10,000 people came, while police estimated 3,000."
    assert [m.attributed_to for m in find_quantities(sentence)] == ["Organisers".lower(), "police"]


@pytest.mark.parametrize("phrase,expected", [
    ("no report", None),
    ("hundreds", (200, 999)),
    ("about 100", (100, 100)),
    ("more than two dozen", (24, None)),
    ("several dozen", (36, 99)),
    ("a few hundred", (300, 999)),
    ("large", (None, None)),
    ("a crowd", (None, None)),
    ("between 20 and 30", (20, 30)),
    ("Thousands", (2000, 9999)),
])
def test_quantities_parse_quantity(phrase, expected):
    assert parse_quantity(phrase) == expected


@pytest.mark.parametrize("estimates,expected", [
    ([(20000, 99999), (200000, None)], (20000, None)),
    ([(200, 999), (300, 400)], (200, 999)),
    ([(None, 800), (100, 100)], (100, 800)),
    ([{"low": 5, "high": 5}], (5, 5)),
    ([], (None, None)),
])
def test_quantities_reconcile(estimates, expected):
    assert reconcile(estimates) == expected


@pytest.mark.parametrize("text,count", [
    ("Mr. Doe spoke on Aug. 3 in the city. Then he left.", 2),
    ("They marched. Police watched! Was it over? Yes.", 4),
    ("First paragraph\n\nsecond paragraph", 2),
])
def test_quantities_sentence_spans(text, count):
    assert len(sentence_spans(text)) == count



def test_quantities_prefix_pattern_is_a_trie_of_shortest_prefixes():
    from protestwatch.nlp.quantities import prefix_pattern

    assert prefix_pattern(["two", "ten", "three", "a", "about"]) == "(?:a|t(?:en|hree|wo))"
    assert prefix_pattern(["dozen", "dozens"]) == "dozen"


def test_quantities_start_check_keeps_every_match():
    import json

    from protestwatch.nlp.quantities import QUANTITY, build_quantity_regex

    root = Path(__file__).resolve().parents[2]
    texts = [
        "Some 200-300 people, tens of thousands, a few hundred and 1.5m took part; twenty-five "
        "were held, ſeveral dozen hurt, between 3 and 5 died, an estimated 4,000 marched.",
        "Police said more than 5,000; organisers put the figure at 20,000 (AFP). ١٢ people.",
    ]
    for name in ("examples/articles.jsonl", "benchmarks/gold/hard_articles.jsonl"):
        with open(root / name, encoding="utf-8") as lines:
            texts.extend(json.loads(line)["text"] for line in lines if line.strip())
    plain = build_quantity_regex(("text",), check_start=False)
    assert plain.pattern != QUANTITY.pattern
    for text in texts:
        found = [(m.span(), m.lastgroup) for m in QUANTITY.finditer(text)]
        assert found == [(m.span(), m.lastgroup) for m in plain.finditer(text)], text[:60]


def test_quantities_attribution_guards_never_skip_a_source():
    from protestwatch.nlp.quantities import ATTRIBUTION_GUARDS, ATTRIBUTIONS

    text = ("Police said 300 were held. About 2,000 marched, organisers estimated. "
            "Some 40 died, according to the ministry. Thousands (AFP) gathered. "
            "Witnesses\tsaid dozens were hurt. The union told reporters 5,000 joined. Five hurt.")
    for start, end in sentence_spans(text):
        for pattern, guard in zip(ATTRIBUTIONS, ATTRIBUTION_GUARDS):
            if pattern.search(text, start, end) and guard is not None:
                assert guard.search(text, start, end), text[start:end]
