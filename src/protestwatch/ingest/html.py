"""HTML pages: main text, title, outlet and date via trafilatura and htmldate."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from protestwatch.errors import InputError
from protestwatch.schema import Article


def read_html_file(path: Path) -> Article:
    """Read a saved web page as one article whose id is the file name without suffix."""
    try:
        html = path.read_bytes()
    except OSError as error:
        raise InputError(f"cannot read HTML file: {error}", location=str(path)) from error
    return parse_html(html, article_id=path.stem, location=str(path))


def parse_html(html: bytes | str, *, article_id: str, location: str) -> Article:
    """Extract the main text and metadata of one page; an empty page is an InputError."""
    # Imported here because trafilatura takes about a second to import and most runs
    # read JSON Lines only.
    from trafilatura import bare_extraction

    document = bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False,
        # deduplicate=False: trafilatura's dedup cache is process-wide and would make
        # the text of one page depend on the pages read before it.
        deduplicate=False,
    )
    text = getattr(document, "text", None) if document is not None else None
    if not text or not text.strip():
        raise InputError("no main text found in HTML", location=location)
    return Article(
        id=article_id,
        text=text,
        title=getattr(document, "title", None) or None,
        url=getattr(document, "url", None) or None,
        source=getattr(document, "sitename", None) or None,
        published=getattr(document, "date", None) or find_publication_date(html),
    )


def find_publication_date(html: bytes | str) -> Optional[str]:
    """The page's original publication date (YYYY-MM-DD) from its markup, or None."""
    from htmldate import find_date

    # extensive_search=False: a date guessed from anywhere in the body text is worse
    # than none, since a missing date makes the extractor infer it and say so.
    return find_date(html, original_date=True, extensive_search=False) or None
