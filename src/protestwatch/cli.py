"""``protestwatch`` command line: parse arguments and dispatch; the work is in ``cli_utils``."""
from __future__ import annotations

import argparse
import logging
import sys

from . import __version__
from .errors import PWError

OUTPUT_FORMATS = ("jsonl", "csv", "acled-csv", "geojson")
EXPORT_FORMATS = OUTPUT_FORMATS + ("parquet",)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="protestwatch", description=(
        "Turn news reports of protests, riots and repression into geocoded event records."))
    parser.add_argument("--version", action="version", version=f"protestwatch {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    extract = commands.add_parser("extract", help="extract events from articles")
    extract.add_argument("inputs", nargs="+", metavar="INPUT",
                         help="JSON Lines, .txt, .html files, directories, or - for stdin")
    extract.add_argument("-o", "--output", default="-", help="output file (default: stdout)")
    extract.add_argument("--format", choices=OUTPUT_FORMATS, default="jsonl")
    extract.add_argument("--published", metavar="YYYY-MM-DD",
                         help="reference date for articles that carry none")
    extract.add_argument("--workers", type=int, default=1, help="worker processes")
    extract.add_argument("--skip-errors", action="store_true",
                         help="report and skip malformed input lines instead of stopping")
    extract.add_argument("--table", action="store_true",
                         help="also print a table of the events to stderr")
    extract.add_argument("--quiet", action="store_true", help="no progress bar")

    evaluate = commands.add_parser("eval", help="score predicted results against gold results")
    evaluate.add_argument("gold", metavar="GOLD")
    evaluate.add_argument("predicted", metavar="PRED")
    evaluate.add_argument("--json", action="store_true", help="print the report as JSON")

    for name, text in (("geocode", "resolve given toponym spans to coordinates"),
                       ("geoparse", "find and resolve toponyms")):
        geo = commands.add_parser(name, help=text)
        geo.add_argument("input", metavar="IN")
        geo.add_argument("-o", "--output", required=True, metavar="OUT")

    ingest = commands.add_parser("ingest", help="extract and store articles in a database")
    ingest.add_argument("inputs", nargs="+", metavar="INPUT")
    ingest.add_argument("--db", default="sqlite:///protestwatch.db", help="SQLAlchemy database URL")
    ingest.add_argument("--workers", type=int, default=1)
    ingest.add_argument("--engine", choices=("local", "dask"), default="local")
    ingest.add_argument("--scheduler", metavar="ADDRESS", help="dask scheduler address")
    ingest.add_argument("--skip-errors", action="store_true")
    ingest.add_argument("--quiet", action="store_true")

    events = commands.add_parser("events", help="query and export stored events")
    events.add_argument("--db", default="sqlite:///protestwatch.db")
    events.add_argument("--country", metavar="CC")
    events.add_argument("--since", metavar="YYYY-MM-DD")
    events.add_argument("--until", metavar="YYYY-MM-DD")
    events.add_argument("--type", dest="event_type", metavar="T")
    events.add_argument("--format", choices=EXPORT_FORMATS, default="jsonl")
    events.add_argument("-o", "--output", default="-")

    serve = commands.add_parser("serve", help="serve the API and the web app over a database",
                                description="Writes are accepted only when PROTESTWATCH_TOKEN is set.")
    serve.add_argument("--db", default="sqlite:///protestwatch.db")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="protestwatch: %(message)s")
    from . import cli_utils
    try:
        return cli_utils.COMMANDS[args.command](args)
    except PWError as error:
        print(f"protestwatch: error {error.code}: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 1


if __name__ == "__main__":
    sys.exit(main())
