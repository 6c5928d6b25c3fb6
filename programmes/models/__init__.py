"""The programme's records. Every model keeps its full change history (simple-history)."""

from .agreements import MentoringAgreement, is_employee_form, needs_agreement
from .consents import Consent, ConsentGiver, ConsentKind, ConsentSource
from .erasure import ERASURE_PERIOD_DAYS, ErasureAct
from .formats import MeetingFormat
from .history import TrackedHistory
from .incentives import Case, DecisionStatus, IncentiveDecision, IncentiveKind, MentorTraining
from .matching import DecisionKind, MatchDecision, MatchingGoal, MatchingSettings
from .meetings import (
    MEETING_INTERVAL_DAYS,
    Feedback,
    Meeting,
    MeetingAttendance,
    MeetingKind,
    MeetingStatus,
)
from .orders import ORDER_HEADINGS, Order, OrderKind, OrderTemplate, TemplateKind
from .organisations import Organisation, PartnerOrganisation
from .pairs import (
    CONSENT_REQUIRED_STATUSES,
    OPEN_PAIR_STATUSES,
    PAIR_TRANSITIONS,
    Pair,
    PairMentee,
    PairStatus,
)
from .participants import Participant, ParticipantCategory, ParticipantStatus
from .plans import DevelopmentPlan, PlanTask, PlanTaskStatus
from .preferences import MatchPreference
from .programmes import MatchingRule, MentoringForm, Programme, ProgrammeStatus
from .proposals import IDENTITY_FIELDS, ParticipantChangeProposal, ProposalStatus

__all__ = [
    "CONSENT_REQUIRED_STATUSES",
    "ERASURE_PERIOD_DAYS",
    "IDENTITY_FIELDS",
    "MEETING_INTERVAL_DAYS",
    "OPEN_PAIR_STATUSES",
    "ORDER_HEADINGS",
    "PAIR_TRANSITIONS",
    "Case",
    "Consent",
    "ConsentGiver",
    "ConsentKind",
    "ConsentSource",
    "DecisionKind",
    "DecisionStatus",
    "DevelopmentPlan",
    "ErasureAct",
    "Feedback",
    "IncentiveDecision",
    "IncentiveKind",
    "MatchDecision",
    "MatchPreference",
    "MatchingGoal",
    "MatchingRule",
    "MatchingSettings",
    "Meeting",
    "MeetingAttendance",
    "MeetingFormat",
    "MeetingKind",
    "MeetingStatus",
    "MentorTraining",
    "MentoringAgreement",
    "MentoringForm",
    "Order",
    "OrderKind",
    "OrderTemplate",
    "Organisation",
    "Pair",
    "PairMentee",
    "PairStatus",
    "Participant",
    "ParticipantCategory",
    "ParticipantChangeProposal",
    "ParticipantStatus",
    "PartnerOrganisation",
    "PlanTask",
    "PlanTaskStatus",
    "Programme",
    "ProgrammeStatus",
    "ProposalStatus",
    "TemplateKind",
    "TrackedHistory",
    "is_employee_form",
    "needs_agreement",
]
