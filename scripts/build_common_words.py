"""Build src/protestwatch/data/geo/common_words.csv: English words written in lower case in
the UD English-EWT train and dev splits (../shared/data/ud_english_ewt), one per line.

A capitalised word that is also an everyday English word ("Economy", "Independence",
"Freedom", "Castle") is a town only where the text places something in it; the toponym
recogniser reads this list to ask for that cue.

Usage: python scripts/build_common_words.py [--treebank-dir DIR] [--min-count N]
The output is deterministic (sorted).
"""
from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_TREEBANK_DIR = REPO_ROOT.parent / "shared" / "data" / "ud_english_ewt"
# Never the test split: it scores our parser.
SPLITS = ("en_ewt-ud-train.conllu", "en_ewt-ud-dev.conllu")
OUTPUT = REPO_ROOT / "src" / "protestwatch" / "data" / "geo" / "common_words.csv"
# Content words only: a town's name is never a pronoun, determiner or preposition anyway.
CONTENT_TAGS = frozenset({"NOUN", "ADJ", "VERB", "ADV"})
HEADER = ("# SOURCE: built by scripts/build_common_words.py from UD English-EWT train and dev (CC BY-SA 4.0):\n"
          "# content words written in lower case (at least {min_count} time(s)).\n"
          "word\n")


def count_lowercase_words(treebank: Path, counts: Counter) -> None:
    with open(treebank, encoding="utf-8") as handle:
        for line in handle:
            if not line.strip() or line.startswith("#"):
                continue
            columns = line.split("\t")
            form, tag = columns[1], columns[3]
            if tag in CONTENT_TAGS and form.isalpha() and form.islower() and len(form) > 2:
                counts[form] += 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--treebank-dir", type=Path, default=DEFAULT_TREEBANK_DIR)
    parser.add_argument("--min-count", type=int, default=1)
    args = parser.parse_args()
    counts: Counter = Counter()
    for split in SPLITS:
        count_lowercase_words(args.treebank_dir / split, counts)
    words = sorted(word for word, count in counts.items() if count >= args.min_count)
    OUTPUT.write_text(HEADER.format(min_count=args.min_count) + "".join(f"{word}\n" for word in words),
                      encoding="utf-8")
    print(f"wrote {len(words)} words to {OUTPUT.relative_to(REPO_ROOT)}")


if __name__ == "__main__":
    main()
