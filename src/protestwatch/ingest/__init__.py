"""Readers that turn input files (JSON Lines, plain text, HTML) into ``Article`` objects."""
from protestwatch.ingest.language import detect_language, load_language_identifier
from protestwatch.ingest.readers import SUPPORTED_SUFFIXES, read_articles

__all__ = ["SUPPORTED_SUFFIXES", "detect_language", "load_language_identifier", "read_articles"]
