"""Write the ingest benchmark's corpora as JSON Lines articles.

    python benchmarks/make_stream.py [--n 100000] [--protest-n 1000] [--out-dir out/bench]

- ``stream.jsonl``: a news stream in which about one article in ten reports a protest:
  the 1,050 GLOCON Gold sample documents (SAPA wire copy, 10 % labelled as holding a
  protest event) replicated to ``--n`` articles, each pass over the documents in its own
  seeded order.
- ``protest.jsonl``: protest-only full-length articles: GLOCON's positive documents, our
  multi-event articles (``benchmarks/gold/hard_articles.jsonl``), the sample articles of
  ``examples/`` and the founding article, replicated to ``--protest-n``.

A replica is a distinct article to the store: its own id and url, so its own content
hash (the hash covers every field). Its text is the document's own, unchanged, because
any edit changes what the pipeline extracts (an appended reference line changed the
detected language of 5 of 150 GLOCON documents, price tables mostly), and the stream
must keep the documents whose share of protest reports is known. Nothing in the
pipeline is keyed by whole text, so unchanged text earns a replica no shortcut; the
gazetteer's bounded lookup cache is warmer than on never-seen news, though.

GLOCON is evaluation-only: read here to measure speed, never to write rules.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path
from typing import Iterator, Optional

sys.path.insert(0, str(Path(__file__).resolve().parent))
import datasets  # noqa: E402

GLOCON_DOCUMENTS = ("glocon_gold_sample", "document_Sabinet_R.jsonl")
# SAPA file names carry the wire date: SAP140527S1814 (yymmdd), SAP20121107S6568
# (yyyymmdd), SAPANA_20161024074340000_938491 (yyyymmdd + time).
WIRE_DATE = re.compile(r"^SAP(?:(?P<short>\d{6})S|(?P<long>\d{8})S|[A-Z]+_(?P<stamp>\d{8})\d{9}_)")
SOURCE = "SAPA (GLOCON Gold sample)"
DEFAULT_OUT_DIR = datasets.REPO / "out" / "bench"


def read_glocon_documents() -> list[dict]:
    with datasets.data_path(*GLOCON_DOCUMENTS).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def wire_date(file_name: str) -> Optional[str]:
    """The publication date a SAPA file name encodes, as YYYY-MM-DD, or None."""
    match = WIRE_DATE.match(file_name)
    if not match:
        return None
    digits = match.group("long") or match.group("stamp") or "20" + match.group("short")
    return f"{digits[:4]}-{digits[4:6]}-{digits[6:8]}"


def glocon_article(document: dict, replica: int) -> dict:
    """Replica ``replica`` of a GLOCON document as an Article; undated files stay undated,
    as a feed without dates would, and ingest infers their reference date."""
    article = {"id": f"glocon-{document['id']}-r{replica:05d}",
               "url": f"https://glocon.invalid/sabinet/{document['url']}?replica={replica}",
               "source": SOURCE, "text": document["text"]}
    published = wire_date(document["url"])
    if published:
        article["published"] = published
    return article


def replicate(documents: list[dict], n: int, seed: int) -> Iterator[tuple[dict, int]]:
    """(document, replica number) for ``n`` articles: whole passes over ``documents``,
    each in a fresh seeded order so that positives do not recur at a fixed period."""
    rng = random.Random(seed)
    for replica in range(-(-n // len(documents))):
        order = list(documents)
        rng.shuffle(order)
        for document in order[:n - replica * len(documents)]:
            yield document, replica


def build_stream(n: int, seed: int) -> Iterator[dict]:
    for document, replica in replicate(read_glocon_documents(), n, seed):
        yield glocon_article(document, replica)


def read_protest_articles() -> list[dict]:
    """Full-length articles that report protests: GLOCON positives (labels 1 and 2) and
    the project's own multi-event, sample and founding articles."""
    positives = [glocon_article(d, 0) for d in read_glocon_documents() if d.get("label") in (1, 2)]
    own = datasets.hard()[0] + datasets.examples()[0] + datasets.founding()[0]
    return positives + own


def build_protest_set(n: int, seed: int) -> Iterator[dict]:
    for article, replica in replicate(read_protest_articles(), n, seed):
        yield {**article, "id": f"{article['id']}-p{replica:04d}",
               "url": f"{article.get('url') or 'https://protestwatch.invalid/' + article['id']}#p{replica}"}


def write_jsonl(path: Path, articles: Iterator[dict]) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    with path.open("w", encoding="utf-8") as handle:
        for article in articles:
            handle.write(json.dumps(article, ensure_ascii=False) + "\n")
            count += 1
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000, help="articles in the stream")
    parser.add_argument("--protest-n", type=int, default=1_000, help="protest-only articles")
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--out-dir", type=Path, default=DEFAULT_OUT_DIR)
    args = parser.parse_args(argv)
    stream = write_jsonl(args.out_dir / "stream.jsonl", build_stream(args.n, args.seed))
    protest = write_jsonl(args.out_dir / "protest.jsonl", build_protest_set(args.protest_n, args.seed))
    print(f"{args.out_dir / 'stream.jsonl'}: {stream} articles")
    print(f"{args.out_dir / 'protest.jsonl'}: {protest} articles")
    return 0


if __name__ == "__main__":
    sys.exit(main())
