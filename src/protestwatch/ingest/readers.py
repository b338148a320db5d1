"""``read_articles``: every supported input, one stream of articles, in a stable order."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional, TextIO, Union

from protestwatch.errors import InputError
from protestwatch.ingest.html import read_html_file
from protestwatch.ingest.jsonl import read_jsonl
from protestwatch.ingest.text import read_text_file
from protestwatch.schema import Article

JSONL_SUFFIXES = (".jsonl", ".json")
TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
SUPPORTED_SUFFIXES = JSONL_SUFFIXES + TEXT_SUFFIXES + HTML_SUFFIXES
STDIN_PATH = "-"

ErrorHandler = Callable[[InputError], None]


def read_articles(
    paths: Iterable[str],
    *,
    skip_errors: bool = False,
    on_error: Optional[ErrorHandler] = None,
    stdin: Optional[TextIO] = None,
) -> Iterator[Article]:
    """Yield the articles of every path in order, lazily.

    ``-`` reads JSON Lines from standard input (or ``stdin``); a directory is read
    recursively in sorted order, so two runs see the same sequence. A bad input raises
    ``InputError`` naming file and line; with ``skip_errors`` it goes to ``on_error``
    instead and reading goes on.
    """
    for item in _read_items(paths, stdin=stdin):
        if isinstance(item, InputError):
            if not skip_errors:
                raise item
            if on_error is not None:
                on_error(item)
            continue
        yield item


def _read_items(paths: Iterable[str], *, stdin: Optional[TextIO]) -> Iterator[Union[Article, InputError]]:
    for raw_path in paths:
        if raw_path == STDIN_PATH:
            yield from read_jsonl(stdin if stdin is not None else sys.stdin, "<stdin>")
            continue
        path = Path(raw_path)
        if path.is_dir():
            for file_path in list_input_files(path):
                yield from _read_file(file_path)
        elif path.exists():
            yield from _read_file(path)
        else:
            yield InputError("no such file or directory", location=raw_path)


def list_input_files(directory: Path) -> list[Path]:
    """Supported files below ``directory``, sorted by path; hidden files are left out."""
    files = [
        path for path in directory.rglob("*")
        if path.is_file()
        and path.suffix.lower() in SUPPORTED_SUFFIXES
        and not any(part.startswith(".") for part in path.relative_to(directory).parts)
    ]
    return sorted(files, key=lambda path: path.relative_to(directory).as_posix())


def _read_file(path: Path) -> Iterator[Union[Article, InputError]]:
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl_file(path)
    elif suffix in TEXT_SUFFIXES:
        yield _catch_input_error(read_text_file, path)
    elif suffix in HTML_SUFFIXES:
        yield _catch_input_error(read_html_file, path)
    else:
        yield InputError(f"unsupported file type {suffix or '(none)'!r}", location=str(path))


def _read_jsonl_file(path: Path) -> Iterator[Union[Article, InputError]]:
    try:
        # utf-8-sig: a byte-order mark would make the first line invalid JSON.
        with path.open(encoding="utf-8-sig") as stream:
            yield from read_jsonl(stream, str(path))
    except (OSError, UnicodeDecodeError) as error:
        yield InputError(f"cannot read JSON Lines file: {error}", location=str(path))


def _catch_input_error(read: Callable[[Path], Article], path: Path) -> Union[Article, InputError]:
    try:
        return read(path)
    except InputError as error:
        return error
