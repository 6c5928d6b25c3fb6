"""Questionnaire and consent pages built on Wagtail's form builder, and what they collect."""

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
    "FieldMapping",
    "Invitation",
    "QuestionnaireAccess",
    "QuestionnaireField",
    "QuestionnaireKind",
    "QuestionnairePage",
    "QuestionnaireSubmission",
]
