"""Run the extraction pipeline over a benchmark set and score it.

    python benchmarks/bench_extract.py acled-world|acled-us|mm|examples|hard|founding [--n N]
    python benchmarks/bench_extract.py case|glocon [--n N]

Prints the per-field report of ``protestwatch.evaluate``, articles per second and the
core count. ``--save`` writes predictions (and gold) as JSONL under ``.benchcache/``,
the only place this script writes inside the project. ``founding`` times the founding
article repeated ``--n`` times (default 20) after scoring it once.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import datasets  # noqa: E402

CACHE = datasets.REPO / ".benchcache"
PROTEST_TYPES = ("protest", "riot")


def _load_pipeline():
    from protestwatch.pipeline import load_pipeline

    return load_pipeline()


def extract_all(pipe, articles: list[dict]) -> tuple[list[dict], float]:
    """Results as JSON dicts, and the seconds spent extracting."""
    from protestwatch.schema import Article

    results, start = [], time.perf_counter()
    for art in articles:
        result = pipe.extract(Article(**art))
        results.append(result.model_dump(mode="json", exclude_none=False))
    return results, time.perf_counter() - start


def _throughput(n: int, seconds: float) -> str:
    rate = n / seconds if seconds > 0 else float("inf")
    return f"{n} articles in {seconds:.1f} s = {rate:.2f} articles/s on {os.cpu_count()} cores"


def _save(name: str, rows: list[dict], kind: str) -> None:
    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"{name}.{kind}.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {path}")


def run_scored(name: str, n: int | None, seed: int, save: bool, as_json: bool) -> dict:
    """A set with gold results: extract, score, print."""
    from protestwatch.evaluate import reliability, score

    loader = datasets.LOADERS[name]
    articles, gold = loader(n=n, seed=seed) if name in ("acled-world", "acled-us", "mm") else loader()
    if n is not None and name not in ("acled-world", "acled-us", "mm"):
        articles = articles[:n]
        keep = {a["id"] for a in articles}
        gold = [g for g in gold if g["article_id"] in keep]
    pipe = _load_pipeline()
    preds, seconds = extract_all(pipe, articles)
    report = score(gold, preds)
    if save:
        _save(name, preds, "pred")
        _save(name, gold, "gold")
    table = reliability(gold, preds)
    out = {"set": name, **report.to_dict(), "reliability": table, "seconds": seconds, "cores": os.cpu_count()}
    print(json.dumps(out, indent=1) if as_json else
          f"== {name}\n{report.format_report()}\n{_format_reliability(table)}\n"
          f"{_throughput(len(articles), seconds)}")
    return out


def _format_reliability(table: list[dict]) -> str:
    rows = [f"  {row['low']:.1f}-{row['high']:.1f}  {row['events']:5d} events  matched "
            + ("  -  " if row["matched"] is None else f"{row['matched']:.2f}") for row in table if row["events"]]
    return "confidence (share of predicted events that match gold)\n" + "\n".join(rows)


# The eight sub-types issue #3 scores CASE 2021 on.
CASE_CODED_TYPES = ("peaceful_protest", "protest_with_intervention", "excessive_force_against_protesters",
                    "violent_demonstration", "mob_violence", "attack", "arrests",
                    "looting_property_destruction")


def run_case(n: int | None, seed: int, as_json: bool) -> dict:
    """CASE 2021 task 2: each snippet's sub-event type, two ways. ``extract``: the most
    confident event ``protestwatch extract`` emits (none where the snippet names no place).
    ``snippet``: ``extract.snippet.code_snippet``, the passage coded as one event."""
    from protestwatch.extract.lexicon import load_lexicon
    from protestwatch.extract.snippet import code_snippet

    snippets = datasets.case2021(n=n, seed=seed)
    pipe = _load_pipeline()
    preds, seconds = extract_all(pipe, [{"id": s["id"], "text": s["text"]} for s in snippets])
    extracted = [_top_sub_type(pred) for pred in preds]
    lexicon = load_lexicon()
    start = time.perf_counter()
    coded = [(code_snippet(s["text"], lexicon) or (None, None))[1] for s in snippets]
    snippet_seconds = time.perf_counter() - start
    out = {"set": "case", "n": len(snippets), "seconds": seconds, "cores": os.cpu_count()}
    for name, guesses in (("extract", extracted), ("snippet", coded)):
        out[name] = _case_scores(snippets, guesses)
    out["snippet"]["seconds"] = snippet_seconds
    if as_json:
        print(json.dumps(out, indent=1))
        return out
    print("== case2021 task 2")
    for name in ("extract", "snippet"):
        scores = out[name]
        print(f"{name}: accuracy {scores['accuracy_all']:.3f} over {scores['n_all']} ACLED-type snippets, "
              f"{scores['accuracy_coded']:.3f} over the {scores['n_coded']} of issue #3's eight types; "
              f"no event on the 5 non-ACLED types {scores['no_event_on_unseen_types']:.3f} (n={scores['n_unseen']})")
        for label, row in scores["per_label"].items():
            print(f"  {label:<38}{row['accuracy']:.3f}  n={row['n']}")
    print(_throughput(len(snippets), seconds) + f"; snippet coding {len(snippets) / snippet_seconds:.0f} snippets/s")
    return out


def _top_sub_type(pred: dict):
    events = sorted(pred.get("events") or [], key=lambda e: -e.get("confidence", 0))
    return events[0]["sub_event_type"] if events else None


def _case_scores(snippets: list[dict], guesses: list) -> dict:
    right, per_label, per_label_right = Counter(), Counter(), Counter()
    none_right = n_unseen = 0
    for snip, guess in zip(snippets, guesses):
        gold = snip["sub_event_type"]
        if gold is None:
            n_unseen += 1
            none_right += guess is None
            continue
        per_label[gold] += 1
        per_label_right[gold] += guess == gold
    n_all = sum(per_label.values())
    n_coded = sum(per_label[label] for label in CASE_CODED_TYPES)
    return {"accuracy_all": sum(per_label_right.values()) / n_all if n_all else 0.0, "n_all": n_all,
            "accuracy_coded": sum(per_label_right[label] for label in CASE_CODED_TYPES) / n_coded if n_coded else 0.0,
            "n_coded": n_coded,
            "no_event_on_unseen_types": none_right / n_unseen if n_unseen else 0.0, "n_unseen": n_unseen,
            "per_label": {label: {"accuracy": per_label_right[label] / count, "n": count}
                          for label, count in sorted(per_label.items())}}


def run_glocon(n: int | None, seed: int, as_json: bool) -> dict:
    """GLOCON documents: does the article contain a protest (or riot) event?"""
    docs = datasets.glocon(n=n, seed=seed)
    pipe = _load_pipeline()
    preds, seconds = extract_all(pipe, [{"id": d["id"], "text": d["text"]} for d in docs])
    tp = fp = fn = 0
    for doc, pred in zip(docs, preds):
        guess = any(e.get("event_type") in PROTEST_TYPES for e in pred.get("events") or [])
        tp += guess and doc["is_protest"]
        fp += guess and not doc["is_protest"]
        fn += (not guess) and doc["is_protest"]
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    out = {"set": "glocon", "precision": p, "recall": r, "f1": f1, "tp": tp, "fp": fp,
           "fn": fn, "n": len(docs), "seconds": seconds, "cores": os.cpu_count()}
    print(json.dumps(out, indent=1) if as_json else
          f"== glocon (doc contains a protest)\nP {p:.3f}  R {r:.3f}  F1 {f1:.3f}  "
          f"(tp {tp}, fp {fp}, fn {fn}, n {len(docs)})\n{_throughput(len(docs), seconds)}")
    return out


def run_founding(repeat: int, as_json: bool) -> dict:
    """Score the founding article once, then time it repeated ``repeat`` times."""
    out = run_scored("founding", None, 0, False, as_json)
    articles, _ = datasets.founding()
    pipe = _load_pipeline()
    _, seconds = extract_all(pipe, articles * repeat)
    timing = {"repeat": repeat, "seconds": seconds, "cores": os.cpu_count()}
    print(json.dumps(timing) if as_json else _throughput(len(articles) * repeat, seconds))
    return {**out, "timing": timing}


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "  -  "


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("set", choices=["acled-world", "acled-us", "mm", "examples", "hard",
                                        "case", "glocon", "founding"])
    parser.add_argument("--n", type=int, default=None,
                        help="articles (default: 600 ACLED, 500 MM, all others; "
                             "founding: repetitions, default 20)")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--save", action="store_true", help="write JSONL under .benchcache/")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    args = parser.parse_args(argv)
    defaults = {"acled-world": 600, "acled-us": 600, "mm": 500}
    n = args.n if args.n is not None else defaults.get(args.set)
    if args.set == "case":
        run_case(n, args.seed, args.json)
    elif args.set == "glocon":
        run_glocon(n, args.seed, args.json)
    elif args.set == "founding":
        run_founding(args.n or 20, args.json)
    else:
        run_scored(args.set, n, args.seed, args.save, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
