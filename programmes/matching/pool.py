"""The people of one matching, as plain values: the engine never touches the database.

programmes/selectors/matching.py reads them (a fixed number of queries, whatever the size of
the bases); tests and the benchmark build them directly.
"""

from dataclasses import dataclass, field

from programmes.matching.words import item_lemmas, items


@dataclass(frozen=True)
class Person:
    pk: int
    name: str
    category: str
    # The number of the class («8 «Б»» → 8) for pupils, when it is written.
    class_number: int | None = None
    age: int | None = None
    from_partner: bool = False
    preferred_format: str = ""
    # A mentee's requests or a mentor's competences, item by item, with their lemmas.
    topics: tuple[str, ...] = ()
    topic_lemmas: tuple[frozenset[str], ...] = ()
    # Mentors only: how many more mentees the programme lets them take.
    capacity: int = 0

    @classmethod
    def with_topics(cls, text: str, **values) -> "Person":
        found = items(text)
        return cls(topics=found, topic_lemmas=tuple(item_lemmas(item) for item in found), **values)

    @property
    def lemmas(self) -> frozenset[str]:
        return frozenset().union(*self.topic_lemmas) if self.topic_lemmas else frozenset()


@dataclass(frozen=True)
class Settings:
    """The curator's rules and weights (programmes.models.MatchingSettings as values)."""

    rule: str = "any"
    goal: str = "quality"
    min_score: int = 1
    class_gap: int = 1
    young_specialist_age: int = 35
    weight_mutual: int = 10
    weight_requests: int = 6
    weight_format: int = 3
    weight_class: int = 2


@dataclass(frozen=True)
class SetAside:
    """Someone of the bases who takes no part in this matching, and why."""

    name: str
    role: str  # "mentor" or "mentee"
    reason: str


@dataclass
class Pool:
    settings: Settings
    mentors: list[Person]
    mentees: list[Person]
    # (who chose, whom) from the preference questionnaire, by participant pk.
    choices: set[tuple[int, int]] = field(default_factory=set)
    # (mentor pk, mentee pk) → DecisionKind value: locked, rejected, excluded.
    decisions: dict[tuple[int, int], str] = field(default_factory=dict)
    set_aside: list[SetAside] = field(default_factory=list)
