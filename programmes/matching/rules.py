"""The hard rules: who may mentor whom. A pair breaking one is never suggested.

Two kinds: whether a person suits the programme's form at all (a teacher is no mentee in
«ученик – ученик»; such people are set aside with the reason), and whether this mentor may take
this mentee (a class high enough above, not rejected or excluded by the curator). The second
is one boolean matrix over the whole pool, with a code per cell saying which rule said no.
"""

import numpy as np
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from programmes.matching.pool import Person, Pool, Settings
from programmes.models import DecisionKind, MatchingRule, ParticipantCategory

C = ParticipantCategory

FITS = 0
CLASS_TOO_LOW = 1
REJECTED = 2
EXCLUDED = 3
SAME_PERSON = 4


NOT_A_PUPIL = gettext_lazy("not a pupil")
NOT_A_STUDENT = gettext_lazy("not a student")
# The categories that may mentor, and be mentored, in each form; why not, when not.
MENTORS = {
    MatchingRule.PUPIL_PUPIL: ({C.STUDENT}, NOT_A_PUPIL),
    MatchingRule.TEACHER_TEACHER: ({C.TEACHER}, gettext_lazy("not an experienced teacher")),
    MatchingRule.STUDENT_PUPIL: ({C.COLLEGE_STUDENT}, NOT_A_STUDENT),
    MatchingRule.STUDENT_STUDENT: ({C.COLLEGE_STUDENT}, NOT_A_STUDENT),
    MatchingRule.TEACHER_PUPIL: ({C.TEACHER, C.YOUNG_SPECIALIST}, gettext_lazy("not a teacher")),
    MatchingRule.EMPLOYER: ({C.PARTNER}, gettext_lazy("not from a partner organisation")),
}
MENTEES = {
    MatchingRule.PUPIL_PUPIL: ({C.STUDENT}, NOT_A_PUPIL),
    MatchingRule.STUDENT_PUPIL: ({C.STUDENT}, NOT_A_PUPIL),
    MatchingRule.TEACHER_PUPIL: ({C.STUDENT}, NOT_A_PUPIL),
    MatchingRule.STUDENT_STUDENT: ({C.COLLEGE_STUDENT}, NOT_A_STUDENT),
    MatchingRule.EMPLOYER: ({C.STUDENT, C.COLLEGE_STUDENT}, gettext_lazy("not a pupil or student")),
}


def mentor_unfit(person: Person, settings: Settings) -> str | None:
    """Why this person cannot mentor in the programme's form, or None."""
    categories, refusal = MENTORS.get(settings.rule, (None, ""))
    # A partner's employee is entered under any category; the partner is what counts.
    partner = settings.rule == MatchingRule.EMPLOYER and person.from_partner
    if categories is not None and person.category not in categories and not partner:
        return str(refusal)
    if settings.rule == MatchingRule.PUPIL_PUPIL and person.class_number is None:
        return _("the class is not given")
    return None


def mentee_unfit(person: Person, settings: Settings) -> str | None:
    """Why this person cannot be a mentee in the programme's form, or None."""
    if settings.rule == MatchingRule.TEACHER_TEACHER:
        young = person.age is not None and person.age < settings.young_specialist_age
        if person.category == C.YOUNG_SPECIALIST or (person.category == C.TEACHER and young):
            return None
        return _("not a young specialist (younger than %(age)s or in the first three years)") % {
            "age": settings.young_specialist_age
        }
    categories, refusal = MENTEES.get(settings.rule, (None, ""))
    if categories is not None and person.category not in categories:
        return str(refusal)
    if settings.rule == MatchingRule.PUPIL_PUPIL and person.class_number is None:
        return _("the class is not given")
    return None


def verdicts(pool: Pool) -> np.ndarray:
    """A code per (mentee, mentor): FITS or the first rule that forbids the pair."""
    codes = np.zeros((len(pool.mentees), len(pool.mentors)), dtype=np.int8)
    if not codes.size:
        return codes
    if pool.settings.rule == MatchingRule.PUPIL_PUPIL:
        mentee_class = np.array([p.class_number or 0 for p in pool.mentees])[:, None]
        mentor_class = np.array([p.class_number or 0 for p in pool.mentors])[None, :]
        codes[mentor_class - mentee_class < pool.settings.class_gap] = CLASS_TOO_LOW
    mentee_index = {p.pk: i for i, p in enumerate(pool.mentees)}
    mentor_index = {p.pk: j for j, p in enumerate(pool.mentors)}
    for j, mentor in enumerate(pool.mentors):
        if (i := mentee_index.get(mentor.pk)) is not None:
            codes[i, j] = SAME_PERSON
    for (mentor_pk, mentee_pk), kind in pool.decisions.items():
        i, j = mentee_index.get(mentee_pk), mentor_index.get(mentor_pk)
        if i is None or j is None:
            continue
        if kind == DecisionKind.EXCLUDED:
            codes[i, j] = EXCLUDED
        elif kind == DecisionKind.REJECTED:
            codes[i, j] = REJECTED
    return codes


def describe_refusals(codes_of_mentee: np.ndarray, settings: Settings) -> str:
    """Why no mentor may take this mentee: how many mentors each rule ruled out."""
    parts = []
    counted = [
        int(n) for n in np.bincount(codes_of_mentee.astype(np.int64), minlength=SAME_PERSON + 1)
    ]
    if counted[CLASS_TOO_LOW]:
        parts.append(
            _("mentors with a class difference under %(gap)s: %(count)s")
            % {"count": counted[CLASS_TOO_LOW], "gap": settings.class_gap}
        )
    if counted[EXCLUDED]:
        parts.append(_("excluded by the curator: %(count)s") % {"count": counted[EXCLUDED]})
    if counted[REJECTED]:
        parts.append(_("suggestions rejected: %(count)s") % {"count": counted[REJECTED]})
    if not parts:
        return _("no other mentor in the pool")
    return _("no mentor fits: %(reasons)s") % {"reasons": "; ".join(parts)}
