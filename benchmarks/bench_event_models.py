"""Score the trained event classifiers of ``protestwatch.extract.learned``.

    python benchmarks/bench_event_models.py [acled-us|case|mm|speed|all] [--json]

- acled-us: sub-event type on the ACLED US notes held out of training
  (``scripts/train_event_models.py``: every fifth row by id hash plus the
  ``bench_extract.py acled-us`` sample), notes cleaned as in training.
- case: CASE 2021 task 2 (EVALUATION ONLY, scored here, never trained or tuned on):
  the top sub-event type of each snippet's whole text, on the snippets of the eight
  types protestwatch codes.
- mm: demands and state responses on the 500 MM notes of ``bench_extract.py mm`` (held
  out of training), mean set F1 as ``protestwatch.evaluate`` scores it, for the model and
  for the lexicon rules (``data/extract/demands.csv``, ``state_responses.csv``) matched
  over the whole note. The pipeline applies the response rules to trigger sentences
  only, so its own figures (BENCHMARKS.md) differ from the rules' row here.
- speed: milliseconds per call on short texts.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
import datasets  # noqa: E402
import train_event_models as training  # noqa: E402

from protestwatch.evaluate import set_f1  # noqa: E402
from protestwatch.extract.learned import load_event_models  # noqa: E402
from protestwatch.extract.lexicon import load_lexicon  # noqa: E402

CODED_TYPES = ("peaceful_protest", "violent_demonstration", "protest_with_intervention",
               "excessive_force_against_protesters", "arrests", "mob_violence", "attack",
               "looting_property_destruction")
SPEED_TEXTS = ("Police fired tear gas to disperse the protesters.",
               "Rioters looted shops and torched cars in the city centre on Sunday night.",
               "Teachers marched to the ministry to demand higher pay.")


def top_sub_event_type(models, text: str) -> str:
    return models.predict_sub_event_type(text)[0][0]


def accuracy_report(gold: list[str], guesses: list[str]) -> dict:
    """Accuracy, macro F1 over the gold labels, and accuracy (recall) per gold label."""
    right = Counter(g for g, p in zip(gold, guesses) if g == p)
    n_gold, n_guessed = Counter(gold), Counter(guesses)
    per_label = {}
    for label in sorted(n_gold):
        recall = right[label] / n_gold[label]
        precision = right[label] / n_guessed[label] if n_guessed[label] else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_label[label] = {"recall": recall, "precision": precision, "f1": f1, "n": n_gold[label]}
    return {"accuracy": sum(right.values()) / len(gold), "n": len(gold),
            "macro_f1": sum(v["f1"] for v in per_label.values()) / len(per_label), "per_label": per_label}


def bench_acled_us(models) -> dict:
    _, held_out = training.split_acled_notes()
    gold = [label for _, _, label in held_out]
    report = accuracy_report(gold, [top_sub_event_type(models, text) for _, text, _ in held_out])
    non_peaceful = [(t, g) for _, t, g in held_out if g != "peaceful_protest"]
    report["accuracy_without_peaceful_protest"] = accuracy_report(
        [g for _, g in non_peaceful], [top_sub_event_type(models, t) for t, _ in non_peaceful])["accuracy"]
    return report


def bench_case(models) -> dict:
    snippets = [s for s in datasets.case2021() if s["sub_event_type"] in CODED_TYPES]
    gold = [s["sub_event_type"] for s in snippets]
    return accuracy_report(gold, [top_sub_event_type(models, s["text"]) for s in snippets])


def rule_codes(patterns, text: str) -> set[str]:
    return {p.code for p in patterns if p.regex.search(text)}


def gold_codes(event: dict, field: str) -> set[str]:
    codes = set(event[field])
    if field == "state_responses":
        codes.discard("ignore")  # as protestwatch.evaluate scores it
    return codes


def bench_mm(models) -> dict:
    articles, gold = datasets.mass_mobilization(n=500, seed=13)
    lexicon = load_lexicon()
    rules = {"demands": lexicon.demands, "state_responses": lexicon.state_responses}
    predictors = {"demands": models.predict_demands, "state_responses": models.predict_state_responses}
    report = {"n": len(articles)}
    for field in ("demands", "state_responses"):
        model_f1, rules_f1 = [], []
        for article, result in zip(articles, gold):
            expected = gold_codes(result["events"][0], field)
            model_f1.append(set_f1(expected, {code for code, _ in predictors[field](article["text"])}))
            rules_f1.append(set_f1(expected, rule_codes(rules[field], article["text"]) - {"ignore"}))
        report[field] = {"model_f1": sum(model_f1) / len(model_f1), "rules_f1": sum(rules_f1) / len(rules_f1)}
    return report


def bench_speed(models, rounds: int = 300) -> dict:
    started = time.perf_counter()
    for _ in range(rounds):
        for text in SPEED_TEXTS:
            models.predict_sub_event_type(text)
            models.predict_demands(text)
            models.predict_state_responses(text)
    calls = rounds * len(SPEED_TEXTS)
    return {"ms_per_text_all_three_models": 1000 * (time.perf_counter() - started) / calls}


def print_accuracy(title: str, report: dict) -> None:
    print(f"== {title}\naccuracy {report['accuracy']:.3f}  macro F1 {report['macro_f1']:.3f}  n={report['n']}")
    if "accuracy_without_peaceful_protest" in report:
        print(f"accuracy on the types other than peaceful_protest {report['accuracy_without_peaceful_protest']:.3f}")
    for label, v in report["per_label"].items():
        print(f"  {label:<38}recall {v['recall']:.3f}  precision {v['precision']:.3f}  n={v['n']}")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("set", nargs="?", default="all", choices=["acled-us", "case", "mm", "speed", "all"])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    models = load_event_models()
    out = {"version": models.version, "load_seconds": time.perf_counter() - started}
    wanted = ("acled-us", "case", "mm", "speed") if args.set == "all" else (args.set,)
    benches = {"acled-us": bench_acled_us, "case": bench_case, "mm": bench_mm, "speed": bench_speed}
    for name in wanted:
        out[name] = benches[name](models)
    if args.json:
        print(json.dumps(out, indent=1))
        return
    print(f"event models {out['version']} (loaded in {out['load_seconds']:.2f} s)")
    if "acled-us" in out:
        print_accuracy("ACLED US held out: sub-event type", out["acled-us"])
    if "case" in out:
        print_accuracy("CASE 2021 task 2, the 8 coded types: sub-event type of the whole snippet", out["case"])
    if "mm" in out:
        mm = out["mm"]
        print(f"== MM held out (n={mm['n']}): mean set F1, model vs lexicon rules over the whole note")
        for field in ("demands", "state_responses"):
            print(f"  {field:<16} model {mm[field]['model_f1']:.3f}  rules {mm[field]['rules_f1']:.3f}")
    if "speed" in out:
        print(f"== speed: {out['speed']['ms_per_text_all_three_models']:.3f} ms per short text, all three models")


if __name__ == "__main__":
    main()
