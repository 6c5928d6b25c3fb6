"""Which organisations' records a user may see: the base of every list, view and export."""

from django.db.models import QuerySet

from programmes.models import Organisation
from programmes.models.records import organisation_path_of


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
    path = organisation_path_of(queryset.model)
    if user.is_superuser or path is None:
        return queryset
    return queryset.filter(**{f"{path}__in": organisation_ids_for(user)})
