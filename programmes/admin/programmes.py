"""Programmes in the admin: the record every pair, meeting and report hangs from."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from programmes.admin.base import ProgrammeModelAdmin, form
from programmes.models import Programme


class ProgrammeAdmin(ProgrammeModelAdmin):
    model = Programme
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
