"""Which organisations' records a user may see: the base of every list, view and export."""

from django.db.models import QuerySet

from programmes.models import (
    Case,
    Consent,
    ErasureAct,
    Feedback,
    IncentiveDecision,
    MatchPreference,
    Meeting,
    MeetingAttendance,
    MentoringForm,
    MentorTraining,
    Organisation,
    Pair,
    PairMentee,
    Participant,
    PartnerOrganisation,
    Programme,
)

# How each record reaches its organisation; None: shared by every organisation.
ORGANISATION_PATHS = {
    Organisation: "pk",
    PartnerOrganisation: "organisation",
    Participant: "organisation",
    Consent: "participant__organisation",
    MentoringForm: None,
    Programme: "organisation",
    Pair: "programme__organisation",
    PairMentee: "pair__programme__organisation",
    Meeting: "programme__organisation",
    MeetingAttendance: "meeting__programme__organisation",
    Feedback: "meeting__programme__organisation",
    MentorTraining: "mentor__organisation",
    IncentiveDecision: "mentor__organisation",
    Case: "organisation",
    ErasureAct: "organisation",
    MatchPreference: "participant__organisation",
}


def register_organisation_path(model, path: str | None) -> None:
    """Let another app's model be scoped like the programme's (forms_app's invitations)."""
    ORGANISATION_PATHS[model] = path


def organisations_for(user) -> QuerySet[Organisation]:
    """Superusers see every organisation; everyone else the ones they are a member of."""
    if not user.is_authenticated or not user.is_active:
        return Organisation.objects.none()
    if user.is_superuser:
        return Organisation.objects.all()
    return Organisation.objects.filter(members=user)


def organisation_ids_for(user) -> set[int]:
    cache_name = "_programmes_organisation_ids"
    if not hasattr(user, cache_name):
        setattr(user, cache_name, set(organisations_for(user).values_list("pk", flat=True)))
    return getattr(user, cache_name)


def scoped(queryset: QuerySet, user) -> QuerySet:
    """The queryset limited to the records of the user's organisations."""
    path = ORGANISATION_PATHS[queryset.model]
    if user.is_superuser or path is None:
        return queryset
    return queryset.filter(**{f"{path}__in": organisation_ids_for(user)})
