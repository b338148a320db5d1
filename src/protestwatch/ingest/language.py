"""Language identification with py3langid."""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Optional

# ISO 639-1 has no code for "cannot tell"; BCP 47's "und" (undetermined) is the convention.
UNDETERMINED = "und"
# Short English reports full of foreign names ("ISWAP attacked the Nigerian military in
# Damboa (Borno)") can score as an English-based creole (Nigerian Pidgin, Bikol) with English
# second or third (Hausa second). English wins when it is this probable among the top three
# (text really written in Pidgin gives English under 0.01)...
ENGLISH_RUNNER_UP_MIN_PROBABILITY = 0.05
RUNNERS_UP = 3
# ...and the identifier's winner is one of these creoles, which English news is mistaken for
# far more often than it is written in them.
ENGLISH_LOOKALIKES = frozenset({"pcm", "bcl"})
# The opening of a text tells its language as well as the whole, at a fraction of the cost.
LANGUAGE_SAMPLE_CHARS = 2000


def load_language_identifier() -> Any:
    """Build a py3langid identifier with normalised probabilities; pass it to
    ``detect_language`` to reuse the model."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


@lru_cache(maxsize=1)
def _default_identifier() -> Any:
    return load_language_identifier()


def detect_language(text: str, *, identifier: Optional[Any] = None) -> str:
    """ISO 639-1 code of the language ``text`` is written in, or "und" for no letters.

    Without an ``identifier`` this loads (once) and reuses a default one.
    """
    if not any(ch.isalpha() for ch in text):
        return UNDETERMINED
    ranked = (identifier or _default_identifier()).rank(text[:LANGUAGE_SAMPLE_CHARS])[:RUNNERS_UP]
    if ranked[0][0] in ENGLISH_LOOKALIKES and any(
            language == "en" and probability >= ENGLISH_RUNNER_UP_MIN_PROBABILITY for language, probability in ranked):
        return "en"
    return str(ranked[0][0])
