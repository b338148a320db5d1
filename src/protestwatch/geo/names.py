"""Name normalisation shared by the gazetteer builder and the lookups."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
# Hyphens, slashes and dots separate words in some spellings and not in others
# ("Port-au-Prince", "St. Louis"): treat them all as one space.
_SEPARATORS = re.compile(r"[\-\u2010-\u2015/.]+")
_APOSTROPHES = re.compile(r"[\u2018\u2019\u02bc`´]")


def normalise_name(name: str) -> str:
    """Lowercase, strip accents, unify apostrophes and separators, collapse spaces."""
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    stripped = _APOSTROPHES.sub("'", stripped)
    stripped = _SEPARATORS.sub(" ", stripped)
    return _SPACES.sub(" ", stripped).strip().lower()


def is_latin_name(normalised: str) -> bool:
    """True when the normalised name uses only Latin letters, digits, spaces and apostrophes.

    English news never spells places in other scripts, so other names only waste space.
    """
    return bool(normalised) and all(ch.isascii() for ch in normalised)
