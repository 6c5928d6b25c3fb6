"""Questionnaire and consent pages built on Wagtail's form builder, and what they collect."""

from .consent_page import ConsentPage
from .invitations import Invitation
from .questionnaires import (
    FieldMapping,
    QuestionnaireAccess,
    QuestionnaireField,
    QuestionnaireKind,
    QuestionnairePage,
    QuestionnaireSubmission,
)

__all__ = [
    "ConsentPage",
    "FieldMapping",
    "Invitation",
    "QuestionnaireAccess",
    "QuestionnaireField",
    "QuestionnaireKind",
    "QuestionnairePage",
    "QuestionnaireSubmission",
]
