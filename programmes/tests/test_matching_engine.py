"""The matching engine on pools built by hand: rules, criteria, explanations, optimality."""

import itertools
import random

import numpy as np
import pytest

from programmes.matching.engine import suggest
from programmes.matching.pool import Person, Pool, Settings
from programmes.matching.rules import FITS, verdicts
from programmes.matching.scoring import score_matrix
from programmes.matching.solver import UNMATCHED, greedy, optimise, total
from programmes.models import DecisionKind, MatchingGoal, MatchingRule, MeetingFormat

PUPIL, TEACHER, YOUNG, COLLEGE, PARTNER = (
    "student",
    "teacher",
    "young_specialist",
    "college_student",
    "partner",
)


def person(pk, topics="", **values):
    values.setdefault("name", f"Участник {pk}")
    values.setdefault("category", PUPIL)
    return Person.with_topics(topics, pk=pk, **values)


def mentor(pk, topics="", capacity=1, **values):
    return person(pk, topics, capacity=capacity, **values)


def pool(mentors, mentees, **settings):
    choices = settings.pop("choices", set())
    decisions = settings.pop("decisions", {})
    return Pool(
        settings=Settings(**settings),
        mentors=mentors,
        mentees=mentees,
        choices=choices,
        decisions=decisions,
    )


def pairs(result):
    return sorted((s.mentor.pk, s.mentee.pk) for s in result.suggestions)


# --- criteria and their explanation ------------------------------------------------------------


def test_a_request_meets_a_competence_written_in_other_word_forms():
    result = suggest(
        pool(
            [mentor(1, "математика, ОГЭ\nшахматы")],
            [person(2, "подготовка к ОГЭ по математике")],
            weight_format=0,
        )
    )
    (suggestion,) = result.suggestions
    assert suggestion.tenths == 60
    assert [line.text for line in suggestion.lines] == [
        "запрос «подготовка к ОГЭ по математике» ↔ компетенция «математика, ОГЭ»"
    ]


def test_a_request_half_covered_gives_half_the_weight():
    result = suggest(pool([mentor(1, "физика")], [person(2, "физика; химия")], weight_format=0))
    assert result.suggestions[0].tenths == 30


def test_mutual_choice_outweighs_matching_requests():
    mentors = [mentor(1, "история"), mentor(2, "биология")]
    mentees = [person(3, "биология")]
    result = suggest(pool(mentors, mentees, choices={(3, 1), (1, 3)}, weight_format=0))
    assert pairs(result) == [(1, 3)]
    assert result.suggestions[0].lines[0].text == "взаимный выбор"
    assert result.suggestions[0].lines[0].tenths == 100


def test_a_one_sided_choice_gives_half_the_weight_and_says_who_chose():
    result = suggest(pool([mentor(1)], [person(2)], choices={(2, 1)}, weight_format=0))
    (line,) = result.suggestions[0].lines
    assert (line.text, line.tenths) == ("наставляемый выбрал этого наставника", 50)


@pytest.mark.parametrize(
    ("mentee_format", "mentor_format", "tenths"),
    [
        (MeetingFormat.REMOTE, MeetingFormat.REMOTE, 30),
        ("", MeetingFormat.REMOTE, 15),
        (MeetingFormat.IN_PERSON, MeetingFormat.REMOTE, 0),
    ],
)
def test_the_format_counts_when_both_prefer_the_same(mentee_format, mentor_format, tenths):
    result = suggest(
        pool(
            [mentor(1, preferred_format=mentor_format)],
            [person(2, preferred_format=mentee_format)],
            min_score=0,
        )
    )
    (line,) = result.suggestions[0].lines
    assert line.tenths == tenths
    assert line.text.startswith("формат:")


def test_the_explanation_adds_up_to_the_score():
    rng = random.Random(7)
    words = ["математика", "физика", "ОГЭ", "история", "шахматы", "английский язык"]
    mentors = [
        mentor(
            100 + k,
            "\n".join(rng.sample(words, 2)),
            capacity=2,
            class_number=rng.randint(8, 11),
            preferred_format=rng.choice(["", *MeetingFormat.values]),
        )
        for k in range(6)
    ]
    mentees = [
        person(
            k,
            "; ".join(rng.sample(words, 2)),
            class_number=rng.randint(5, 7),
            preferred_format=rng.choice(["", *MeetingFormat.values]),
        )
        for k in range(10)
    ]
    choices = {(rng.randrange(10), 100 + rng.randrange(6)) for _ in range(8)}
    result = suggest(
        pool(mentors, mentees, rule=MatchingRule.PUPIL_PUPIL, choices=choices, min_score=0)
    )
    assert result.suggestions
    for suggestion in result.suggestions:
        assert sum(line.tenths for line in suggestion.lines) == suggestion.tenths


# --- hard rules ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("gap", "allowed"), [(0, True), (1, True), (2, False)])
def test_pupil_mentors_must_be_enough_classes_higher(gap, allowed):
    result = suggest(
        pool(
            [mentor(1, class_number=8)],
            [person(2, class_number=7)],
            rule=MatchingRule.PUPIL_PUPIL,
            class_gap=gap,
            min_score=0,
        )
    )
    assert bool(result.suggestions) is allowed
    if not allowed:
        assert "с разницей в классах меньше 2: 1" in result.unmatched[0].reason


def test_a_rejected_or_excluded_pair_is_never_suggested():
    mentors = [mentor(1, "физика"), mentor(2)]
    mentees = [person(3, "физика")]
    assert pairs(suggest(pool(mentors, mentees))) == [(1, 3)]
    for kind in (DecisionKind.REJECTED, DecisionKind.EXCLUDED):
        result = suggest(pool(mentors, mentees, decisions={(1, 3): kind}, min_score=0))
        assert pairs(result) == [(2, 3)]


def test_nobody_mentors_themselves():
    both = mentor(1, "физика")
    codes = verdicts(pool([both], [person(1, "физика")]))
    assert codes[0, 0] != FITS


def test_a_mentor_takes_no_more_than_the_capacity():
    mentees = [person(k, "физика") for k in range(2, 6)]
    result = suggest(pool([mentor(1, "физика", capacity=2)], mentees))
    assert len(result.suggestions) == 2
    assert all("отданы наставляемым" in u.reason for u in result.unmatched)


def test_a_mentee_whose_mentors_are_all_full_is_told_so():
    result = suggest(pool([mentor(1, "физика", capacity=0)], [person(2, "физика")]))
    assert result.unmatched[0].reason == "у всех подходящих наставников (1) нет свободных мест"


# --- the whole pool --------------------------------------------------------------------------


def _brute_force(scores, allowed, capacity, coverage):
    n, m = allowed.shape
    best = None
    for choice in itertools.product(range(-1, m), repeat=n):
        load = np.bincount([j for j in choice if j >= 0], minlength=m)
        if (load > capacity).any() or any(
            j >= 0 and not allowed[i, j] for i, j in enumerate(choice)
        ):
            continue
        matched = sum(j >= 0 for j in choice)
        value = sum(int(scores[i, j]) for i, j in enumerate(choice) if j >= 0)
        key = (matched, value) if coverage else (value, matched)
        best = key if best is None or key > best else best
    return best


@pytest.mark.parametrize("seed", range(40))
@pytest.mark.parametrize("coverage", [False, True])
def test_the_optimiser_finds_the_brute_force_optimum(seed, coverage):
    rng = np.random.default_rng(seed)
    n, m = rng.integers(1, 6), rng.integers(1, 4)
    scores = rng.integers(0, 40, size=(n, m))
    allowed = rng.random((n, m)) < 0.7
    capacity = rng.integers(0, 3, size=m)
    assignment = optimise(scores=scores, allowed=allowed, capacity=capacity, coverage=coverage)
    matched = int((assignment != UNMATCHED).sum())
    value = total(scores, assignment)
    key = (matched, value) if coverage else (value, matched)
    assert key == _brute_force(scores, allowed, capacity, coverage)


def test_the_optimiser_beats_greedy_where_greedy_is_short_sighted():
    # Greedy gives mentee 0 its best mentor, leaving mentee 1 with nobody.
    scores = np.array([[10, 9], [8, 0]])
    allowed = np.array([[True, True], [True, False]])
    capacity = np.array([1, 1])
    best = optimise(scores=scores, allowed=allowed, capacity=capacity, coverage=False)
    baseline = greedy(scores=scores, allowed=allowed, capacity=capacity)
    assert total(scores, best) == 17 > total(scores, baseline) == 10


def test_coverage_matches_more_mentees_than_quality_when_scores_are_low():
    mentors = [mentor(1, "физика")]
    mentees = [person(2, "физика"), person(3, "рисование")]
    quality = suggest(pool(mentors, mentees, weight_format=0, min_score=1))
    coverage = suggest(
        pool(
            [mentor(1, "физика", capacity=2)], mentees, weight_format=0, goal=MatchingGoal.COVERAGE
        )
    )
    assert pairs(quality) == [(1, 2)]
    assert (
        "ни один подходящий наставник не набирает наименьший балл 1" in quality.unmatched[0].reason
    )
    assert pairs(coverage) == [(1, 2), (1, 3)]


def test_the_same_data_give_the_same_suggestion():
    rng = random.Random(3)
    mentors = [mentor(100 + k, capacity=rng.randint(1, 3)) for k in range(15)]
    mentees = [person(k) for k in range(40)]  # every score ties
    first = suggest(pool(mentors, mentees, min_score=0))
    again = suggest(pool(list(mentors), list(mentees), min_score=0))
    assert pairs(first) == pairs(again)
    assert first.fingerprint == again.fingerprint


def test_a_locked_pair_is_kept_even_where_another_would_score_more():
    mentors = [mentor(1, "физика"), mentor(2, "история")]
    mentees = [person(3, "физика")]
    result = suggest(pool(mentors, mentees, decisions={(2, 3): DecisionKind.LOCKED}, min_score=0))
    assert pairs(result) == [(2, 3)]
    assert result.suggestions[0].locked


def test_a_lock_that_no_longer_fits_is_reported():
    result = suggest(
        pool(
            [mentor(1, capacity=0)],
            [person(2)],
            decisions={(1, 2): DecisionKind.LOCKED},
            min_score=0,
        )
    )
    assert not result.suggestions
    assert result.stale_locks


def test_an_unmatched_mentee_lost_to_a_better_suited_one_says_so():
    result = suggest(pool([mentor(1, "физика")], [person(2, "физика"), person(3, "физика; химия")]))
    (unmatched,) = result.unmatched
    assert unmatched.mentee.pk == 3
    assert "отдан" in unmatched.reason


def test_scores_of_the_whole_pool_match_each_pairs_own():
    mentors = [
        mentor(1, "физика; химия", preferred_format=MeetingFormat.REMOTE),
        mentor(2, "история"),
    ]
    mentees = [
        person(3, "физика"),
        person(4, "история; химия", preferred_format=MeetingFormat.REMOTE),
    ]
    whole = score_matrix(pool(mentors, mentees, choices={(3, 2)}))
    for i, mentee in enumerate(mentees):
        for j, one in enumerate(mentors):
            alone = score_matrix(pool([one], [mentee], choices={(3, 2)}))
            assert whole[i, j] == alone[0, 0]
