"""Writes to the mentor and mentee bases that come from outside the admin: questionnaires.

A questionnaire maps some of its questions onto a participant's fields (the editor chooses
which in the page editor); forms_app hands the mapped answers here, so the participant is
validated and its history written by the programme, as every other write to its records.

An answer creates a new participant with all it says, but for a known one (signed in, or by
a personal invitation) it never changes who they are: a different name, class or date of
birth becomes a proposal for the curator (services/proposals.py). The other fields change
only where the editor allowed it, question by question.
"""

from collections.abc import Collection, Mapping

from django.contrib.auth.models import AbstractBaseUser

from programmes.models import IDENTITY_FIELDS, Participant, ParticipantCategory
from programmes.models.history import attribute_change
from programmes.services.proposals import proposals_record

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
    updatable: Collection[str],
    user: AbstractBaseUser | None,
    reason: str,
) -> Participant:
    """Create a participant of the mentee (or mentor) base from mapped answers, or update one.

    Without `participant` a new one is made in the organisation, a pupil for the mentee base
    and a teacher for the mentor base, with everything the answers say. For a known participant
    identity fields only propose, and other fields change when named in `updatable`. Empty
    answers change nothing; the same answers again write no new version of the history. The
    history names the participant as the respondent (and `user`, when signed in).
    """
    known = participant is not None
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
    if known:
        proposals_record(
            participant=participant,
            proposed={name: value for name, value in changes.items() if name in IDENTITY_FIELDS},
            source=reason,
            respondent=participant,
        )
        changes = {
            name: value
            for name, value in changes.items()
            if name not in IDENTITY_FIELDS and name in updatable
        }
    changes["is_mentee" if as_mentee else "is_mentor"] = True
    changed = [name for name, value in changes.items() if getattr(participant, name) != value]
    if known and not changed:
        return participant
    for name in changed:
        setattr(participant, name, changes[name])
    # Answers never change whose participant it is: the organisation and the account of an
    # existing participant need no second look (three queries on every answer).
    participant.full_clean(exclude=["organisation", "user"] if known else None)
    attribute_change(participant, user=user, reason=reason, respondent=participant)
    participant.save(update_fields=changed if known else None)
    return participant
