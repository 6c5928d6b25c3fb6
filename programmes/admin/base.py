"""What every list of the «Наставничество» menu shares, so the rules cannot drift apart.

A curator or an auditor sees the records of their own organisations only, in lists, inspect
pages and exports alike; every record has its change history, and every edit can say why it
was made. Every list keeps those promises by deriving from one ModelAdmin.
"""

from django.urls import re_path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail_modeladmin.options import ModelAdmin

from programmes.admin.forms import ProgrammeAdminForm
from programmes.admin.index import RecordIndexView
from programmes.admin.permissions import OrganisationPermissionHelper
from programmes.history.views import RecordHistoryView
from programmes.selectors.access import organisation_ids_for, scoped

REASON = FieldPanel("change_reason")


def form(panels, form_class=ProgrammeAdminForm):
    return ObjectList([*panels, REASON], base_form_class=form_class)


class ProgrammeModelAdmin(ModelAdmin):
    """Lists, views and exports limited to the user's organisations, with inspect and history."""

    inspect_view_enabled = True
    permission_helper_class = OrganisationPermissionHelper
    history_view_class = RecordHistoryView
    index_view_class = RecordIndexView
    list_per_page = 50
    list_select_related = ()
    prefetch = ()
    add_to_admin_menu = False

    def get_queryset(self, request):
        queryset = scoped(super().get_queryset(request), request.user)
        if self.list_select_related:
            queryset = queryset.select_related(*self.list_select_related)
        if self.prefetch:
            queryset = queryset.prefetch_related(*self.prefetch)
        return queryset

    # {action: view class} of extra pages of one record, at <base>/<action>/<pk>/.
    instance_actions = {}

    def get_admin_urls_for_registration(self):
        urls = super().get_admin_urls_for_registration()
        return urls + tuple(
            re_path(
                self.url_helper.get_action_url_pattern(action),
                self._instance_action(view_class),
                name=self.url_helper.get_action_url_name(action),
            )
            for action, view_class in self.instance_actions.items()
        )

    def _instance_action(self, view_class):
        def view(request, instance_pk):
            return view_class.as_view(model_admin=self, instance_pk=instance_pk)(request)

        return view

    def get_list_filter(self, request):
        list_filter = super().get_list_filter(request)
        if (
            "organisation" in list_filter
            and len(organisation_ids_for(request.user)) < 2
            and not request.user.is_superuser
        ):
            return tuple(f for f in list_filter if f != "organisation")
        return list_filter


def yes_no(value: bool) -> str:
    return str(_("yes") if value else _("no"))
