"""Who may do what with a record in the admin: the model's permission and its organisation.

Django's permissions say what a role may do with a kind of record; the organisation says with
which records. wagtail-modeladmin asks only the first, so every helper here asks both.
"""

from wagtail_modeladmin.helpers import PermissionHelper

from programmes.models.records import organisation_id_of, organisation_path_of
from programmes.selectors.access import organisation_ids_for


class OrganisationPermissionHelper(PermissionHelper):
    """Model permissions, narrowed to the records of the user's organisations.

    Modeladmin looks records up by primary key without the list's queryset, so every
    per-object check also asks whether the record belongs to one of the user's organisations.
    """

    def __init__(self, model, inspect_view_enabled=False):
        super().__init__(model, inspect_view_enabled)
        self.organisation_path = organisation_path_of(model)

    def user_can_reach(self, user, obj) -> bool:
        if user.is_superuser or self.organisation_path is None:
            return True
        return organisation_id_of(obj) in organisation_ids_for(user)

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
