"""protestwatch: news reports of protests, riots and repression in; event records out."""
import logging

__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())
