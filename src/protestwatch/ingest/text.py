"""Plain-text files: the file is the article body and its stem is the id."""
from __future__ import annotations

from pathlib import Path

from protestwatch.errors import InputError
from protestwatch.schema import Article


def read_text_file(path: Path) -> Article:
    """Read a UTF-8 ``.txt`` file as one article whose id is the file name without suffix."""
    try:
        # utf-8-sig drops a byte-order mark, which would otherwise shift evidence offsets.
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"cannot read text file: {error}", location=str(path)) from error
    if not text.strip():
        raise InputError("empty text file", location=str(path))
    return Article(id=path.stem, text=text)
