"""Writing meetings with their attendance, so both land in the history in one transaction."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from programmes.models import Meeting, MeetingAttendance, Participant
from programmes.models.history import attribute_change


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
