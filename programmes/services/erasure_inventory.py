"""The erasure's inventory: what of each record holding personal data is kept on purpose.

Every concrete field of such a record is either erased (programmes.services.erasure's
`erased_fields`) or named here; programmes/tests/test_erasure_inventory.py fails on a field
that is neither, so a personal field added later has to be decided on.
"""

from django.db import models

from programmes.models import (
    Case,
    Consent,
    DevelopmentPlan,
    Feedback,
    IncentiveDecision,
    MatchDecision,
    MatchPreference,
    Meeting,
    MeetingAttendance,
    MentoringAgreement,
    MentorTraining,
    Pair,
    PairMentee,
    Participant,
    ParticipantChangeProposal,
    PlanTask,
)

KEPT_FIELDS: dict[type[models.Model], frozenset[str]] = {
    # Who they were in the programme, not who they are: number, organisation, roles, dates.
    Participant: frozenset(
        {
            "id",
            "organisation",
            "is_mentor",
            "is_mentee",
            "category",
            "partner_organisation",
            "status",
            "joined_on",
            "left_on",
        }
    ),
    # That a consent of a kind was given, how, and from when to when: the organisation's
    # evidence that it processed the data lawfully.
    Consent: frozenset(
        {
            "id",
            "participant",
            "kind",
            "given_by",
            "source",
            "accepted_at",
            "given_on",
            "valid_until",
            "withdrawn_on",
        }
    ),
    # The programme's own record of the work done, pointing at the anonymised participant.
    Pair: frozenset(
        {
            "id",
            "programme",
            "mentor",
            "start_date",
            "end_date",
            "status",
            "order",
            "termination_order",
        }
    ),
    PairMentee: frozenset({"id", "pair", "mentee", "joined_on", "left_on"}),
    # The plan's shape and progress stay; its goals and tasks' texts lose the name.
    DevelopmentPlan: frozenset({"id", "membership"}),
    PlanTask: frozenset({"id", "plan", "deadline", "status", "completed_on"}),
    Meeting: frozenset({"id", "programme", "pair", "kind", "held_at", "status", "format"}),
    MeetingAttendance: frozenset({"id", "meeting", "participant"}),
    Feedback: frozenset({"id", "meeting", "author", "rating", "suits", "submitted_at"}),
    MatchPreference: frozenset({"id", "participant", "preferred", "programme", "stated_at"}),
    IncentiveDecision: frozenset(
        {
            "id",
            "mentor",
            "kind",
            "amount",
            "status",
            "decided_by",
            "decided_on",
            "order",
        }
    ),
    MentorTraining: frozenset({"id", "mentor", "hours", "completed_on"}),
    # The agreement's terms stay (its text is scrubbed of the name); its generated DOCX names
    # the mentor and is deleted with the other documents naming the participant.
    MentoringAgreement: frozenset(
        {
            "id",
            "pair",
            "consent_date",
            "number",
            "date",
            "period_start",
            "period_end",
            "extra_pay",
            "without_extra_pay",
        }
    ),
    # A practice belongs to the organisation; its materials are a document the organisation
    # published, not the participant's data (their name is scrubbed from its texts).
    Case: frozenset({"id", "organisation", "programme", "pair", "file", "is_published"}),
    # Whom the curator locked, rejected or kept apart in a matching; the reason loses the name.
    MatchDecision: frozenset({"id", "programme", "mentor", "mentee", "kind"}),
    # Deleted whole, history included (DELETED_WHOLE): nothing is kept.
    ParticipantChangeProposal: frozenset(),
}
