"""Accuracy and speed of the committed core pipeline (models/pw_core_en) on held-out tests.

Reads the test splits in ../shared/data (override with env PROTESTWATCH_SHARED), which
training never sees (scripts/train_core_model.py converts train and dev only):
- CoNLL-2003 English test (eng.testb): entity-level precision, recall and F1, a
  prediction counting only with the exact gold span and label, overall and per label.
  Text is fed as gold tokens, one sentence per Doc, as trained.
- UD English-EWT test: UPOS and XPOS accuracy, UAS and LAS over every word (punctuation
  included), LAS both on the full relation (``nsubj:pass``) and on its universal part
  (``nsubj``, as the CoNLL 2018 shared task scores it). Gold tokens; once one sentence
  per Doc (gold segmentation), once ten sentences per Doc with the parser finding the
  boundaries itself.

Usage: python benchmarks/bench_models.py [--model DIR] [--json]
Speed is words per wall-clock second and per CPU second of this process (the second
is steadier on shared cores), for the whole pipeline on the EWT test.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

from spacy.tokens import Doc

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
import datasets  # noqa: E402
from train_core_model import read_conll_documents  # noqa: E402  (the reader training used)

from protestwatch.nlp.core_model import load_core_model  # noqa: E402

# The parser finds sentence boundaries itself in Docs of this many EWT sentences.
SENTENCES_PER_DOC = 10
NER_LABELS = ("PER", "LOC", "ORG", "MISC")
SYNTAX_COMPONENTS = ("tok2vec", "tagger", "morphologizer", "parser")


def read_conllu_sentences(path: Path) -> list[list[dict]]:
    """Sentences of syntactic words (multiword-token and empty-node lines skipped)."""
    sentences, words = [], []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if not line:
            if words:
                sentences.append(words)
            words = []
        elif not line.startswith("#"):
            fields = line.split("\t")
            if fields[0].isdigit():
                words.append({"form": fields[1], "upos": fields[3], "xpos": fields[4],
                              "head": int(fields[6]), "deprel": fields[7]})
    return sentences


def group(items: list, size: int) -> list[list]:
    return [items[start:start + size] for start in range(0, len(items), size)]


def gold_spans(tags: list[str]) -> set[tuple[int, int, str]]:
    """(start, end, label) of the IOB2 entities of one Doc's tags."""
    spans, start, label = set(), None, None
    for index, tag in enumerate(tags + ["O"]):
        if start is not None and not tag.startswith("I-"):
            spans.add((start, index, label))
            start = None
        if tag.startswith("B-") or (tag.startswith("I-") and start is None):
            start, label = index, tag[2:]
    return spans


def score_ner(nlp, documents) -> dict:
    """Entity-level P/R/F1 on exact span and label, overall and per label."""
    token_lists = [sentence for document in documents for sentence in document]
    docs = (Doc(nlp.vocab, words=[word for word, _ in tokens]) for tokens in token_lists)
    counts = Counter()
    with nlp.select_pipes(enable=["ner"]):
        for tokens, doc in zip(token_lists, nlp.pipe(docs)):
            gold = gold_spans([tag for _, tag in tokens])
            predicted = {(ent.start, ent.end, ent.label_) for ent in doc.ents}
            for label in (None, *NER_LABELS):
                gold_of, predicted_of = _of_label(gold, label), _of_label(predicted, label)
                counts[label, "tp"] += len(gold_of & predicted_of)
                counts[label, "gold"] += len(gold_of)
                counts[label, "predicted"] += len(predicted_of)
    return {label or "ALL": _prf(counts[label, "tp"], counts[label, "predicted"], counts[label, "gold"])
            for label in (None, *NER_LABELS)}


def _of_label(spans, label):
    return spans if label is None else {span for span in spans if span[2] == label}


def _prf(true_positives: int, predicted: int, gold: int) -> dict:
    precision = true_positives / predicted if predicted else 0.0
    recall = true_positives / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"p": round(precision, 4), "r": round(recall, 4), "f1": round(f1, 4), "gold": gold}


def score_syntax(nlp, sentences, sentences_per_doc: int) -> dict:
    """UPOS/XPOS accuracy, UAS and LAS over all words, with words/s of the full pipeline."""
    chunks = group(sentences, sentences_per_doc)
    docs = [Doc(nlp.vocab, words=[word["form"] for sentence in chunk for word in sentence]) for chunk in chunks]
    wall, cpu = time.perf_counter(), time.process_time()
    parsed = list(nlp.pipe(docs))
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    counts = Counter()
    for chunk, doc in zip(chunks, parsed):
        offset = 0
        for sentence in chunk:
            for index, word in enumerate(sentence):
                _count_word(counts, doc[offset + index], word, offset)
            offset += len(sentence)
    words = counts["words"]
    scores = {name: round(counts[name] / words, 4) for name in ("upos", "xpos", "uas", "las", "las_universal")}
    return {**scores, "words": words, "words_per_s": round(words / wall), "words_per_cpu_s": round(words / cpu)}


def _count_word(counts: Counter, token, word: dict, offset: int) -> None:
    gold_head = offset + word["head"] - 1 if word["head"] else token.i
    predicted_label, gold_label = token.dep_.lower(), word["deprel"].lower()
    is_head_right = token.head.i == gold_head
    counts["words"] += 1
    counts["upos"] += token.pos_ == word["upos"]
    counts["xpos"] += token.tag_ == word["xpos"]
    counts["uas"] += is_head_right
    counts["las"] += is_head_right and predicted_label == gold_label
    counts["las_universal"] += is_head_right and predicted_label.split(":")[0] == gold_label.split(":")[0]


def run_benchmark(model: str | None) -> dict:
    nlp = load_core_model(model)
    ewt = read_conllu_sentences(datasets.data_path("ud_english_ewt", "en_ewt-ud-test.conllu"))
    conll = read_conll_documents(datasets.data_path("conll2003_en", "test.txt"))
    started = time.perf_counter()
    ner = score_ner(nlp, conll)
    ner_seconds = time.perf_counter() - started
    ner["words_per_s"] = round(sum(len(s) for d in conll for s in d) / ner_seconds)
    with nlp.select_pipes(enable=list(SYNTAX_COMPONENTS)):
        syntax_gold_sentences = score_syntax(nlp, ewt, 1)
        syntax_found_sentences = score_syntax(nlp, ewt, SENTENCES_PER_DOC)
    full_pipeline = score_syntax(nlp, ewt, SENTENCES_PER_DOC)
    return {"model": nlp.meta.get("name"), "pipeline": nlp.pipe_names, "cores": os.cpu_count(),
            "ner_conll2003_test": ner,
            "ewt_test_gold_sentences": syntax_gold_sentences,
            "ewt_test_parser_sentences": syntax_found_sentences,
            "full_pipeline_speed": {key: full_pipeline[key] for key in ("words", "words_per_s", "words_per_cpu_s")}}


def print_report(report: dict) -> None:
    print(f"model {report['model']} ({', '.join(report['pipeline'])}), {report['cores']} cores, "
          f"load {os.getloadavg()[0]:.1f}")
    ner = report["ner_conll2003_test"]
    print(f"NER CoNLL-2003 test ({ner['words_per_s']} words/s, NER only):")
    for label in ("ALL", *NER_LABELS):
        s = ner[label]
        print(f"  {label:<5} P {s['p']:.4f}  R {s['r']:.4f}  F1 {s['f1']:.4f}  ({s['gold']} gold)")
    for key, title in (("ewt_test_gold_sentences", "gold sentences"),
                       ("ewt_test_parser_sentences", "10-sentence Docs, parser finds sentences")):
        s = report[key]
        print(f"UD EWT test, {title}: UPOS {s['upos']:.4f}  XPOS {s['xpos']:.4f}  UAS {s['uas']:.4f}  "
              f"LAS {s['las']:.4f}  LAS (universal part) {s['las_universal']:.4f}  ({s['words']} words)")
    speed = report["full_pipeline_speed"]
    print(f"full pipeline ({SENTENCES_PER_DOC}-sentence Docs): {speed['words_per_s']} words/s wall, {speed['words_per_cpu_s']} words per CPU second")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", help="pipeline directory (default: models/pw_core_en)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    report = run_benchmark(args.model)
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print_report(report)


if __name__ == "__main__":
    main()
