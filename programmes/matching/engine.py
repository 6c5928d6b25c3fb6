"""The suggestion for a programme: pairs with their scores explained, and why others got none.

Locked suggestions are placed first and taken out of the pool; rejected and excluded pairs
are forbidden by the rules (rules.verdicts); the rest is optimised as a whole (solver.py).
A lock that no longer holds (a consent withdrawn, the mentor full) is reported, not kept
silently.
"""

import hashlib
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
from django.utils.translation import gettext as _

from programmes.matching.pool import Person, Pool
from programmes.matching.rules import FITS, describe_refusals, verdicts
from programmes.matching.scoring import TENTHS, Line, explain, points, score_matrix
from programmes.matching.solver import UNMATCHED, optimise
from programmes.models import DecisionKind, MatchingGoal


class Suggestion:
    """A suggested pair; its explanation is worked out when first read (a page shows 100)."""

    def __init__(self, *, pool: Pool, mentee: Person, mentor: Person, tenths: int, locked: bool):
        self.pool, self.mentee, self.mentor = pool, mentee, mentor
        self.tenths, self.locked = tenths, locked

    @cached_property
    def lines(self) -> list[Line]:
        return explain(self.pool, self.mentee, self.mentor)

    @property
    def points(self) -> str:
        return points(self.tenths).lstrip("+")


@dataclass(frozen=True)
class Unmatched:
    mentee: Person
    reason: str


@dataclass
class MatchingResult:
    suggestions: list[Suggestion] = field(default_factory=list)
    unmatched: list[Unmatched] = field(default_factory=list)
    stale_locks: list[str] = field(default_factory=list)

    @property
    def tenths(self) -> int:
        return sum(suggestion.tenths for suggestion in self.suggestions)

    @property
    def points(self) -> str:
        return points(self.tenths).lstrip("+")

    @property
    def fingerprint(self) -> str:
        """Names this exact suggestion, so that accepting it accepts what the curator saw."""
        pairs = sorted((s.mentor.pk, s.mentee.pk) for s in self.suggestions)
        return hashlib.sha256(repr(pairs).encode()).hexdigest()[:16]

    def pairs(self) -> list[tuple[int, int]]:
        return [(s.mentor.pk, s.mentee.pk) for s in self.suggestions]


def suggest(pool: Pool) -> MatchingResult:
    codes = verdicts(pool)
    allowed = codes == FITS
    scores = score_matrix(pool)
    capacity = np.array([mentor.capacity for mentor in pool.mentors], dtype=np.int64)
    result = MatchingResult()
    locked = _place_locks(pool, allowed, capacity, result)
    free = allowed.copy()
    if locked:
        free[list(locked)] = False
    coverage = pool.settings.goal == MatchingGoal.COVERAGE
    least = pool.settings.min_score * TENTHS
    offered = free if coverage else free & (scores >= least)
    assignment = optimise(scores=scores, allowed=offered, capacity=capacity, coverage=coverage)
    for i, j in locked.items():
        assignment[i] = j
    initial = np.array([mentor.capacity for mentor in pool.mentors], dtype=np.int64)
    for i, mentee in enumerate(pool.mentees):
        j = int(assignment[i])
        if j == UNMATCHED:
            reason = _why_unmatched(pool, codes[i], scores[i], initial, coverage)
            result.unmatched.append(Unmatched(mentee, reason))
            continue
        mentor = pool.mentors[j]
        result.suggestions.append(
            Suggestion(
                pool=pool,
                mentee=mentee,
                mentor=mentor,
                tenths=int(scores[i, j]),
                locked=i in locked,
            )
        )
    return result


def _place_locks(
    pool: Pool, allowed: np.ndarray, capacity: np.ndarray, result: MatchingResult
) -> dict[int, int]:
    """Locked pairs that still hold, mentee index → mentor index; capacity taken from it."""
    mentee_index = {p.pk: i for i, p in enumerate(pool.mentees)}
    mentor_index = {p.pk: j for j, p in enumerate(pool.mentors)}
    placed: dict[int, int] = {}
    for (mentor_pk, mentee_pk), kind in sorted(pool.decisions.items()):
        if kind != DecisionKind.LOCKED:
            continue
        i, j = mentee_index.get(mentee_pk), mentor_index.get(mentor_pk)
        if i is None or j is None:
            result.stale_locks.append(
                _("A locked pair is no longer possible: one of the two left the pool.")
            )
        elif i in placed or not allowed[i, j] or capacity[j] <= 0:
            result.stale_locks.append(
                _("The locked pair %(mentor)s — %(mentee)s no longer fits the rules.")
                % {"mentor": pool.mentors[j].name, "mentee": pool.mentees[i].name}
            )
        else:
            placed[i] = j
            capacity[j] -= 1
    return placed


def _why_unmatched(
    pool: Pool, codes: np.ndarray, scores: np.ndarray, capacity: np.ndarray, coverage: bool
) -> str:
    """Why a mentee got no mentor, from the mentee's row of codes and scores."""
    fitting = codes == FITS
    if not fitting.any():
        return describe_refusals(codes, pool.settings)
    if not (capacity[fitting] > 0).any():
        return _("every mentor who fits (%(count)s) has no room left") % {
            "count": int(fitting.sum())
        }
    least = pool.settings.min_score * TENTHS
    best = int(scores[fitting].max())
    if not coverage and best < least:
        return _("no mentor who fits reaches the lowest score %(least)s (the best: %(best)s)") % {
            "least": points(least).lstrip("+"),
            "best": points(best).lstrip("+"),
        }
    return _("the mentors who fit (%(count)s) went to mentees they suit better") % {
        "count": int(fitting.sum())
    }
