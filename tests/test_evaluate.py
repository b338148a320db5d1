"""Matching and field-scoring rules of protestwatch.evaluate, on tiny invented results."""
import copy
import json
from pathlib import Path

import pytest

from protestwatch.evaluate import (
    haversine_km, quantities_agree, quote_overlap, read_results, reliability, score, score_files,
    set_f1, speakers_match,
)

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def _event(**kw):
    ev = {
        "event_type": "protest", "sub_event_type": "peaceful_protest",
        "date": "2021-03-10", "date_precision": "day",
        "location": {"name": "Lyon", "place": "Lyon", "country": "France",
                     "country_code": "FR", "lat": 45.76, "lon": 4.84, "precision": "place"},
        "actors": [{"name": "Protesters (France)", "role": "initiator", "type": "protesters"}],
        "demands": [], "state_responses": [],
    }
    loc = kw.pop("location", None)
    if loc:
        ev["location"] = {**ev["location"], **loc}
    ev.update(kw)
    return ev


def _result(events, quotes=None, aid="a1"):
    out = {"article_id": aid, "reference_date": "2021-03-11", "events": events}
    if quotes is not None:
        out["quotes"] = quotes
    return out


def _counts(gold_events, pred_events):
    rep = score([_result(gold_events)], [_result(pred_events)])
    return rep.events.tp, rep.events.fp, rep.events.fn


@pytest.mark.parametrize("gold,pred,expected", [
    # identical event: one true positive
    (_event(), _event(), (1, 0, 0)),
    # different event type: a false positive and a false negative
    (_event(), _event(event_type="riot"), (0, 1, 1)),
    # different country
    (_event(), _event(location={"country_code": "BE"}), (0, 1, 1)),
    # date off by one day still matches
    (_event(), _event(date="2021-03-11"), (1, 0, 0)),
    # date off by two days does not
    (_event(), _event(date="2021-03-12"), (0, 1, 1)),
    (_event(), _event(date="2021-03-08"), (0, 1, 1)),
    # span: inside, one day past the end, two days past the end
    (_event(end_date="2021-03-20"), _event(date="2021-03-15"), (1, 0, 0)),
    (_event(end_date="2021-03-20"), _event(date="2021-03-21"), (1, 0, 0)),
    (_event(end_date="2021-03-20"), _event(date="2021-03-22"), (0, 1, 1)),
    (_event(end_date="2021-03-20"), _event(date="2021-03-09"), (1, 0, 0)),
    # accept_types lets another type match
    (_event(accept_types=["riot", "protest"]), _event(event_type="riot"), (1, 0, 0)),
    (_event(accept_types=["riot"]), _event(event_type="battles"), (0, 1, 1)),
    # optional gold: not a false negative when missed, nothing when matched
    (_event(optional=True), None, (0, 0, 0)),
    (_event(optional=True), _event(), (0, 0, 0)),
    # no prediction: a false negative; no gold: a false positive
    (_event(), None, (0, 0, 1)),
    (None, _event(), (0, 1, 0)),
])
def test_evaluate_matching_rules(gold, pred, expected):
    gold_events = [gold] if gold else []
    pred_events = [pred] if pred else []
    assert _counts(gold_events, pred_events) == expected


@pytest.mark.parametrize("preds,expected", [
    # one prediction cannot match two gold events
    ([_event()], (1, 0, 1)),
    # two predictions, two gold events on different days: both match
    ([_event(), _event(date="2021-03-15")], (2, 0, 0)),
    # a duplicate prediction is a false positive
    ([_event(), _event(), _event(date="2021-03-15")], (2, 1, 0)),
])
def test_evaluate_one_to_one(preds, expected):
    gold = [_event(), _event(date="2021-03-15")]
    assert _counts(gold, preds) == expected


@pytest.mark.parametrize("gold_dates,pred_dates,expected_pairs", [
    # maximise matches: 03-11 could match either gold, but only 03-10 fits the first
    (["2021-03-10", "2021-03-12"], ["2021-03-11", "2021-03-09"], 2),
    # prefer closest date: the exact-date gold gets the exact prediction
    (["2021-03-10", "2021-03-11"], ["2021-03-11", "2021-03-10"], 2),
])
def test_evaluate_matching_maximises(gold_dates, pred_dates, expected_pairs):
    from protestwatch.evaluate import match_events
    gold = [_event(date=d) for d in gold_dates]
    pred = [_event(date=d) for d in pred_dates]
    pairs = match_events(gold, pred)
    assert len(pairs) == expected_pairs
    for gi, pi in pairs:
        if gold_dates[gi] in pred_dates:
            assert pred_dates[pi] == gold_dates[gi]


def test_evaluate_required_gold_preferred_over_optional():
    gold = [_event(optional=True), _event()]
    rep = score([_result(gold)], [_result([_event()])])
    assert (rep.events.tp, rep.events.fp, rep.events.fn) == (1, 0, 0)


@pytest.mark.parametrize("gold,pred,expected", [
    (None, None, True),                                     # both null: right
    ({"low": 100, "high": 100}, None, False),               # gold value, none predicted
    (None, {"low": 100, "high": 100}, False),               # predicted, gold null
    ({"low": 100, "high": 100}, {"low": 100, "high": 100}, True),
    ({"low": 100, "high": 100}, {"low": 101, "high": 200}, False),
    ({"low": 2000, "high": 9999}, {"low": 5000, "high": None}, True),   # open high
    ({"low": None, "high": 50}, {"low": 30, "high": 30}, True),         # open low
    ({"low": None, "high": 50}, {"low": 60, "high": None}, False),
    ({"low": None, "high": None}, {"low": 7, "high": 7}, True),         # "a crowd"
    ({"low": 200000, "high": None}, {"low": 20000, "high": 99999}, False),
])
def test_evaluate_range_overlap(gold, pred, expected):
    assert quantities_agree(gold, pred) is expected


@pytest.mark.parametrize("gold,pred,expected", [
    (set(), set(), 1.0),
    ({"arrests"}, set(), 0.0),
    (set(), {"arrests"}, 0.0),
    ({"arrests", "beatings"}, {"arrests"}, pytest.approx(2 / 3)),
    ({"a", "b"}, {"a", "b"}, 1.0),
    ({"a"}, {"b"}, 0.0),
])
def test_evaluate_set_f1(gold, pred, expected):
    assert set_f1(gold, pred) == expected


@pytest.mark.parametrize("field,gold_kw,pred_kw,expected", [
    # ignore counts as no response
    ("state_responses", {"state_responses": ["ignore"]}, {"state_responses": []}, 1.0),
    ("state_responses", {"state_responses": ["arrests"]}, {"state_responses": ["arrests", "ignore"]}, 1.0),
    ("demands", {"demands": ["labor_wage_dispute"]}, {"demands": []}, 0.0),
    # place within 50 km (Villeurbanne is next to Lyon), then 400 km away (Paris)
    ("place", {}, {"location": {"lat": 45.77, "lon": 4.88}}, 1.0),
    ("place", {}, {"location": {"lat": 48.86, "lon": 2.35}}, 0.0),
    # crowd: gold non-null, predicted null
    ("crowd_size", {"crowd_size": {"low": 3000, "high": 9999, "text": "several thousand"}}, {}, 0.0),
    ("crowd_size", {}, {}, 1.0),
    # actors: initiator and target types
    ("actor_initiator", {}, {"actors": [{"name": "x", "role": "initiator", "type": "rioters"}]}, 0.0),
    ("actor_target", {"actors": [{"name": "p", "role": "initiator", "type": "protesters"},
                                 {"name": "g", "role": "target", "type": "government"}]},
     {"actors": [{"name": "p", "role": "initiator", "type": "protesters"},
                 {"name": "g", "role": "target", "type": "government"}]}, 1.0),
    ("sub_event_type", {}, {"sub_event_type": "protest_with_intervention"}, 0.0),
])
def test_evaluate_field_scores(field, gold_kw, pred_kw, expected):
    rep = score([_result([_event(**gold_kw)])], [_result([_event(**pred_kw)])])
    assert rep.fields[field].n == 1
    assert rep.fields[field].accuracy == pytest.approx(expected)


@pytest.mark.parametrize("gold_kw,field", [
    # the place is not scored for admin1/country precision gold
    ({"location": {"precision": "country"}}, "place"),
    # unscored fields are skipped
    ({"unscored": ["arrests"]}, "arrests"),
    # injuries only where gold has the key
    ({}, "injuries"),
])
def test_evaluate_fields_skipped(gold_kw, field):
    rep = score([_result([_event(**gold_kw)])], [_result([_event()])])
    assert rep.fields[field].n == 0


@pytest.mark.parametrize("gold_q,pred_q,expected", [
    # same words, last name only: found
    ([{"speaker": "Lena Ortiz", "text": "We will not go home"}],
     [{"speaker": "Ortiz", "text": "we will not go home until they listen"}], (1, 0, 0)),
    # wrong speaker
    ([{"speaker": "Lena Ortiz", "text": "We will not go home"}],
     [{"speaker": "Mayor Dubois", "text": "We will not go home"}], (0, 1, 1)),
    # little overlap
    ([{"speaker": "Lena Ortiz", "text": "We will not go home"}],
     [{"speaker": "Lena Ortiz", "text": "The police were everywhere today in the square"}], (0, 1, 1)),
    # optional gold quote missed: nothing
    ([{"speaker": "Ortiz", "text": "fine", "optional": True}], [], (0, 0, 0)),
])
def test_evaluate_quotes(gold_q, pred_q, expected):
    rep = score([_result([], gold_q)], [_result([], pred_q)])
    assert (rep.quotes.tp, rep.quotes.fp, rep.quotes.fn) == expected


@pytest.mark.parametrize("a,b,expected", [
    ("We will not go home", "we will not go home", 1.0),
    ("a b c d", "e f g h", 0.0),
])
def test_evaluate_quote_overlap(a, b, expected):
    assert quote_overlap(a, b) == pytest.approx(expected)


@pytest.mark.parametrize("gold,pred,expected", [
    (None, "anyone", True), ("Mark Hale", None, False), ("Mark Hale", "Hale", True),
    ("Hale", "Mark Hale", True), ("Mark Hale", "Ann Ross", False),
])
def test_evaluate_speakers_match(gold, pred, expected):
    assert speakers_match(gold, pred) is expected


@pytest.mark.parametrize("lat1,lon1,lat2,lon2,km", [
    (0.0, 0.0, 0.0, 1.0, 111.2), (45.76, 4.84, 45.76, 4.84, 0.0),
])
def test_evaluate_haversine(lat1, lon1, lat2, lon2, km):
    assert haversine_km(lat1, lon1, lat2, lon2) == pytest.approx(km, abs=0.2)


@pytest.mark.parametrize("as_jsonl", [True, False])
def test_evaluate_read_results_formats(tmp_path, as_jsonl):
    results = [_result([_event()], aid="x"), _result([], aid="y")]
    path = tmp_path / "gold.json"
    if as_jsonl:
        path.write_text("\n".join(json.dumps(r) for r in results) + "\n")
    else:
        path.write_text(json.dumps(results, indent=1))
    assert [r["article_id"] for r in read_results(path)] == ["x", "y"]


@pytest.mark.parametrize("missing", [True])
def test_evaluate_missing_article_counts_false_negatives(missing):
    rep = score([_result([_event()], aid="x")], [])
    assert (rep.events.fn, rep.articles_missing) == (1, 1)


@pytest.mark.parametrize("name", ["belarus-2020.gold.json"])
def test_evaluate_gold_against_itself_is_perfect(name):
    path = SHARED / "examples" / name
    if not path.exists():
        pytest.skip("shared examples not present")
    rep = score_files(path, path)
    assert rep.events.f1 == 1.0 and rep.quotes.f1 == 1.0
    for fs in rep.fields.values():
        assert fs.accuracy in (None, 1.0)
    # a perturbed copy loses exactly what was changed
    pred = copy.deepcopy(read_results(path))
    pred[0]["events"][0]["date"] = "2020-08-30"
    rep = score(read_results(path), pred)
    assert (rep.events.tp, rep.events.fp, rep.events.fn) == (1, 1, 1)
    assert "events" in rep.to_dict() and "P " in rep.format_report()


def test_evaluate_reliability_bins_confidence_by_match():
    gold = [_result([_event()], aid="a1"), _result([_event()], aid="a2")]
    pred = [_result([_event(confidence=0.85), _event(date="2021-05-01", confidence=0.82)], aid="a1"),
            _result([_event(confidence=1.0)], aid="a2")]
    table = {(row["low"], row["high"]): row for row in reliability(gold, pred)}
    assert (table[(0.8, 0.9)]["events"], table[(0.8, 0.9)]["matched"]) == (2, 0.5)
    assert (table[(0.9, 1.0)]["events"], table[(0.9, 1.0)]["matched"]) == (1, 1.0)  # 1.0 falls in the last bin
    assert table[(0.5, 0.6)] == {"low": 0.5, "high": 0.6, "events": 0, "matched": None}


def test_evaluate_cli_prints_the_report_and_its_json(tmp_path, capsys):
    """`protestwatch eval GOLD PRED`, as README.md documents it."""
    from protestwatch.cli import main

    gold, pred = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    gold.write_text(json.dumps(_result([_event(), _event(date="2021-03-01")])) + "\n", encoding="utf-8")
    pred.write_text(json.dumps(_result([_event()])) + "\n", encoding="utf-8")
    assert main(["eval", str(gold), str(pred)]) == 0
    assert "events" in capsys.readouterr().out
    assert main(["eval", "--json", str(gold), str(pred)]) == 0
    events = json.loads(capsys.readouterr().out)["events"]
    assert (events["tp"], events["fp"], events["fn"]) == (1, 0, 1)
