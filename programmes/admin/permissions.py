"""Who may do what with a record in the admin: the model's permission and its organisation.

Django's permissions say what a role may do with a kind of record; the organisation says with
which records. wagtail-modeladmin asks only the first, so every helper here asks both.
"""

from wagtail_modeladmin.helpers import PermissionHelper

from programmes.models.records import organisation_id_of, organisation_path_of
from programmes.selectors.access import organisation_ids_for


def user_can_reach(user, obj) -> bool:
    """Whether the record belongs to one of the user's organisations (or to none)."""
    if user.is_superuser or organisation_path_of(type(obj)) is None:
        return True
    return organisation_id_of(obj) in organisation_ids_for(user)


class OrganisationPermissionHelper(PermissionHelper):
    """Model permissions, narrowed to the records of the user's organisations.

    Modeladmin looks records up by primary key without the list's queryset, so every
    per-object check also asks whether the record belongs to one of the user's organisations.
    """

    def __init__(self, model, inspect_view_enabled=False):
        super().__init__(model, inspect_view_enabled)
        # Fails at start-up for a model that does not say whose records it holds.
        self.organisation_path = organisation_path_of(model)

    def user_can_reach(self, user, obj) -> bool:
        return user_can_reach(user, obj)

    def user_can_view_obj(self, user, obj) -> bool:
        """Any right on the model and the record's organisation: what its history asks."""
        return self.user_has_any_permissions(user) and self.user_can_reach(user, obj)

    def user_can_inspect_obj(self, user, obj):
        return super().user_can_inspect_obj(user, obj) and self.user_can_reach(user, obj)

    def user_can_edit_obj(self, user, obj):
        return super().user_can_edit_obj(user, obj) and self.user_can_reach(user, obj)

    def user_can_delete_obj(self, user, obj):
        return super().user_can_delete_obj(user, obj) and self.user_can_reach(user, obj)


class ReadOnlyPermissionHelper(OrganisationPermissionHelper):
    """Lists and inspection as usual; nobody creates, edits or deletes, superusers included."""

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_delete_obj(self, user, obj):
        return False
