"""Score extraction results against gold results (EVENTS.md, "Scoring").

Both sides are result objects (``{"article_id", "events", "quotes", ...}``) keyed by
``article_id``. Gold results may carry two annotations the output format does not have:

- ``optional: true`` on an event or a quote: never a false negative; a prediction
  matched to it is neither a true nor a false positive.
- ``accept_types`` on an event: further event types that also match it.
- ``unscored`` on an event: field names (``crowd_size``, ``actor_target``, ...) that
  the gold source does not annotate, so a matched pair is not scored on them.

Matching is one-to-one: the most matches, then required gold events before optional
ones, then the closest dates. Public surface: :func:`score`, :func:`score_files`,
:func:`read_results`, :class:`Report`.
"""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from datetime import date as _date
from pathlib import Path
from typing import Any, Iterable, Optional

__all__ = ["Report", "FieldScore", "score", "score_files", "read_results", "match_events"]

# A matched place is right when it lies within this many km of the gold coordinates.
PLACE_TOLERANCE_KM = 50.0
# Dates match within this many days (of the gold day, or of the gold span's ends).
DATE_TOLERANCE_DAYS = 1
# A predicted quote finds a gold quote when the Dice overlap of their word bags is at
# least this (a quote given with a few extra words, or a few missing, still counts).
QUOTE_MIN_OVERLAP = 0.5
# Gold location precisions for which the place is scored.
SCORED_PRECISIONS = ("place", "point")
QUANTITY_FIELDS = ("crowd_size", "arrests", "fatalities", "injuries")
SET_FIELDS = ("demands", "state_responses")
# Fields in report order. ``injuries`` is scored only where the gold event has the key.
FIELD_ORDER = (
    "sub_event_type", "place", "crowd_size", "arrests", "fatalities", "injuries",
    "demands", "state_responses", "actor_initiator", "actor_target",
)
EARTH_RADIUS_KM = 6371.0088

# Matching weights: one more match always beats any number of tie-breaks.
_W_MATCH = 1_000_000.0
_W_REQUIRED = 1_000.0
_W_DATE = 10.0
_W_TIE = 1.0


@dataclass
class FieldScore:
    """Accuracy of one field over matched pairs: ``total`` sums per-pair scores in 0..1."""

    total: float = 0.0
    n: int = 0

    @property
    def accuracy(self) -> Optional[float]:
        return self.total / self.n if self.n else None

    def add(self, value: float) -> None:
        self.total += value
        self.n += 1


@dataclass
class Counts:
    """True positives, false positives, false negatives."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> Optional[float]:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> Optional[float]:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> Optional[float]:
        p, r = self.precision, self.recall
        if p is None or r is None or p + r == 0:
            return 0.0 if (p is not None or r is not None) else None
        return 2 * p * r / (p + r)

    def to_dict(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": self.precision,
                "recall": self.recall, "f1": self.f1}


@dataclass
class Report:
    """Event-level counts, per-field accuracy over matched pairs, and quote counts."""

    events: Counts = field(default_factory=Counts)
    optional_matched: int = 0
    fields: dict[str, FieldScore] = field(
        default_factory=lambda: {name: FieldScore() for name in FIELD_ORDER})
    quotes: Counts = field(default_factory=Counts)
    articles: int = 0
    articles_missing: int = 0
    articles_extra: int = 0

    def to_dict(self) -> dict:
        return {
            "articles": self.articles,
            "articles_missing_prediction": self.articles_missing,
            "articles_not_in_gold": self.articles_extra,
            "events": {**self.events.to_dict(), "optional_matched": self.optional_matched},
            "fields": {name: {"accuracy": fs.accuracy, "n": fs.n}
                       for name, fs in self.fields.items()},
            "quotes": self.quotes.to_dict(),
        }

    def format_report(self) -> str:
        ev = self.events
        lines = [
            f"articles            {self.articles} (no prediction: {self.articles_missing}, "
            f"not in gold: {self.articles_extra})",
            f"events              P {_fmt(ev.precision)}  R {_fmt(ev.recall)}  "
            f"F1 {_fmt(ev.f1)}  (tp {ev.tp}, fp {ev.fp}, fn {ev.fn}, "
            f"optional matched {self.optional_matched})",
        ]
        for name in FIELD_ORDER:
            fs = self.fields[name]
            lines.append(f"  {name:<18}{_fmt(fs.accuracy)}  n={fs.n}")
        q = self.quotes
        if q.tp + q.fp + q.fn:
            lines.append(f"quotes              P {_fmt(q.precision)}  R {_fmt(q.recall)}  "
                         f"F1 {_fmt(q.f1)}  (tp {q.tp}, fp {q.fp}, fn {q.fn})")
        return "\n".join(lines)


def _fmt(value: Optional[float]) -> str:
    return "  -  " if value is None else f"{value:.3f}"


# --------------------------------------------------------------------------- reading


def read_results(path: str | Path) -> list[dict]:
    """Read results from JSON Lines, or from one JSON file holding an object or a list."""
    text = Path(path).read_text(encoding="utf-8")
    stripped = text.strip()
    if not stripped:
        return []
    try:
        data = json.loads(stripped)
    except json.JSONDecodeError:
        return [json.loads(line) for line in text.splitlines() if line.strip()]
    return data if isinstance(data, list) else [data]


def score_files(gold_path: str | Path, pred_path: str | Path) -> Report:
    """Score a predictions file against a gold file (each JSONL or JSON)."""
    return score(read_results(gold_path), read_results(pred_path))


# --------------------------------------------------------------------------- scoring


def score(gold: Iterable[dict], predicted: Iterable[dict]) -> Report:
    """Score predicted results against gold results, both keyed by ``article_id``."""
    gold_by_id = {g["article_id"]: g for g in gold}
    pred_by_id = {p["article_id"]: p for p in predicted}
    report = Report(articles=len(gold_by_id))
    report.articles_extra = sum(1 for aid in pred_by_id if aid not in gold_by_id)
    for aid, g in gold_by_id.items():
        p = pred_by_id.get(aid)
        if p is None:
            report.articles_missing += 1
            p = {"article_id": aid, "events": [], "quotes": []}
        _score_article(g, p, report)
    return report


def reliability(gold: Iterable[dict], predicted: Iterable[dict],
                edges: tuple[float, ...] = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)) -> list[dict]:
    """Calibration of ``confidence``: for each bin [low, high) of it (the last one closed),
    how many predicted events fall there and the share that match a gold event."""
    gold_by_id = {g["article_id"]: g for g in gold}
    outcomes: list[tuple[float, bool]] = []
    for p in predicted:
        p_events = list(p.get("events") or [])
        g_events = list((gold_by_id.get(p["article_id"]) or {}).get("events") or [])
        matched = {pi for _, pi in match_events(g_events, p_events)}
        outcomes += [(float(e.get("confidence") or 0.0), i in matched) for i, e in enumerate(p_events)]
    table = []
    for low, high in zip(edges, edges[1:]):
        inside = [hit for confidence, hit in outcomes
                  if low <= confidence < high or (high == edges[-1] and confidence == high)]
        table.append({"low": low, "high": high, "events": len(inside),
                      "matched": sum(inside) / len(inside) if inside else None})
    return table


def _score_article(gold: dict, pred: dict, report: Report) -> None:
    g_events = list(gold.get("events") or [])
    p_events = list(pred.get("events") or [])
    pairs = match_events(g_events, p_events)
    matched_g = {gi for gi, _ in pairs}
    matched_p = {pi for _, pi in pairs}
    for gi, pi in pairs:
        if g_events[gi].get("optional"):
            report.optional_matched += 1
            continue
        report.events.tp += 1
        _score_fields(g_events[gi], p_events[pi], report.fields)
    report.events.fn += sum(1 for gi, g in enumerate(g_events)
                            if gi not in matched_g and not g.get("optional"))
    report.events.fp += len(p_events) - len(matched_p)
    if gold.get("quotes") is not None:
        _score_quotes(gold.get("quotes") or [], pred.get("quotes") or [], report.quotes)


def match_events(gold_events: list[dict], pred_events: list[dict]) -> list[tuple[int, int]]:
    """One-to-one pairs ``(gold index, predicted index)`` of matching events."""
    if not gold_events or not pred_events:
        return []
    weights = [[_pair_weight(g, p) for p in pred_events] for g in gold_events]
    if not any(w > 0 for row in weights for w in row):
        return []
    from scipy.optimize import linear_sum_assignment  # scipy comes with scikit-learn

    rows, cols = linear_sum_assignment(weights, maximize=True)
    return sorted((int(r), int(c)) for r, c in zip(rows, cols) if weights[r][c] > 0)


def _pair_weight(g: dict, p: dict) -> float:
    """0 when the pair cannot match; else larger for better pairs."""
    if not _types_match(g, p) or not _countries_match(g, p):
        return 0.0
    gap = _date_gap(g, p)
    if gap is None or gap > DATE_TOLERANCE_DAYS:
        return 0.0
    weight = _W_MATCH - _W_DATE * gap
    if not g.get("optional"):
        weight += _W_REQUIRED
    if g.get("sub_event_type") == p.get("sub_event_type"):
        weight += _W_TIE
    km = _distance_km(g.get("location"), p.get("location"))
    if km is not None:
        weight += _W_TIE / (1.0 + km / PLACE_TOLERANCE_KM)
    return weight


def _types_match(g: dict, p: dict) -> bool:
    ptype = p.get("event_type")
    return ptype == g.get("event_type") or ptype in (g.get("accept_types") or ())


def _countries_match(g: dict, p: dict) -> bool:
    gc = (g.get("location") or {}).get("country_code")
    pc = (p.get("location") or {}).get("country_code")
    return bool(gc) and gc == pc


def _parse_date(value: Any) -> Optional[_date]:
    if not value:
        return None
    try:
        return _date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _date_gap(g: dict, p: dict) -> Optional[int]:
    """Days between the predicted date and the gold day or span (0 inside it)."""
    start, pdate = _parse_date(g.get("date")), _parse_date(p.get("date"))
    if start is None or pdate is None:
        return None
    end = _parse_date(g.get("end_date")) or start
    end = max(end, start)
    if pdate < start:
        return (start - pdate).days
    if pdate > end:
        return (pdate - end).days
    return 0


# --------------------------------------------------------------------------- fields


def _score_fields(g: dict, p: dict, fields: dict[str, FieldScore]) -> None:
    unscored = set(g.get("unscored") or ())
    if "sub_event_type" not in unscored and g.get("sub_event_type"):
        fields["sub_event_type"].add(float(g["sub_event_type"] == p.get("sub_event_type")))
    g_loc = g.get("location") or {}
    if "place" not in unscored and g_loc.get("precision") in SCORED_PRECISIONS:
        km = _distance_km(g_loc, p.get("location"))
        fields["place"].add(float(km is not None and km <= PLACE_TOLERANCE_KM))
    for name in QUANTITY_FIELDS:
        if name in unscored or (name == "injuries" and name not in g):
            continue
        fields[name].add(float(quantities_agree(g.get(name), p.get(name))))
    for name in SET_FIELDS:
        if name not in unscored:
            fields[name].add(set_f1(_codes(g, name), _codes(p, name)))
    for role in ("initiator", "target"):
        name = f"actor_{role}"
        if name not in unscored:
            fields[name].add(float(_actor_type(g, role) == _actor_type(p, role)))


def quantities_agree(gold: Optional[dict], pred: Optional[dict]) -> bool:
    """Ranges overlap; null bounds are open; both null is right, one null is wrong."""
    if gold is None or pred is None:
        return gold is None and pred is None
    g_low, g_high = _bounds(gold)
    p_low, p_high = _bounds(pred)
    return g_low <= p_high and p_low <= g_high


def _bounds(q: dict) -> tuple[float, float]:
    low = q.get("low")
    high = q.get("high")
    return (0.0 if low is None else float(low), math.inf if high is None else float(high))


def set_f1(gold: set, pred: set) -> float:
    """F1 of two sets; 1.0 when both are empty."""
    if not gold and not pred:
        return 1.0
    common = len(gold & pred)
    if not common:
        return 0.0
    precision, recall = common / len(pred), common / len(gold)
    return 2 * precision * recall / (precision + recall)


def _codes(event: dict, name: str) -> set:
    codes = set(event.get(name) or ())
    if name == "state_responses":
        codes.discard("ignore")
    return codes


def _actor_type(event: dict, role: str) -> Optional[str]:
    for actor in event.get("actors") or ():
        if actor.get("role") == role:
            return actor.get("type")
    return None


def _distance_km(a: Optional[dict], b: Optional[dict]) -> Optional[float]:
    try:
        lat1, lon1 = float(a["lat"]), float(a["lon"])
        lat2, lon2 = float(b["lat"]), float(b["lon"])
    except (TypeError, KeyError, ValueError):
        return None
    return haversine_km(lat1, lon1, lat2, lon2)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlam = phi2 - phi1, math.radians(lon2 - lon1)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlam / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


# --------------------------------------------------------------------------- quotes

_WORD = re.compile(r"\w+", re.UNICODE)


def _words(text: Optional[str]) -> list[str]:
    return _WORD.findall((text or "").casefold())


def quote_overlap(gold_text: str, pred_text: str) -> float:
    """Dice coefficient of the two texts' word bags."""
    gw, pw = _words(gold_text), _words(pred_text)
    if not gw or not pw:
        return 0.0
    remaining: dict[str, int] = {}
    for w in pw:
        remaining[w] = remaining.get(w, 0) + 1
    common = 0
    for w in gw:
        if remaining.get(w):
            remaining[w] -= 1
            common += 1
    return 2 * common / (len(gw) + len(pw))


def speakers_match(gold: Optional[str], pred: Optional[str]) -> bool:
    """Gold speaker unknown matches anything; else one name's words contain the other's
    last word ("McNamee" matches "Mark McNamee")."""
    gw, pw = _words(gold), _words(pred)
    if not gw:
        return True
    if not pw:
        return False
    return gw[-1] in pw or pw[-1] in gw


def _score_quotes(gold: list[dict], pred: list[dict], counts: Counts) -> None:
    weights = [[quote_overlap(g.get("text", ""), p.get("text", ""))
                if speakers_match(g.get("speaker"), p.get("speaker")) else 0.0
                for p in pred] for g in gold]
    pairs: list[tuple[int, int]] = []
    if gold and pred:
        from scipy.optimize import linear_sum_assignment

        rows, cols = linear_sum_assignment(weights, maximize=True)
        pairs = [(int(r), int(c)) for r, c in zip(rows, cols)
                 if weights[r][c] >= QUOTE_MIN_OVERLAP]
    matched_g = {gi for gi, _ in pairs}
    counts.tp += sum(1 for gi, _ in pairs if not gold[gi].get("optional"))
    counts.fn += sum(1 for gi, g in enumerate(gold)
                     if gi not in matched_g and not g.get("optional"))
    counts.fp += len(pred) - len(pairs)
