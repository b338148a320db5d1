"""Events in ACLED's column layout, so output can be merged with ACLED exports."""
from __future__ import annotations

import csv
from dataclasses import dataclass
from importlib import resources
from typing import Any, Optional

from protestwatch.export.records import EventRecord
from protestwatch.export.tables import join_list
from protestwatch.schema import Actor, Event

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "iso", "region", "country", "admin1", "admin2", "admin3", "location",
    "latitude", "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities",
    "tags", "timestamp",
)
# ACLED tags crowd sizes on demonstration events only.
CROWD_TAGGED_TYPES = ("protest", "riot")


@dataclass(frozen=True)
class AcledVocabulary:
    """Our codes to ACLED's names (see export/SOURCES.md)."""

    names: dict[tuple[str, str], str]
    disorder_types: dict[str, str]
    countries: dict[str, tuple[str, str]]  # alpha-2 -> (alpha-3, numeric)

    def name(self, kind: str, code: str) -> str:
        return self.names.get((kind, code), "")


def load_acled_vocabulary() -> AcledVocabulary:
    """Read the vocabulary tables shipped beside this module."""
    names: dict[tuple[str, str], str] = {}
    disorder_types: dict[str, str] = {}
    for row in _read_csv("acled_vocabulary.csv"):
        names[(row["kind"], row["code"])] = row["acled"]
        if row["disorder_type"]:
            disorder_types[row["code"]] = row["disorder_type"]
    countries = {row["alpha2"]: (row["alpha3"], row["numeric"]) for row in _read_csv("iso3166.csv")}
    return AcledVocabulary(names, disorder_types, countries)


def _read_csv(name: str) -> list[dict[str, str]]:
    text = resources.files("protestwatch.export").joinpath(name).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


def to_acled_row(record: EventRecord, vocabulary: AcledVocabulary) -> dict[str, Any]:
    """One ACLED row for one event; fields we do not know (region, admin2) stay empty."""
    event, location = record.event, record.event.location
    alpha3, numeric = vocabulary.countries.get(location.country_code, (location.country_code, ""))
    initiators = _actors_with_role(event, "initiator")
    targets = _actors_with_role(event, "target")
    inter1 = _inter_code(initiators, vocabulary)
    inter2 = _inter_code(targets, vocabulary)
    return {
        "event_id_cnty": f"{alpha3}{record.id}",
        "event_date": event.date,
        "year": event.date[:4],
        "time_precision": vocabulary.name("time_precision", event.date_precision),
        "disorder_type": vocabulary.disorder_types.get(event.sub_event_type, ""),
        "event_type": vocabulary.name("event_type", event.event_type),
        "sub_event_type": vocabulary.name("sub_event_type", event.sub_event_type),
        "actor1": initiators[0].name if initiators else "",
        "assoc_actor_1": join_list(actor.name for actor in initiators[1:]),
        "inter1": inter1,
        "actor2": targets[0].name if targets else "",
        "assoc_actor_2": join_list(actor.name for actor in targets[1:]),
        "inter2": inter2,
        "interaction": make_interaction(inter1, inter2),
        "iso": numeric, "region": "", "country": location.country,
        "admin1": location.admin1 or "", "admin2": "", "admin3": "",
        "location": location.place or location.name,
        "latitude": location.lat, "longitude": location.lon,
        "geo_precision": vocabulary.name("geo_precision", location.precision),
        "source": join_list(event.sources_cited) or (record.source or ""),
        "source_scale": "",
        "notes": event.summary,
        "fatalities": _conservative_count(event),
        "tags": _crowd_tag(event),
        "timestamp": "",
    }


def make_interaction(inter1: str, inter2: str) -> str:
    """ACLED's two-digit interaction: the two inter codes, smaller first; "60" for one actor."""
    codes = sorted(int(code) for code in (inter1, inter2) if code)
    if not codes:
        return ""
    return f"{codes[0]}{codes[1] if len(codes) > 1 else 0}"


def _actors_with_role(event: Event, role: str) -> list[Actor]:
    actors = [actor for actor in event.actors if actor.role == role]
    if role == "initiator" and not actors:
        # ACLED always has an actor1; a participant is the best stand-in for the initiator.
        actors = [actor for actor in event.actors if actor.role == "participant"]
    return actors


def _inter_code(actors: list[Actor], vocabulary: AcledVocabulary) -> str:
    return vocabulary.name("inter", actors[0].type) if actors else ""


def _conservative_count(event: Event) -> int:
    # ACLED codes the lowest reported fatality figure, and 0 when none is reported.
    quantity = event.fatalities
    if quantity is None:
        return 0
    return quantity.low if quantity.low is not None else (quantity.high or 0)


def _crowd_tag(event: Event) -> str:
    if event.crowd_size is not None:
        return f"crowd size={event.crowd_size.text}"
    return "crowd size=no report" if event.event_type in CROWD_TAGGED_TYPES else ""


def acled_writer(stream: Any) -> "csv.DictWriter[str]":
    return csv.DictWriter(stream, fieldnames=ACLED_COLUMNS, lineterminator="\n")
