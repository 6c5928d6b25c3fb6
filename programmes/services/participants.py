"""Writes to the mentor and mentee bases that come from outside the admin: questionnaires.

A questionnaire maps some of its questions onto a participant's fields (the editor chooses
which in the page editor); forms_app hands the mapped answers here, so the participant is
validated and its history written by the programme, as every other write to its records.
"""

from collections.abc import Mapping

from django.contrib.auth.models import AbstractBaseUser

from programmes.models import Participant, ParticipantCategory
from programmes.models.history import attribute_change

# The participant's fields an answer may fill in; whatever else an answer holds is ignored.
ANSWERABLE_TEXT_FIELDS = frozenset(
    {
        "last_name",
        "first_name",
        "patronymic",
        "group",
        "phone",
        "email",
        "competences",
        "interests",
        "requests",
    }
)
ANSWERABLE_DATE_FIELDS = frozenset({"birth_date"})


def participant_update_from_answers(
    *,
    participant: Participant | None,
    organisation_id: int | None,
    as_mentee: bool,
    answers: Mapping[str, object],
    user: AbstractBaseUser | None,
    reason: str,
) -> Participant:
    """Create or update a participant of the mentee (or mentor) base from mapped answers.

    Without `participant` a new one is made in the organisation, a pupil for the mentee base
    and a teacher for the mentor base. Empty answers change nothing; the same answers again
    write no new version of the participant's history.
    """
    if participant is None:
        participant = Participant(
            organisation_id=organisation_id,
            category=ParticipantCategory.STUDENT if as_mentee else ParticipantCategory.TEACHER,
        )
    changes = {}
    for name, value in answers.items():
        if name in ANSWERABLE_TEXT_FIELDS and value not in (None, ""):
            changes[name] = str(value).strip()
        elif name in ANSWERABLE_DATE_FIELDS and value:
            changes[name] = value
    changes["is_mentee" if as_mentee else "is_mentor"] = True
    changed = [name for name, value in changes.items() if getattr(participant, name) != value]
    if participant.pk and not changed:
        return participant
    for name in changed:
        setattr(participant, name, changes[name])
    # Answers never change whose participant it is: the organisation and the account of an
    # existing participant need no second look (three queries on every answer).
    participant.full_clean(exclude=["organisation", "user"] if participant.pk else None)
    attribute_change(participant, user=user, reason=reason)
    participant.save(update_fields=changed if participant.pk else None)
    return participant
