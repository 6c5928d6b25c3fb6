"""The tables the generator fills: the models the check samples and the summary counts."""

from django.contrib.auth import get_user_model

from programmes.models import (
    Case,
    Consent,
    Feedback,
    IncentiveDecision,
    Meeting,
    MentoringAgreement,
    MentorTraining,
    Organisation,
    Pair,
    PairMentee,
    Participant,
    PartnerOrganisation,
    Programme,
)

SAMPLED_MODELS = (
    Organisation,
    PartnerOrganisation,
    Programme,
    Participant,
    Consent,
    Pair,
    PairMentee,
    Meeting,
    Feedback,
    MentorTraining,
    IncentiveDecision,
    MentoringAgreement,
    Case,
)


def table_counts() -> dict[str, int]:
    """Rows per programme table and per history table, for the summary."""
    counts = {}
    for model in SAMPLED_MODELS:
        counts[model._meta.db_table] = model.objects.count()
    for model in SAMPLED_MODELS:
        history_model = model.history.model
        counts[history_model._meta.db_table] = history_model.objects.count()
    counts["auth_user"] = get_user_model().objects.count()
    return counts


def history_tables() -> list[str]:
    return [model.history.model._meta.db_table for model in SAMPLED_MODELS]
