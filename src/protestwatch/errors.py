"""Coded errors: every error protestwatch raises on purpose carries a stable code.

    PWError (E000)            base: catch this to catch them all
     ├── InputError (E001)    an input file or line that cannot be read as an article
     ├── StoreError (E002)    the database refused or holds something inconsistent
     └── ExportError (E003)   an output format or destination that cannot be written

The code lets users and issue reports name an error without quoting its wording, which
may change; the message names the file and line where there is one.
"""
from __future__ import annotations

from typing import Optional


class PWError(Exception):
    """Base class; ``code`` identifies the kind of error, ``location`` where it happened."""

    code = "E000"

    def __init__(self, message: str, *, location: Optional[str] = None) -> None:
        self.message = message
        self.location = location
        super().__init__(self.__str__())

    def __str__(self) -> str:
        if self.location:
            return f"{self.location}: {self.message}"
        return self.message


class InputError(PWError):
    """An input that is not an article: bad JSON, a missing field, an unreadable file."""

    code = "E001"


class StoreError(PWError):
    """The store cannot save or load what was asked."""

    code = "E002"


class ExportError(PWError):
    """An unknown output format or an output that cannot be written."""

    code = "E003"
