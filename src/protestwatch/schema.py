"""The interchange types of ``../shared/spec/EVENTS.md`` as pydantic models.

Every stage takes and returns these types; ``export.validate`` checks the JSON they
produce against ``event.schema.json`` itself.
"""
from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

EventType = Literal[
    "protest", "riot", "violence_against_civilians", "strategic_development",
    "battles", "explosions_remote_violence",
]
SubEventType = Literal[
    "peaceful_protest", "protest_with_intervention", "excessive_force_against_protesters",
    "violent_demonstration", "mob_violence", "attack", "abduction_forced_disappearance",
    "sexual_violence", "arrests", "looting_property_destruction", "agreement",
    "change_to_group_activity", "disrupted_weapons_use", "headquarters_or_base_established",
    "non_violent_transfer_of_territory", "other", "armed_clash",
    "government_regains_territory", "non_state_actor_overtakes_territory", "chemical_weapon",
    "air_drone_strike", "suicide_bomb", "shelling_artillery_missile_attack",
    "remote_explosive_landmine_ied", "grenade",
]
Demand = Literal[
    "labor_wage_dispute", "land_farm_issue", "police_brutality", "political_behavior_process",
    "price_increases_tax_policy", "removal_of_politician", "social_restrictions",
]
StateResponse = Literal[
    "accommodation", "arrests", "beatings", "crowd_dispersal", "ignore", "killings", "shootings",
]
DatePrecision = Literal["day", "week", "month", "year"]
LocationPrecision = Literal["point", "place", "admin1", "country"]
ActorRole = Literal["initiator", "target", "participant"]
ActorType = Literal[
    "state_forces", "rebel_group", "political_militia", "identity_militia", "rioters",
    "protesters", "civilians", "external_other", "government", "organization", "person",
]


class Article(BaseModel):
    """One input article (EVENTS.md, "Input: one article")."""

    model_config = ConfigDict(extra="ignore")

    id: str
    text: str
    title: Optional[str] = None
    url: Optional[str] = None
    source: Optional[str] = None
    published: Optional[str] = None
    language: Optional[str] = None


class Estimate(BaseModel):
    low: Optional[int] = Field(default=None, ge=0)
    high: Optional[int] = Field(default=None, ge=0)
    text: str
    attributed_to: Optional[str] = None


class Quantity(BaseModel):
    low: Optional[int] = Field(default=None, ge=0)
    high: Optional[int] = Field(default=None, ge=0)
    text: str
    estimates: list[Estimate] = Field(default_factory=list)


class Location(BaseModel):
    name: str
    place: Optional[str] = None
    admin1: Optional[str] = None
    country: str
    country_code: str = Field(pattern=r"^[A-Z]{2}$")
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)
    geonames_id: Optional[int] = None
    precision: LocationPrecision


class Actor(BaseModel):
    name: str
    text: Optional[str] = None
    role: ActorRole
    type: ActorType


class Evidence(BaseModel):
    field: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: Optional[str] = None


class Event(BaseModel):
    event_type: EventType
    sub_event_type: SubEventType
    date: str = Field(pattern=r"^\d{4}-\d{2}-\d{2}$")
    end_date: Optional[str] = Field(default=None, pattern=r"^\d{4}-\d{2}-\d{2}$")
    date_precision: DatePrecision
    location: Location
    crowd_size: Optional[Quantity] = None
    arrests: Optional[Quantity] = None
    fatalities: Optional[Quantity] = None
    injuries: Optional[Quantity] = None
    actors: list[Actor] = Field(default_factory=list)
    demands: list[Demand] = Field(default_factory=list)
    claims: list[str] = Field(default_factory=list)
    state_responses: list[StateResponse] = Field(default_factory=list)
    sources_cited: list[str] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)
    confidence: float = Field(default=0.5, ge=0, le=1)
    summary: str = ""


class Quote(BaseModel):
    speaker: Optional[str] = None
    speaker_role: Optional[str] = None
    text: str
    start: int = 0
    end: int = 0


class Result(BaseModel):
    """The extraction result for one article (EVENTS.md, "Output")."""

    article_id: str
    reference_date: str = Field(pattern=r"^\d{4}-\d{2}-\d{2}$")
    reference_date_inferred: bool = False
    language: Optional[str] = None
    events: list[Event] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
