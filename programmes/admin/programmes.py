"""Programmes in the admin: the record every pair, meeting and report hangs from."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail_modeladmin.helpers import ButtonHelper

from programmes.admin.base import ProgrammeModelAdmin, form
from programmes.admin.matching import user_can_read_matching
from programmes.models import Programme


class ProgrammeButtonHelper(ButtonHelper):
    """Adds «Подбор пар» to a programme's row, for those who may read the matching."""

    def get_buttons_for_obj(self, obj, exclude=None, classnames_add=None, classnames_exclude=None):
        buttons = super().get_buttons_for_obj(obj, exclude, classnames_add, classnames_exclude)
        if user_can_read_matching(self.request.user):
            buttons.append(
                {
                    "url": reverse("programmes_matching", args=[obj.pk]),
                    "label": _("Matching of pairs"),
                    "classname": self.finalise_classname(
                        ["button-secondary", *(classnames_add or [])], classnames_exclude
                    ),
                    "title": _("Suggest pairs and groups for this programme"),
                }
            )
        return buttons


class ProgrammeAdmin(ProgrammeModelAdmin):
    model = Programme
    button_helper_class = ProgrammeButtonHelper
    menu_label = _("Programmes")
    menu_icon = "tasks"
    menu_order = 10
    list_display = ("title", "form", "organisation", "start_date", "end_date", "status", "curator")
    list_filter = ("form", "status", "organisation")
    search_fields = ("title",)
    list_select_related = ("form", "organisation", "curator")
    list_export = (
        "title",
        "form",
        "organisation",
        "start_date",
        "end_date",
        "get_status_display",
        "curator",
    )
    export_filename = "programmes"
    edit_handler = form(
        [
            FieldPanel("organisation"),
            FieldPanel("title"),
            FieldRowPanel([FieldPanel("form"), FieldPanel("status")]),
            FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
            FieldRowPanel([FieldPanel("curator"), FieldPanel("max_mentees_per_mentor")]),
            FieldPanel("goals"),
        ]
    )
