"""The trained core English pipeline: tagger, morphologizer, parser and NER.

Trained from scratch by ``make models`` (scripts/train_core_model.py) and committed as
``models/pw_core_en/`` at the repository root; models/README.md is its model card. The
pipeline is found, in this order, at:

1. the ``path`` given to ``load_core_model``;
2. the directory named by the ``PROTESTWATCH_CORE_MODEL`` environment variable (for an
   installed wheel, which does not contain ``models/``);
3. ``models/pw_core_en/`` of the checkout this package is imported from (``make setup``
   installs the package editable, so this is the default).

Loading reads files only: nothing is downloaded.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Optional, Union

import spacy
from spacy.language import Language

MODEL_PATH_VARIABLE = "PROTESTWATCH_CORE_MODEL"
MODEL_NAME = "pw_core_en"
# src/protestwatch/nlp/core_model.py -> the checkout's root.
_CHECKOUT_ROOT = Path(__file__).resolve().parents[3]


def find_core_model(path: Union[str, Path, None] = None) -> Path:
    """The directory of the core pipeline; FileNotFoundError, with the fix, if absent."""
    chosen = path or os.environ.get(MODEL_PATH_VARIABLE) or _CHECKOUT_ROOT / "models" / MODEL_NAME
    directory = Path(chosen)
    if not (directory / "config.cfg").is_file():
        raise FileNotFoundError(
            f"no spaCy pipeline at {directory}: run `make models` in a checkout, or set "
            f"{MODEL_PATH_VARIABLE} to the directory of {MODEL_NAME}")
    return directory


def load_core_model(path: Union[str, Path, None] = None, *, exclude: Optional[list[str]] = None) -> Language:
    """The core pipeline as a spaCy Language; ``exclude`` drops components not needed."""
    return spacy.load(find_core_model(path), exclude=exclude or [])
