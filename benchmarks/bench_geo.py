"""Geocoding and geoparsing benchmark on Gritta et al.'s gold sets (EVALUATION ONLY).

Reads ../shared/data/geoparsing_gritta relative to the repository root (never copied into
the project; never used to tune rules or word lists).

Usage: python benchmarks/bench_geo.py [--data DIR] [--limit N]
Prints, per corpus: Acc@161km, exact GeoNames id match, median error (km), articles/s
for geocoding gold spans; and recall of GeoWebNews literal toponyms for geoparsing.
"""

from __future__ import annotations

import argparse
import statistics
import time
import xml.etree.ElementTree as ET
from pathlib import Path

from protestwatch.geo.gazetteer import Gazetteer
from protestwatch.geo.resolve import Geoparser
from protestwatch.geo.toponyms import distance_km

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "data" / "geoparsing_gritta"
ACCURACY_KM = 161.0
# GeoWebNews types that name where something is ("literal" toponyms) for geoparse recall.
GWN_LITERAL_TYPES = {"Literal", "Literal_Modifier"}


def read_gwn(path: Path) -> list[dict]:
    articles = []
    for article in ET.parse(path).getroot().iter("article"):
        text = article.findtext("text") or ""
        gold = []
        for toponym in article.iter("toponym"):
            lat, lon = toponym.findtext("latitude"), toponym.findtext("longitude")
            gold.append({"start": int(toponym.findtext("start")), "end": int(toponym.findtext("end")),
                         "type": toponym.findtext("type"),
                         "lat": float(lat) if lat else None, "lon": float(lon) if lon else None,
                         "geonames_id": int(toponym.findtext("geonamesID")) if (toponym.findtext("geonamesID") or "").isdigit() else None})
        articles.append({"text": text, "gold": gold})
    return articles


def read_lgl_style(path: Path) -> list[dict]:
    """lgl.xml and TR-News.xml: <toponym><phrase/><start/><end/><gaztag geonameid><lat/><lon/></gaztag>."""
    articles = []
    for article in ET.parse(path).getroot().iter("article"):
        text = article.findtext("text") or ""
        gold = []
        for toponym in article.iter("toponym"):
            gaztag = toponym.find("gaztag")
            if gaztag is None or gaztag.findtext("lat") is None:
                continue
            gold.append({"start": int(toponym.findtext("start")), "end": int(toponym.findtext("end")),
                         "type": "Literal", "lat": float(gaztag.findtext("lat")), "lon": float(gaztag.findtext("lon")),
                         "geonames_id": int(gaztag.get("geonameid")) if (gaztag.get("geonameid") or "").isdigit() else None})
        articles.append({"text": text, "gold": gold})
    return articles


def bench_geocode(geoparser: Geoparser, name: str, articles: list[dict]) -> None:
    errors, exact, total = [], 0, 0
    started = time.perf_counter()
    for article in articles:
        gold = [g for g in article["gold"] if g["lat"] is not None]
        if not gold:
            continue
        places = geoparser.resolve_spans(article["text"], [(g["start"], g["end"]) for g in gold])
        for g, place in zip(gold, places):
            total += 1
            if place is None or place.lat is None:
                errors.append(float("inf"))
                continue
            errors.append(distance_km(g["lat"], g["lon"], place.lat, place.lon))
            exact += int(g["geonames_id"] is not None and g["geonames_id"] == place.geonames_id)
    elapsed = time.perf_counter() - started
    within = sum(1 for e in errors if e <= ACCURACY_KM)
    print(f"geocode {name:8s} toponyms={total:5d} Acc@161={within / total:.3f} exact={exact / total:.3f} "
          f"median_km={statistics.median(errors):.1f} unresolved={sum(1 for e in errors if e == float('inf'))} "
          f"articles/s={len(articles) / elapsed:.0f}")


def bench_geoparse(geoparser: Geoparser, articles: list[dict]) -> None:
    found = total = predicted = correct_predicted = 0
    started = time.perf_counter()
    for article in articles:
        places = geoparser.parse(article["text"])
        literal = [g for g in article["gold"] if g["type"] in GWN_LITERAL_TYPES]
        spans = [(p.start, p.end) for p in places]
        total += len(literal)
        found += sum(1 for g in literal if any(s < g["end"] and g["start"] < e for s, e in spans))
        every_gold = [(g["start"], g["end"]) for g in article["gold"]]
        predicted += len(spans)
        correct_predicted += sum(1 for s, e in spans if any(s < ge and gs < e for gs, ge in every_gold))
    elapsed = time.perf_counter() - started
    print(f"geoparse GWN literal recall={found / total:.3f} ({found}/{total}) "
          f"precision_vs_all_gold_spans={correct_predicted / max(predicted, 1):.3f} "
          f"articles/s={len(articles) / elapsed:.0f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=None, help="articles per corpus (quick runs)")
    args = parser.parse_args()
    geoparser = Geoparser(Gazetteer.open())
    corpora = {"GWN": read_gwn(args.data / "GWN.xml"), "LGL": read_lgl_style(args.data / "lgl.xml"),
               "TR-News": read_lgl_style(args.data / "TR-News.xml")}
    for name, articles in corpora.items():
        bench_geocode(geoparser, name, articles[: args.limit])
    bench_geoparse(geoparser, corpora["GWN"][: args.limit])
    short = [a["text"][:600] for a in corpora["LGL"][: args.limit]]
    started = time.perf_counter()
    for text in short:
        geoparser.parse(text)
    print(f"parse speed: {len(short) / (time.perf_counter() - started):.0f} short articles/s (LGL, first 600 chars)")


if __name__ == "__main__":
    main()
