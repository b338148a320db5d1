"""Train the event classifiers read by ``protestwatch.extract.learned``.

Usage: python scripts/train_event_models.py [--seed N] [--out DIR]

Writes to ``models/event/`` (or ``--out``):
- sub_event_type.npz: ACLED sub-event type from ACLED US notes (cleaned of ACLED's own
  ``[size=...]`` tags and "Property destruction:"-style label prefixes) plus the
  hand-written snippets of ``models/event/written_examples.tsv``;
- demands.npz, state_responses.npz: Mass Mobilization codes, multi-label, from MM notes;
- manifest.json: version, seed, data counts, chosen hyperparameters, cross-validated scores.

Development data only. Held out of training, for benchmarks/bench_event_models.py:
the ACLED US rows of ``is_held_out_acled`` (every fifth by id hash, plus the 600-row
sample of ``bench_extract.py acled-us``) and the 500-row MM sample of
``bench_extract.py mm``. Hyperparameters (C) and thresholds are chosen by
cross-validation on the training part alone. CPU and seeded (liblinear, fold splits, sampling).
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import json
import random
import re
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import KFold, StratifiedKFold, cross_val_predict
from sklearn.multiclass import OneVsRestClassifier
from sklearn.svm import LinearSVC

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT / "benchmarks"))
sys.path.insert(0, str(REPO_ROOT / "src"))
import datasets  # noqa: E402
from protestwatch.extract import learned  # noqa: E402

VERSION = "event-models-2025.1"
OUT_DIR = REPO_ROOT / "models" / "event"
WRITTEN_EXAMPLES = OUT_DIR / "written_examples.tsv"
ACLED_US_CSV = datasets.data_path("acled", "acled_usa_2020-03_2021-01_steinmetz.csv")
MM_CSV = datasets.data_path("mass_mobilization", "mmALL_073120.csv")

# ACLED sub-types with enough US rows to learn; the rest (armed clash, disrupted weapons
# use, sexual violence, grenade, suicide bomb: 15 rows in all) join "other".
SUB_EVENT_TYPES = (
    "peaceful_protest", "protest_with_intervention", "excessive_force_against_protesters",
    "violent_demonstration", "mob_violence", "attack", "arrests", "looting_property_destruction",
    "change_to_group_activity", "other")
DEMANDS = ("labor_wage_dispute", "land_farm_issue", "police_brutality", "political_behavior_process",
           "price_increases_tax_policy", "removal_of_politician", "social_restrictions")
# MM's "ignore" means no response reported, which is an empty set here.
STATE_RESPONSES = ("accommodation", "arrests", "beatings", "crowd_dispersal", "killings", "shootings")

# 19,000 of the 22,000 US notes are peaceful protests, mostly alike: a sample keeps
# training fast without losing wording (class weights balance the rest).
MAX_ROWS_PER_TYPE = 3000
# The written snippets are the only non-US wording; each counts as this many notes.
WRITTEN_EXAMPLE_WEIGHT = 3.0
C_GRID = (0.1, 0.3)  # C=1.0 scored lowest for sub-event type and demands in cross-validation, and fits slowest
CV_FOLDS = 3
WORD_RANGE = (1, 2)
CHAR_RANGE = (2, 5)
MAX_WORD_FEATURES = 60_000
MAX_CHAR_FEATURES = 120_000
THRESHOLD_GRID = np.round(np.arange(0.05, 0.96, 0.05), 2)

ACLED_TAG = re.compile(r"\s*\[[^\]]*\]")
# "Property destruction: On 5 May..." - ACLED's own label in front of the note.
ACLED_LABEL_PREFIX = re.compile(r"^\s*[A-Z][A-Za-z/,'-]*(?: [A-Za-z/,'-]+){0,4}:\s+")


# --------------------------------------------------------------------------- data


def clean_acled_note(notes: str) -> str:
    """The note without ACLED's bracket tags and leading label, which name the answer."""
    return ACLED_LABEL_PREFIX.sub("", ACLED_TAG.sub("", notes)).strip()


def sub_event_type_label(acled_name: str) -> str:
    label = datasets.snake(acled_name)
    return label if label in SUB_EVENT_TYPES else "other"


def is_held_out_acled(event_id: str, benchmark_ids: set[str]) -> bool:
    """Every fifth row by a hash of its id, and the pipeline benchmark's sample."""
    return event_id in benchmark_ids or int(hashlib.md5(event_id.encode()).hexdigest(), 16) % 5 == 0


def read_acled_notes() -> list[tuple[str, str, str]]:
    """(event id, cleaned note, sub-event type) of every ACLED US row with a note."""
    with ACLED_US_CSV.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    notes = [(r["EVENT_ID_CNTY"], clean_acled_note(r["NOTES"]), sub_event_type_label(r["SUB_EVENT_TYPE"]))
             for r in rows]
    return [n for n in notes if n[1]]


def split_acled_notes() -> tuple[list, list]:
    """(training, held-out) ACLED US notes."""
    benchmark_ids = {a["id"] for a in datasets.acled_us(n=600, seed=13)[0]}
    notes = read_acled_notes()
    held_out = [n for n in notes if is_held_out_acled(n[0], benchmark_ids)]
    training = [n for n in notes if not is_held_out_acled(n[0], benchmark_ids)]
    return training, held_out


def read_written_examples() -> list[tuple[str, str]]:
    """(text, sub-event type) of the hand-written snippets."""
    lines = WRITTEN_EXAMPLES.read_text(encoding="utf-8").splitlines()
    pairs = [line.split("\t", 1) for line in lines if line.strip() and not line.startswith("#")]
    return [(text.strip(), label) for label, text in pairs]


def mm_codes(row: dict, prefix: str, count: int, vocabulary: tuple[str, ...]) -> list[str]:
    spelling = {"accomodation": "accommodation"}
    names = (row.get(f"{prefix}{i}", "").strip() for i in range(1, count + 1))
    return sorted({c for c in (datasets.snake(spelling.get(n, n)) for n in names) if c in vocabulary})


def read_mm_notes() -> list[tuple[str, str, list[str], list[str]]]:
    """(article id, note, demands, state responses) of MM protest rows with a note."""
    with MM_CSV.open(encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r.get("protest") == "1" and len((r.get("notes") or "").strip()) >= 20]
    return [(f"mm-{r['id']}", r["notes"].strip(), mm_codes(r, "protesterdemand", 4, DEMANDS),
             mm_codes(r, "stateresponse", 7, STATE_RESPONSES)) for r in rows]


def split_mm_notes() -> tuple[list, list]:
    """(training, held-out) MM notes; held out: the pipeline benchmark's 500-row sample."""
    benchmark_ids = {a["id"] for a in datasets.mass_mobilization(n=500, seed=13)[0]}
    notes = read_mm_notes()
    return [n for n in notes if n[0] not in benchmark_ids], [n for n in notes if n[0] in benchmark_ids]


def cap_rows_per_type(notes: list, seed: int) -> list:
    by_type: dict[str, list] = {}
    for note in notes:
        by_type.setdefault(note[2], []).append(note)
    rng = random.Random(seed)
    capped = []
    for label in sorted(by_type):
        rows = by_type[label]
        capped += rng.sample(rows, MAX_ROWS_PER_TYPE) if len(rows) > MAX_ROWS_PER_TYPE else rows
    return capped


# --------------------------------------------------------------------------- features


def fit_vectorizers(texts: list[str]) -> tuple[TfidfVectorizer, TfidfVectorizer]:
    word = TfidfVectorizer(analyzer="word", ngram_range=WORD_RANGE, min_df=2, sublinear_tf=True,
                           max_features=MAX_WORD_FEATURES, dtype=np.float64)
    char = TfidfVectorizer(analyzer="char_wb", ngram_range=CHAR_RANGE, min_df=2, sublinear_tf=True,
                           max_features=MAX_CHAR_FEATURES, dtype=np.float64)
    return word.fit(texts), char.fit(texts)


def vectorize(vectorizers, texts: list[str]) -> sparse.csr_matrix:
    word, char = vectorizers
    return sparse.hstack([word.transform(texts), char.transform(texts)], format="csr")


def ordered_terms(vectorizer: TfidfVectorizer) -> np.ndarray:
    terms = sorted(vectorizer.vocabulary_, key=vectorizer.vocabulary_.get)
    return np.array(terms, dtype=str)


# --------------------------------------------------------------------------- fitting


def fit_platt(scores: np.ndarray, is_label: np.ndarray) -> tuple[float, float]:
    """Slope and intercept of a sigmoid from one label's scores to its probability."""
    if is_label.all() or not is_label.any():
        return 0.0, 0.0
    logistic = LogisticRegression(C=1e4).fit(scores.reshape(-1, 1), is_label)
    return float(logistic.coef_[0, 0]), float(logistic.intercept_[0])


def platt_parameters(scores: np.ndarray, indicator: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    pairs = [fit_platt(scores[:, k], indicator[:, k]) for k in range(indicator.shape[1])]
    return np.array([a for a, _ in pairs]), np.array([b for _, b in pairs])


def sigmoid(scores, slope, intercept) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-(slope * scores + intercept)))


def cv_multiclass_scores(X, y, weights, C: float, seed: int) -> np.ndarray:
    model = LinearSVC(C=C, class_weight="balanced", random_state=seed)
    folds = StratifiedKFold(CV_FOLDS, shuffle=True, random_state=seed)
    return cross_val_predict(model, X, y, cv=folds, method="decision_function",
                             params={"sample_weight": weights})


def cv_multilabel_scores(X, Y, C: float, seed: int) -> np.ndarray:
    model = OneVsRestClassifier(LinearSVC(C=C, class_weight="balanced", random_state=seed))
    return cross_val_predict(model, X, Y, cv=KFold(CV_FOLDS, shuffle=True, random_state=seed),
                             method="decision_function")


def mean_set_f1(Y: np.ndarray, chosen: np.ndarray) -> float:
    """The benchmark's score (``protestwatch.evaluate.set_f1`` per note, averaged),
    vectorised: 2|gold & chosen| / (|gold| + |chosen|), 1.0 when both are empty."""
    sizes = Y.sum(axis=1) + chosen.sum(axis=1)
    common = np.logical_and(Y, chosen).sum(axis=1)
    return float(np.mean(np.where(sizes > 0, 2 * common / np.maximum(sizes, 1), 1.0)))


def choose_labels(probabilities: np.ndarray, thresholds: np.ndarray, at_least_one: bool) -> np.ndarray:
    chosen = probabilities >= thresholds
    if at_least_one:
        chosen[np.arange(len(chosen)), probabilities.argmax(axis=1)] = True
    return chosen


def choose_thresholds(probabilities: np.ndarray, Y: np.ndarray, at_least_one: bool) -> tuple[np.ndarray, float]:
    """Per-label thresholds maximising mean set F1, by two rounds of coordinate ascent."""
    thresholds = np.full(Y.shape[1], 0.5)
    best = mean_set_f1(Y, choose_labels(probabilities, thresholds, at_least_one))
    for _ in range(2):
        for k in range(Y.shape[1]):
            for candidate in THRESHOLD_GRID:
                trial = thresholds.copy()
                trial[k] = candidate
                score = mean_set_f1(Y, choose_labels(probabilities, trial, at_least_one))
                if score > best:
                    best, thresholds = score, trial
    return thresholds, best


# --------------------------------------------------------------------------- models


def train_sub_event_type_model(seed: int) -> tuple[dict, dict]:
    """Arrays of the sub-event-type model and its training report."""
    training, _ = split_acled_notes()
    training = cap_rows_per_type(training, seed)
    written = read_written_examples()
    texts = [n[1] for n in training] + [t for t, _ in written]
    labels = np.array([n[2] for n in training] + [label for _, label in written])
    weights = np.array([1.0] * len(training) + [WRITTEN_EXAMPLE_WEIGHT] * len(written))
    vectorizers = fit_vectorizers(texts)
    X = vectorize(vectorizers, texts)
    classes = np.array(SUB_EVENT_TYPES)
    macro_f1_by_C = {}
    for C in C_GRID:
        scores = cv_multiclass_scores(X, labels, weights, C, seed)
        macro_f1_by_C[C] = f1_score(labels, np.array(sorted(SUB_EVENT_TYPES))[scores.argmax(axis=1)],
                                    average="macro")
        print(f"  sub_event_type C={C}: cross-validated macro F1 {macro_f1_by_C[C]:.3f}", flush=True)
    best_C = max(macro_f1_by_C, key=macro_f1_by_C.get)
    cv_scores = cv_multiclass_scores(X, labels, weights, best_C, seed)
    model = LinearSVC(C=best_C, class_weight="balanced", random_state=seed).fit(X, labels, sample_weight=weights)
    order = [list(model.classes_).index(c) for c in classes]  # the model sorts its classes
    indicator = labels[:, None] == classes[None, :]
    slope, intercept = platt_parameters(cv_scores[:, order], indicator)
    arrays = model_arrays(vectorizers, model.coef_[order].T, model.intercept_[order], classes,
                          slope, intercept, np.zeros(len(classes)), False)
    report = {"rows": len(training), "written_examples": len(written),
              "rows_per_type": dict(sorted(Counter(labels.tolist()).items())),
              "C": best_C, "cv_macro_f1_by_C": macro_f1_by_C}
    check_runtime_features(vectorizers, arrays, texts[:300])
    return arrays, report


def train_multilabel_model(name: str, notes: list, codes_of, vocabulary: tuple[str, ...],
                           seed: int) -> tuple[dict, dict]:
    """Arrays of a one-vs-rest MM code model and its training report."""
    texts = [n[1] for n in notes]
    Y = np.array([[code in codes_of(n) for code in vocabulary] for n in notes], dtype=int)
    vectorizers = fit_vectorizers(texts)
    X = vectorize(vectorizers, texts)
    results = {}
    for C in C_GRID:
        scores = cv_multilabel_scores(X, Y, C, seed)
        slope, intercept = platt_parameters(scores, Y.astype(bool))
        probabilities = sigmoid(scores, slope, intercept)
        for at_least_one in (False, True):
            thresholds, f1 = choose_thresholds(probabilities, Y, at_least_one)
            results[(C, at_least_one)] = (f1, slope, intercept, thresholds)
            print(f"  {name} C={C} at_least_one={at_least_one}: cross-validated mean set F1 {f1:.3f}",
                  flush=True)
    best_C, at_least_one = max(results, key=lambda key: results[key][0])
    _, slope, intercept, thresholds = results[(best_C, at_least_one)]
    model = OneVsRestClassifier(LinearSVC(C=best_C, class_weight="balanced", random_state=seed)).fit(X, Y)
    coef = np.vstack([e.coef_ for e in model.estimators_])
    bias = np.concatenate([e.intercept_ for e in model.estimators_])
    arrays = model_arrays(vectorizers, coef.T, bias, np.array(vocabulary), slope, intercept,
                          thresholds, at_least_one)
    report = {"rows": len(notes), "rows_per_code": dict(zip(vocabulary, Y.sum(axis=0).tolist())),
              "C": best_C, "cv_mean_set_f1": [{"C": c, "at_least_one": one, "f1": r[0]}
                                                  for (c, one), r in results.items()],
              "thresholds": dict(zip(vocabulary, thresholds.tolist())), "at_least_one": at_least_one}
    check_runtime_features(vectorizers, arrays, texts[:300])
    return arrays, report


def model_arrays(vectorizers, weights, bias, labels, slope, intercept, thresholds, at_least_one) -> dict:
    word, char = vectorizers
    return {"labels": labels.astype(str), "word_terms": ordered_terms(word), "word_idf": word.idf_,
            "char_terms": ordered_terms(char), "char_idf": char.idf_,
            "word_range": np.array(WORD_RANGE), "char_range": np.array(CHAR_RANGE),
            "weights": weights.astype(np.float32), "bias": bias.astype(np.float64),
            "platt_slope": slope, "platt_intercept": intercept, "thresholds": thresholds,
            "at_least_one": np.array(at_least_one)}


def check_runtime_features(vectorizers, arrays: dict, texts: list[str]) -> None:
    """The runtime's own n-grams and TF-IDF must give scikit-learn's scores exactly."""
    path = OUT_DIR / ".check.npz"
    np.savez(path, **arrays)
    try:
        runtime = learned._read_model(path)
    finally:
        path.unlink()
    expected = vectorize(vectorizers, texts) @ arrays["weights"].astype(np.float64) + arrays["bias"]
    got = np.array([runtime.scores(t) for t in texts])
    if not np.allclose(expected, got, atol=1e-4):
        raise SystemExit("runtime features differ from scikit-learn's: fix learned.py")


def write_model(out_dir: Path, name: str, arrays: dict) -> None:
    np.savez_compressed(out_dir / name, **arrays)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--out", type=Path, default=OUT_DIR)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    args.out.mkdir(parents=True, exist_ok=True)
    print("sub-event type (ACLED US + written snippets)", flush=True)
    arrays, sub_report = train_sub_event_type_model(args.seed)
    write_model(args.out, learned.SUB_EVENT_TYPE_FILE, arrays)
    mm_training, mm_held_out = split_mm_notes()
    print(f"demands and state responses (MM: {len(mm_training)} training, {len(mm_held_out)} held out)", flush=True)
    arrays, demands_report = train_multilabel_model("demands", mm_training, lambda n: n[2], DEMANDS, args.seed)
    write_model(args.out, learned.DEMANDS_FILE, arrays)
    arrays, responses_report = train_multilabel_model("state_responses", mm_training, lambda n: n[3],
                                                      STATE_RESPONSES, args.seed)
    write_model(args.out, learned.STATE_RESPONSES_FILE, arrays)
    manifest = {"version": VERSION, "seed": args.seed, "trained_by": "scripts/train_event_models.py",
                "sub_event_type": sub_report, "demands": demands_report, "state_responses": responses_report,
                "training_seconds": round(time.perf_counter() - started)}
    (args.out / learned.MANIFEST_NAME).write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out} in {manifest['training_seconds']} s")


if __name__ == "__main__":
    main()
