"""Trained event classifiers: ACLED sub-event type, MM demands and MM state responses.

Trained by ``scripts/train_event_models.py`` on development data only (ACLED US notes,
Mass Mobilization notes, hand-written snippets) and committed as ``models/event/`` at the
repository root; ``models/event/README.md`` is their model card. The directory is found,
in this order, at: the ``path`` given to ``load_event_models``; the directory named by
``PROTESTWATCH_EVENT_MODELS``; ``models/event/`` of the checkout this package is imported
from. Loading reads files only (NumPy ``.npz``, no pickles) and needs neither
scikit-learn nor a network.

    >>> models = load_event_models()
    >>> models.predict_sub_event_type("Police fired tear gas to disperse the protesters.")[0]
    ('protest_with_intervention', 0.9...)

Each model is TF-IDF word 1-2-grams plus character 2-5-grams inside word boundaries,
a linear classifier, and one Platt sigmoid per label fitted on cross-validated scores.
"""
from __future__ import annotations

import json
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Optional, Union

import numpy as np

MODELS_PATH_VARIABLE = "PROTESTWATCH_EVENT_MODELS"
# src/protestwatch/extract/learned.py -> the checkout's root.
_CHECKOUT_ROOT = Path(__file__).resolve().parents[3]
MANIFEST_NAME = "manifest.json"
SUB_EVENT_TYPE_FILE = "sub_event_type.npz"
DEMANDS_FILE = "demands.npz"
STATE_RESPONSES_FILE = "state_responses.npz"

# The same tokenisation as scikit-learn's TfidfVectorizer defaults (the training script
# checks that both give the same vectors).
_WORD_TOKEN = re.compile(r"(?u)\b\w\w+\b")
_RUNS_OF_SPACE = re.compile(r"\s\s+")


def word_ngrams(text: str, low: int, high: int) -> list[str]:
    """Lower-cased word n-grams of ``low`` to ``high`` tokens, joined by one space."""
    tokens = _WORD_TOKEN.findall(text.lower())
    grams = []
    for n in range(low, high + 1):
        grams.extend(" ".join(tokens[i:i + n]) for i in range(len(tokens) - n + 1))
    return grams


def char_ngrams(text: str, low: int, high: int) -> list[str]:
    """Lower-cased character n-grams of each space-padded word (scikit-learn's ``char_wb``)."""
    grams = []
    for word in _RUNS_OF_SPACE.sub(" ", text.lower()).split():
        padded = f" {word} "
        for n in range(low, high + 1):
            grams += [padded[i:i + n] for i in range(max(len(padded) - n, 0) + 1)]
            if len(padded) <= n:  # a short word gives one n-gram, counted once
                break
    return grams


# The pipeline asks two models (demands, state responses) about the same passage in a row:
# its n-grams are made once.
@lru_cache(maxsize=8)
def _cached_word_ngrams(text: str, low: int, high: int) -> list[str]:
    return word_ngrams(text, low, high)


# Words a block remembers the character n-gram columns of (about 500 bytes each: three
# blocks of a worker hold at most about 75 MB).
WORD_COLUMNS_CACHE_SIZE = 50_000


@dataclass(frozen=True)
class TfidfBlock:
    """One TF-IDF block: sublinear term frequency times idf, L2-normalised."""
    index: dict
    idf: np.ndarray
    offset: int
    # Character n-grams are made word by word, and news repeats its words: each word's
    # columns are looked up once, which makes these models about twice as fast.
    _word_columns: dict = field(default_factory=dict, compare=False, repr=False)

    def features(self, grams: list[str]) -> tuple[np.ndarray, np.ndarray]:
        counts: dict[int, int] = {}
        for gram, count in Counter(grams).items():  # each distinct gram looked up once
            column = self.index.get(gram)
            if column is not None:
                counts[column] = count
        return self._weighted(counts)

    def char_features(self, text: str, low: int, high: int) -> tuple[np.ndarray, np.ndarray]:
        """``features(char_ngrams(text, low, high))``, made from each word's cached columns."""
        counts: dict[int, int] = {}
        for word in _RUNS_OF_SPACE.sub(" ", text.lower()).split():
            pairs = iter(self._columns_of_word(word, low, high))
            for column, count in zip(pairs, pairs):
                counts[column] = counts.get(column, 0) + count
        return self._weighted(counts)

    def _columns_of_word(self, word: str, low: int, high: int) -> tuple[int, ...]:
        """The word's known n-grams as a flat (column, count, column, count...) tuple, in
        order of first occurrence (a tuple of pairs would take three times the memory)."""
        columns = self._word_columns.get((word, low, high))
        if columns is None:
            if len(self._word_columns) >= WORD_COLUMNS_CACHE_SIZE:
                self._word_columns.clear()  # memory stays flat over any corpus
            columns = tuple(value for gram, count in Counter(char_ngrams(word, low, high)).items()
                            if gram in self.index for value in (self.index[gram], count))
            self._word_columns[(word, low, high)] = columns
        return columns

    def _weighted(self, counts: dict[int, int]) -> tuple[np.ndarray, np.ndarray]:
        if not counts:
            return np.empty(0, np.int64), np.empty(0, np.float64)
        columns = np.fromiter(counts.keys(), np.int64, len(counts))
        values = (1.0 + np.log(np.fromiter(counts.values(), np.float64, len(counts)))) * self.idf[columns]
        return columns + self.offset, values / np.linalg.norm(values)


@dataclass(frozen=True)
class LinearTextModel:
    """Word and character TF-IDF blocks, a linear layer and a Platt sigmoid per label."""
    labels: tuple[str, ...]
    word_block: TfidfBlock
    char_block: TfidfBlock
    word_range: tuple[int, int]
    char_range: tuple[int, int]
    weights: np.ndarray   # (word + char features, labels)
    bias: np.ndarray      # (labels,)
    platt_slope: np.ndarray
    platt_intercept: np.ndarray
    thresholds: np.ndarray  # multi-label models: a label is on at or above its threshold
    at_least_one: bool      # multi-label models: always return the most probable label

    def scores(self, text: str) -> np.ndarray:
        """The linear scores of ``text`` for each label."""
        word_cols, word_vals = self.word_block.features(_cached_word_ngrams(text, *self.word_range))
        char_cols, char_vals = self.char_block.char_features(text, *self.char_range)
        columns = np.concatenate([word_cols, char_cols])
        values = np.concatenate([word_vals, char_vals])
        return values @ self.weights[columns] + self.bias

    def label_probabilities(self, text: str) -> np.ndarray:
        """Each label's calibrated one-vs-rest probability."""
        return 1.0 / (1.0 + np.exp(-(self.platt_slope * self.scores(text) + self.platt_intercept)))


def _read_model(path: Path) -> LinearTextModel:
    with np.load(path, allow_pickle=False) as arrays:
        word_terms, char_terms = arrays["word_terms"].tolist(), arrays["char_terms"].tolist()
        return LinearTextModel(
            labels=tuple(arrays["labels"].tolist()),
            word_block=TfidfBlock(dict(zip(word_terms, range(len(word_terms)))), arrays["word_idf"], 0),
            char_block=TfidfBlock(dict(zip(char_terms, range(len(char_terms)))), arrays["char_idf"],
                                  len(word_terms)),
            word_range=tuple(arrays["word_range"].tolist()),
            char_range=tuple(arrays["char_range"].tolist()),
            weights=arrays["weights"], bias=arrays["bias"],
            platt_slope=arrays["platt_slope"], platt_intercept=arrays["platt_intercept"],
            thresholds=arrays["thresholds"], at_least_one=bool(arrays["at_least_one"]))


class EventModels:
    """The three trained classifiers. Texts are one or a few sentences of English news."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        manifest = json.loads((directory / MANIFEST_NAME).read_text(encoding="utf-8"))
        self.version: str = manifest["version"]
        self.sub_event_type_model = _read_model(directory / SUB_EVENT_TYPE_FILE)
        self.demands_model = _read_model(directory / DEMANDS_FILE)
        self.state_responses_model = _read_model(directory / STATE_RESPONSES_FILE)

    @property
    def sub_event_types(self) -> tuple[str, ...]:
        """The labels of ``predict_sub_event_type``; ``other`` means none of the others."""
        return self.sub_event_type_model.labels

    def predict_sub_event_type(self, text: str) -> list[tuple[str, float]]:
        """Every sub-event type with its probability, most probable first; they sum to 1."""
        probabilities = self.sub_event_type_model.label_probabilities(text)
        return _ranked(self.sub_event_types, probabilities / probabilities.sum())

    def predict_demands(self, text: str) -> list[tuple[str, float]]:
        """MM demand codes of a protest described by ``text``, most probable first.
        Assumes ``text`` describes a protest: the most probable code is always returned."""
        return _chosen(self.demands_model, text)

    def predict_state_responses(self, text: str) -> list[tuple[str, float]]:
        """MM state-response codes reported in ``text`` (empty: none reported, MM's
        ``ignore``), most probable first."""
        return _chosen(self.state_responses_model, text)


def _ranked(labels, probabilities) -> list[tuple[str, float]]:
    order = np.argsort(-probabilities, kind="stable")
    return [(labels[i], float(probabilities[i])) for i in order]


def _chosen(model: LinearTextModel, text: str) -> list[tuple[str, float]]:
    probabilities = model.label_probabilities(text)
    ranked = _ranked(model.labels, probabilities)
    chosen = [(label, p) for label, p in ranked if p >= model.thresholds[model.labels.index(label)]]
    if not chosen and model.at_least_one:
        chosen = ranked[:1]
    return chosen


def find_event_models(path: Union[str, Path, None] = None) -> Path:
    """The directory of the event models; FileNotFoundError, with the fix, if absent."""
    chosen = path or os.environ.get(MODELS_PATH_VARIABLE) or _CHECKOUT_ROOT / "models" / "event"
    directory = Path(chosen)
    if not (directory / MANIFEST_NAME).is_file():
        raise FileNotFoundError(
            f"no event models at {directory}: run scripts/train_event_models.py in a "
            f"checkout, or set {MODELS_PATH_VARIABLE} to the directory of the models")
    return directory


@lru_cache(maxsize=4)
def _load_cached(directory: Path) -> EventModels:
    return EventModels(directory)


def load_event_models(path: Union[str, Path, None] = None) -> EventModels:
    """The trained event models, read once per directory and shared afterwards."""
    if path is None:  # asked for several times per event: no path to resolve each time
        return _load_default(os.environ.get(MODELS_PATH_VARIABLE))
    return _load_cached(find_event_models(path).resolve())


@lru_cache(maxsize=4)
def _load_default(environment_path: Optional[str]) -> EventModels:
    return _load_cached(find_event_models(environment_path).resolve())

