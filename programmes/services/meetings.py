"""Writing meetings with their attendance, so both land in the history in one transaction.

A meeting is planned, then held: `meeting_mark_held` records that it took place and what came
of it. The model refuses a held meeting dated in the future; this module adds the rule that
needs other records: a meeting that has feedback stays held.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from programmes.models import Meeting, MeetingAttendance, MeetingStatus, Participant
from programmes.models.history import attribute_change

# Codes of the refusals, for callers that tell them apart.
HAS_FEEDBACK = "has_feedback"
NO_OUTCOME = "no_outcome"


@transaction.atomic
def meeting_save(
    *, meeting: Meeting, attendees: list[Participant], user=None, reason: str = ""
) -> Meeting:
    """Save a meeting and who attended it; a removed attendee's row is deleted (the history
    keeps it), an added one gets a row of its own."""
    meeting.full_clean()
    errors = attendance_errors(meeting=meeting, attendees=attendees)
    if errors:
        raise ValidationError({"attendees": errors})
    status_error = status_change_error(meeting=meeting)
    if status_error:
        raise ValidationError({"status": status_error})
    attribute_change(meeting, user=user, reason=reason)
    meeting.save()
    _sync_attendance(meeting=meeting, attendees=attendees, user=user, reason=reason)
    return meeting


def attendance_errors(*, meeting: Meeting, attendees: list[Participant]) -> list[str]:
    """Why these people cannot be recorded at this meeting: only its organisation's come."""
    return [
        _("%(name)s belongs to another organisation.") % {"name": participant}
        for participant in attendees
        if participant.organisation_id != meeting.programme.organisation_id
    ]


def status_change_error(*, meeting: Meeting) -> ValidationError | None:
    """Why the meeting cannot become planned again: its participants have given feedback."""
    if meeting.pk is None or meeting.status != MeetingStatus.PLANNED:
        return None
    if not meeting.feedback.exists():
        return None
    return ValidationError(
        _("The meeting already has feedback from its participants, so it stays held."),
        code=HAS_FEEDBACK,
    )


@transaction.atomic
def meeting_mark_held(
    *,
    meeting: Meeting,
    outcome: str,
    held_at: datetime.datetime | None = None,
    attendees: list[Participant] | None = None,
    user=None,
    reason: str = "",
) -> Meeting:
    """Record that a planned meeting took place: when (if not as planned), what came of it and,
    if given, who came. Refused for a moment in the future and without an outcome."""
    outcome = outcome.strip()
    if not outcome:
        raise ValidationError(
            {"outcome": ValidationError(_("Describe the outcome of the meeting."), code=NO_OUTCOME)}
        )
    meeting.status = MeetingStatus.HELD
    meeting.outcome = outcome
    if held_at is not None:
        meeting.held_at = held_at
    if attendees is None:
        attendees = list(Participant.objects.filter(attendance__meeting=meeting).order_by("pk"))
    return meeting_save(meeting=meeting, attendees=attendees, user=user, reason=reason)


def _sync_attendance(*, meeting: Meeting, attendees: list[Participant], user, reason: str) -> None:
    wanted = {participant.pk for participant in attendees}
    present = {row.participant_id: row for row in meeting.attendance.all()}
    for participant_id, row in present.items():
        if participant_id not in wanted:
            attribute_change(row, user=user, reason=reason)
            row.delete()
    for participant_id in sorted(wanted - present.keys()):
        row = MeetingAttendance(meeting=meeting, participant_id=participant_id)
        attribute_change(row, user=user, reason=reason)
        row.save()
