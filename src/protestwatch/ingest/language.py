"""Language identification with py3langid."""
from __future__ import annotations

from typing import Any, Optional

# ISO 639-1 has no code for "cannot tell"; BCP 47's "und" (undetermined) is the convention.
UNDETERMINED = "und"


def load_language_identifier() -> Any:
    """Build a py3langid identifier; pass it to ``detect_language`` to reuse the model."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE)


def detect_language(text: str, *, identifier: Optional[Any] = None) -> str:
    """ISO 639-1 code of the language ``text`` is written in, or "und" for no letters.

    Without an ``identifier`` this uses py3langid's own lazily loaded default model.
    """
    if not any(ch.isalpha() for ch in text):
        return UNDETERMINED
    if identifier is None:
        import py3langid

        language, _score = py3langid.classify(text)
    else:
        language, _score = identifier.classify(text)
    return str(language)
