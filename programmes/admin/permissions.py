from wagtail_modeladmin.helpers import PermissionHelper

from programmes.selectors.access import ORGANISATION_PATHS, organisation_ids_for


class OrganisationPermissionHelper(PermissionHelper):
    """Model permissions, narrowed to the records of the user's organisations.

    Modeladmin looks records up by primary key without the list's queryset, so every
    per-object check also asks whether the record belongs to one of the user's organisations.
    """

    def __init__(self, model, inspect_view_enabled=False):
        super().__init__(model, inspect_view_enabled)
        self.organisation_path = ORGANISATION_PATHS[model]

    def organisation_id_of(self, obj):
        if self.organisation_path == "pk":
            return obj.pk
        value = obj
        for part in self.organisation_path.split("__"):
            value = getattr(value, part)
            if value is None:
                return None
        return value.pk

    def user_can_reach(self, user, obj) -> bool:
        if user.is_superuser or self.organisation_path is None:
            return True
        return self.organisation_id_of(obj) in organisation_ids_for(user)

    def user_can_inspect_obj(self, user, obj):
        return super().user_can_inspect_obj(user, obj) and self.user_can_reach(user, obj)

    def user_can_edit_obj(self, user, obj):
        return super().user_can_edit_obj(user, obj) and self.user_can_reach(user, obj)

    def user_can_delete_obj(self, user, obj):
        return super().user_can_delete_obj(user, obj) and self.user_can_reach(user, obj)
