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
    from protestwatch.evaluate import score

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
    out = {"set": name, **report.to_dict(), "seconds": seconds, "cores": os.cpu_count()}
    print(json.dumps(out, indent=1) if as_json else
          f"== {name}\n{report.format_report()}\n{_throughput(len(articles), seconds)}")
    return out


def run_case(n: int | None, seed: int, as_json: bool) -> dict:
    """CASE 2021 task 2: sub-event type of the first extracted event per snippet."""
    snippets = datasets.case2021(n=n, seed=seed)
    pipe = _load_pipeline()
    articles = [{"id": s["id"], "text": s["text"]} for s in snippets]
    preds, seconds = extract_all(pipe, articles)
    right, n_acled, none_right, n_unseen = 0, 0, 0, 0
    per_label: Counter = Counter()
    per_label_right: Counter = Counter()
    for snip, pred in zip(snippets, preds):
        events = sorted(pred.get("events") or [], key=lambda e: -e.get("confidence", 0))
        guess = events[0]["sub_event_type"] if events else None
        if snip["sub_event_type"] is None:
            n_unseen += 1
            none_right += guess is None
            continue
        n_acled += 1
        per_label[snip["sub_event_type"]] += 1
        if guess == snip["sub_event_type"]:
            right += 1
            per_label_right[snip["sub_event_type"]] += 1
    out = {"set": "case", "sub_event_type_accuracy": right / n_acled if n_acled else None,
           "n": n_acled, "no_event_on_unseen_types": none_right / n_unseen if n_unseen else None,
           "n_unseen": n_unseen, "seconds": seconds, "cores": os.cpu_count(),
           "per_label": {k: {"accuracy": per_label_right[k] / v, "n": v}
                         for k, v in sorted(per_label.items())}}
    if as_json:
        print(json.dumps(out, indent=1))
    else:
        print(f"== case2021 task 2\nsub_event_type accuracy {_ratio(right, n_acled)}  n={n_acled}")
        print(f"no event on the 5 non-ACLED types {_ratio(none_right, n_unseen)}  n={n_unseen}")
        for k, v in sorted(per_label.items()):
            print(f"  {k:<38}{per_label_right[k] / v:.3f}  n={v}")
        print(_throughput(len(articles), seconds))
    return out


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
