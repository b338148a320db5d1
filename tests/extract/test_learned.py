"""The committed event models (models/event/) load offline and classify plainly worded
sentences, written for these tests, as ACLED and Mass Mobilization would code them."""
import time

import pytest

from protestwatch.extract.learned import (
    EventModels, char_ngrams, find_event_models, load_event_models, word_ngrams,
)

CODED_SUB_EVENT_TYPES = {
    "peaceful_protest", "protest_with_intervention", "excessive_force_against_protesters",
    "violent_demonstration", "mob_violence", "attack", "arrests", "looting_property_destruction"}
DEMANDS = {"labor_wage_dispute", "land_farm_issue", "police_brutality", "political_behavior_process",
           "price_increases_tax_policy", "removal_of_politician", "social_restrictions"}
STATE_RESPONSES = {"accommodation", "arrests", "beatings", "crowd_dispersal", "killings", "shootings"}


@pytest.fixture(scope="module")
def models() -> EventModels:
    return load_event_models()


def test_models_load_once_with_a_version(models):
    assert load_event_models() is models
    assert models.version.startswith("event-models-")
    assert CODED_SUB_EVENT_TYPES | {"other"} <= set(models.sub_event_types)


def test_missing_models_say_how_to_get_them(tmp_path):
    with pytest.raises(FileNotFoundError, match="train_event_models.py"):
        find_event_models(tmp_path)


def test_probabilities_are_ranked_and_sum_to_one(models):
    ranked = models.predict_sub_event_type("Hundreds of people marched through the city.")
    probabilities = [p for _, p in ranked]
    assert probabilities == sorted(probabilities, reverse=True)
    assert sum(probabilities) == pytest.approx(1.0)
    assert {label for label, _ in ranked} == set(models.sub_event_types)


@pytest.mark.parametrize("text,accepted,within", [
    ("Police fired tear gas to disperse the protesters", {"protest_with_intervention"}, 2),
    ("Rioters looted shops and torched cars", {"violent_demonstration", "mob_violence"}, 1),
    ("About 300 nurses held a peaceful rally outside the hospital over staff shortages.",
     {"peaceful_protest"}, 1),
    ("Soldiers opened fire on unarmed demonstrators, killing six of them.",
     {"excessive_force_against_protesters"}, 2),
    ("Fighters of an armed group stormed a wedding and shot several guests dead.", {"attack"}, 2),
    ("Plainclothes officers took a trade union organiser into custody at the airport.", {"arrests"}, 2),
])
def test_sub_event_type_of_plain_sentences(models, text, accepted, within):
    top = [label for label, _ in models.predict_sub_event_type(text)[:within]]
    assert accepted & set(top), top


@pytest.mark.parametrize("text,expected", [
    ("Teachers marched to demand higher pay", "labor_wage_dispute"),
    ("Thousands protested against the rise in fuel prices and new taxes.", "price_increases_tax_policy"),
    ("Protesters demanded the resignation of the prime minister.", "removal_of_politician"),
])
def test_demands_of_plain_sentences(models, text, expected):
    codes = [code for code, _ in models.predict_demands(text)]
    assert expected in codes, codes
    assert set(codes) <= DEMANDS


def test_state_responses_of_plain_sentences(models):
    dispersed = models.predict_state_responses(
        "Police fired tear gas and water cannon to disperse the crowd and arrested 40 people.")
    assert {"crowd_dispersal", "arrests"} <= {code for code, _ in dispersed}
    assert models.predict_state_responses("Hundreds of students held a peaceful march on campus.") == []
    assert {code for code, _ in dispersed} <= STATE_RESPONSES


def test_ngrams_match_scikit_learn_analyzers():
    # The runtime re-implements scikit-learn's analyzers so that loading needs no pickles.
    from sklearn.feature_extraction.text import TfidfVectorizer

    text = "Police  fired\ttear-gas at 2 protesters, a u.s. citizen!"
    word = TfidfVectorizer(analyzer="word", ngram_range=(1, 2)).build_analyzer()
    char = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5)).build_analyzer()
    assert sorted(word_ngrams(text, 1, 2)) == sorted(word(text))
    assert sorted(char_ngrams(text, 2, 5)) == sorted(char(text))


def test_cached_word_columns_give_the_features_of_the_whole_text(models):
    # char_features builds a text's character n-gram features from each word's cached
    # columns: the same columns, in the same order, with the same values as from scratch.
    block = models.sub_event_type_model.char_block
    for text in ["Police fired tear gas at protesters; protesters fired back.", "A  u.s. CITIZEN, a citizen!", ""]:
        expected_columns, expected_values = block.features(char_ngrams(text, 2, 5))
        columns, values = block.char_features(text, 2, 5)
        assert columns.tolist() == expected_columns.tolist()
        assert values.tolist() == expected_values.tolist()


def test_a_short_text_takes_under_a_millisecond(models):
    text = "Police fired tear gas to disperse the protesters."
    models.predict_sub_event_type(text)
    started = time.perf_counter()
    for _ in range(200):
        models.predict_sub_event_type(text)
    assert (time.perf_counter() - started) / 200 < 0.002  # 1 ms target, 2x slack for a busy machine


@pytest.mark.parametrize("decision, text, expected", [
    # confident: the classifier corrects the demonstration's sub-type
    (("protest", "peaceful_protest"), "Demonstrators smashed shop windows and set cars on fire during the march.",
     ("riot", "violent_demonstration")),
    # not a demonstration sub-type: the rules' decision stands
    (("protest", "peaceful_protest"), "Soldiers killed two civilians in the village.", ("protest", "peaceful_protest")),
    # outside demonstrations the classifier is not consulted
    (("battles", "armed_clash"), "Demonstrators smashed shop windows and set cars on fire during the march.",
     ("battles", "armed_clash")),
])
def test_refine_sub_type_only_within_demonstrations(decision, text, expected):
    from protestwatch.extract.events import refine_sub_type

    assert refine_sub_type(decision, text, [(0, len(text))]) == expected
