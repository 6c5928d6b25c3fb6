"""The weighted criteria: one score matrix over the pool, and any one pair's score explained.

Scores are whole tenths of a point (integers), so the optimiser and the explanation add up to
the same figure. Each criterion gives at most its weight (0–10, set by the curator):

- mutual choice in the preference questionnaire: the full weight, half if only one chose;
- the mentee's requests against the mentor's competences: the weight times the share of the
  request's words (lemmas) the competences cover;
- the preferred format of meetings: the full weight when the same, half when one of the two
  does not mind, nothing when they differ or neither said (and then no line explains it);
- «ученик – ученик»: the closest classes the hard rule allows give the full weight, a year
  more loses a third.
"""

from dataclasses import dataclass

import numpy as np
from django.utils.translation import gettext as _

from programmes.matching.pool import Person, Pool
from programmes.models import MatchingRule, MeetingFormat

TENTHS = 10


@dataclass(frozen=True)
class Line:
    text: str
    tenths: int

    @property
    def points(self) -> str:
        return points(self.tenths)


def points(tenths: int) -> str:
    """«+6», «+1,5», «0»: points as a Russian reads them."""
    if tenths == 0:
        return "0"
    whole, part = divmod(abs(tenths), TENTHS)
    sign = "+" if tenths > 0 else "−"
    return f"{sign}{whole},{part}" if part else f"{sign}{whole}"


def score_matrix(pool: Pool) -> np.ndarray:
    """The total score of every (mentee, mentor), in tenths."""
    shape = (len(pool.mentees), len(pool.mentors))
    total = np.zeros(shape, dtype=np.int64)
    if not total.size:
        return total
    settings = pool.settings
    total += _mutual(pool, settings.weight_mutual)
    total += _requests(pool, settings.weight_requests)
    total += _format(pool, settings.weight_format)
    if settings.rule == MatchingRule.PUPIL_PUPIL:
        total += _classes(pool, settings.weight_class, settings.class_gap)
    return total


def _mutual(pool: Pool, weight: int) -> np.ndarray:
    halves = np.zeros((len(pool.mentees), len(pool.mentors)), dtype=np.int64)
    mentee_index = {p.pk: i for i, p in enumerate(pool.mentees)}
    mentor_index = {p.pk: j for j, p in enumerate(pool.mentors)}
    for chooser, chosen in pool.choices:
        if chooser in mentee_index and chosen in mentor_index:
            halves[mentee_index[chooser], mentor_index[chosen]] += 1
        if chooser in mentor_index and chosen in mentee_index:
            halves[mentee_index[chosen], mentor_index[chooser]] += 1
    return np.minimum(halves, 2) * weight * TENTHS // 2


def _requests(pool: Pool, weight: int) -> np.ndarray:
    shared = np.zeros((len(pool.mentees), len(pool.mentors)), dtype=np.int64)
    mentees_by_lemma: dict[str, list[int]] = {}
    for i, mentee in enumerate(pool.mentees):
        for found in mentee.lemmas:
            mentees_by_lemma.setdefault(found, []).append(i)
    mentors_by_lemma: dict[str, list[int]] = {}
    for j, mentor in enumerate(pool.mentors):
        for found in mentor.lemmas:
            mentors_by_lemma.setdefault(found, []).append(j)
    for found, rows in mentees_by_lemma.items():
        if columns := mentors_by_lemma.get(found):
            shared[np.ix_(rows, columns)] += 1
    asked = np.array([max(len(p.lemmas), 1) for p in pool.mentees], dtype=np.int64)[:, None]
    return (2 * shared * weight * TENTHS + asked) // (2 * asked)  # rounded half up


def _format_halves(mentee: str, mentor: str) -> int:
    """Halves of the weight: both the same 2, one does not mind 1, different or neither said 0."""
    if not mentee and not mentor:
        return 0
    if not mentee or not mentor:
        return 1
    return 2 if mentee == mentor else 0


_FORMATS = ["", *MeetingFormat.values]
_FORMAT_CODE = {kind: n for n, kind in enumerate(_FORMATS)}
_FORMAT_HALVES = np.array([[_format_halves(a, b) for b in _FORMATS] for a in _FORMATS])


def _format(pool: Pool, weight: int) -> np.ndarray:
    code, table = _FORMAT_CODE, _FORMAT_HALVES
    mentee_codes = np.array([code.get(p.preferred_format, 0) for p in pool.mentees])
    mentor_codes = np.array([code.get(p.preferred_format, 0) for p in pool.mentors])
    return table[mentee_codes[:, None], mentor_codes[None, :]] * weight * TENTHS // 2


def _class_thirds(gap: np.ndarray, least: int) -> np.ndarray:
    return np.clip(3 - (gap - least), 0, 3)


def _classes(pool: Pool, weight: int, least: int) -> np.ndarray:
    mentee_class = np.array([p.class_number or 0 for p in pool.mentees])[:, None]
    mentor_class = np.array([p.class_number or 0 for p in pool.mentors])[None, :]
    thirds = _class_thirds(mentor_class - mentee_class, least)
    return (2 * thirds * weight * TENTHS + 3) // 6


def explain(pool: Pool, mentee: Person, mentor: Person) -> list[Line]:
    """The pair's score criterion by criterion, in the same tenths as score_matrix."""
    # Only the two people's own choices: the pool's set is looked up, not walked.
    own = {c for c in ((mentee.pk, mentor.pk), (mentor.pk, mentee.pk)) if c in pool.choices}
    single = Pool(settings=pool.settings, mentors=[mentor], mentees=[mentee], choices=own)
    settings = pool.settings
    lines = []
    mutual = int(_mutual(single, settings.weight_mutual)[0, 0])
    if mutual:
        both = (mentee.pk, mentor.pk) in pool.choices and (mentor.pk, mentee.pk) in pool.choices
        if both:
            text = _("mutual choice")
        elif (mentee.pk, mentor.pk) in pool.choices:
            text = _("the mentee chose this mentor")
        else:
            text = _("the mentor chose this mentee")
        lines.append(Line(text, mutual))
    requests = int(_requests(single, settings.weight_requests)[0, 0])
    if requests:
        lines.append(Line(_topics_text(mentee, mentor), requests))
    elif mentee.topics and settings.weight_requests:
        lines.append(Line(_("no request meets the mentor's competences"), 0))
    if settings.weight_format and (mentee.preferred_format or mentor.preferred_format):
        lines.append(
            Line(_format_text(mentee, mentor), int(_format(single, settings.weight_format)[0, 0]))
        )
    if settings.rule == MatchingRule.PUPIL_PUPIL and settings.weight_class:
        gap = (mentor.class_number or 0) - (mentee.class_number or 0)
        lines.append(
            Line(
                _("classes %(mentor)s and %(mentee)s")
                % {
                    "mentor": mentor.class_number,
                    "mentee": mentee.class_number,
                }
                if gap
                else _("the same class"),
                int(_classes(single, settings.weight_class, settings.class_gap)[0, 0]),
            )
        )
    return lines


def _topics_text(mentee: Person, mentor: Person) -> str:
    met = []
    for request, request_lemmas in zip(mentee.topics, mentee.topic_lemmas, strict=True):
        for competence, competence_lemmas in zip(mentor.topics, mentor.topic_lemmas, strict=True):
            if request_lemmas & competence_lemmas:
                met.append(
                    _("request «%(request)s» ↔ competence «%(competence)s»")
                    % {"request": request, "competence": competence}
                )
    return "; ".join(met)


def _format_text(mentee: Person, mentor: Person) -> str:
    def label(value: str) -> str:
        return MeetingFormat(value).label.lower() if value else _("does not matter")

    if mentee.preferred_format and mentee.preferred_format == mentor.preferred_format:
        return _("format: both %(format)s") % {"format": label(mentee.preferred_format)}
    return _("format: the mentor %(mentor)s, the mentee %(mentee)s") % {
        "mentor": label(mentor.preferred_format),
        "mentee": label(mentee.preferred_format),
    }
