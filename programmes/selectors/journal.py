"""The mentoring journal («журнал наставничества») of one pair or group, as an inspector reads it.

Not the change journal (programmes/history/journal.py, every change of every record): this is
the pair's own record of its work — each meeting with its date, kind, format, topic, status,
outcome, who came, and the feedback given on it. Read in a fixed number of queries whatever
the number of meetings, and returned as plain values for the DOCX and XLSX writers
(programmes/documents/journal.py).
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from programmes.models import Feedback, Meeting, MeetingAttendance, MeetingStatus, Pair


@dataclass(frozen=True)
class FeedbackEntry:
    author: str
    role: str
    rating: int
    suits: bool | None
    comment: str
    submitted_at: datetime.datetime


@dataclass(frozen=True)
class MeetingEntry:
    held_at: datetime.datetime
    kind: str
    format: str
    topic: str
    status: str
    is_held: bool
    outcome: str
    attendees: list[str]
    feedback: list[FeedbackEntry]

    @property
    def average_rating(self) -> float | None:
        ratings = [entry.rating for entry in self.feedback]
        return sum(ratings) / len(ratings) if ratings else None


@dataclass(frozen=True)
class PairJournal:
    pair_pk: int
    organisation: str
    programme: str
    form: str
    mentor: str
    mentees: list[str]  # with the dates of joining and leaving
    start_date: datetime.date
    end_date: datetime.date | None
    status: str
    meetings: list[MeetingEntry] = field(default_factory=list)

    @property
    def held_count(self) -> int:
        return sum(1 for meeting in self.meetings if meeting.is_held)


def pair_journal(pair: Pair) -> PairJournal:
    """The journal of `pair`, meetings oldest first (the order of a paper journal)."""
    pair = (
        Pair.objects.select_related("mentor", "programme__organisation", "programme__form")
        .prefetch_related("mentees__mentee")
        .get(pk=pair.pk)
    )
    meetings = (
        Meeting.objects.filter(pair=pair)
        .order_by("held_at", "pk")
        .prefetch_related(
            Prefetch(
                "attendance",
                queryset=MeetingAttendance.objects.select_related("participant").order_by(
                    "participant__last_name", "participant__first_name", "pk"
                ),
            ),
            Prefetch(
                "feedback",
                queryset=Feedback.objects.select_related("author").order_by("submitted_at", "pk"),
            ),
        )
    )
    mentees = []
    for membership in sorted(pair.mentees.all(), key=lambda m: (m.joined_on, m.pk)):
        line = _("%(name)s, from %(joined)s") % {
            "name": membership.mentee.full_name,
            "joined": membership.joined_on.strftime("%d.%m.%Y"),
        }
        if membership.left_on:
            line += _(" to %(left)s (%(reason)s)") % {
                "left": membership.left_on.strftime("%d.%m.%Y"),
                "reason": membership.left_reason,
            }
        mentees.append(line)
    programme = pair.programme
    return PairJournal(
        pair_pk=pair.pk,
        organisation=programme.organisation.full_name,
        programme=programme.title,
        form=str(programme.form) if programme.form_id else "",
        mentor=pair.mentor.full_name,
        mentees=mentees,
        start_date=pair.start_date,
        end_date=pair.end_date,
        status=pair.get_status_display(),
        meetings=[_entry(meeting, mentor_id=pair.mentor_id) for meeting in meetings],
    )


def _entry(meeting: Meeting, *, mentor_id: int) -> MeetingEntry:
    return MeetingEntry(
        held_at=meeting.held_at,
        kind=meeting.get_kind_display(),
        format=meeting.get_format_display(),
        topic=meeting.topic,
        status=meeting.get_status_display(),
        is_held=meeting.status == MeetingStatus.HELD,
        outcome=meeting.outcome,
        attendees=[row.participant.full_name for row in meeting.attendance.all()],
        feedback=[
            FeedbackEntry(
                author=feedback.author.full_name,
                role=_("mentor") if feedback.author_id == mentor_id else _("mentee"),
                rating=feedback.rating,
                suits=feedback.suits,
                comment=feedback.comment,
                submitted_at=feedback.submitted_at,
            )
            for feedback in meeting.feedback.all()
        ],
    )
