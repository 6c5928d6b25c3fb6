"""Mentor training, incentive decisions and successful practices in the admin.

What the programme gives its mentors and what it passes on: the records a school reports
when it accounts for supporting and rewarding mentors.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from programmes.admin.base import ProgrammeModelAdmin, form
from programmes.models import Case, IncentiveDecision, MentorTraining


class MentorTrainingAdmin(ProgrammeModelAdmin):
    model = MentorTraining
    menu_label = _("Mentor training")
    menu_icon = "pick"
    menu_order = 140
    list_display = ("mentor", "course", "hours", "completed_on")
    search_fields = ("mentor__last_name", "course")
    list_select_related = ("mentor",)
    list_export = ("mentor", "course", "hours", "completed_on")
    export_filename = "mentor-training"
    inspect_view_fields_exclude = ("certificate",)
    edit_handler = form(
        [
            FieldPanel("mentor"),
            FieldPanel("course"),
            FieldRowPanel([FieldPanel("hours"), FieldPanel("completed_on")]),
            FieldPanel("certificate"),
        ]
    )


class IncentiveDecisionAdmin(ProgrammeModelAdmin):
    model = IncentiveDecision
    menu_label = _("Incentive decisions")
    menu_icon = "pick"
    menu_order = 150
    list_display = ("mentor", "kind", "amount", "status", "decided_on", "order")
    list_filter = ("kind", "status")
    search_fields = ("mentor__last_name", "grounds", "order__number")
    list_select_related = ("mentor", "order")
    list_export = (
        "mentor",
        "get_kind_display",
        "grounds",
        "amount",
        "get_status_display",
        "decided_by",
        "decided_on",
        "order",
    )
    export_filename = "incentives"
    edit_handler = form(
        [
            FieldPanel("mentor"),
            FieldRowPanel([FieldPanel("kind"), FieldPanel("amount")]),
            FieldPanel("grounds"),
            FieldRowPanel(
                [FieldPanel("status"), FieldPanel("decided_by"), FieldPanel("decided_on")]
            ),
            FieldPanel("order"),
        ]
    )


class CaseAdmin(ProgrammeModelAdmin):
    model = Case
    menu_label = _("Successful practices")
    menu_icon = "pick"
    menu_order = 170
    list_display = ("title", "programme", "is_published")
    list_filter = ("is_published", "programme")
    search_fields = ("title", "description")
    list_select_related = ("programme",)
    list_export = ("title", "programme", "description", "is_published")
    export_filename = "cases"
    inspect_view_fields_exclude = ("file",)
    edit_handler = form(
        [
            FieldPanel("organisation"),
            FieldPanel("title"),
            FieldRowPanel([FieldPanel("programme"), FieldPanel("pair")]),
            FieldPanel("description"),
            FieldPanel("file"),
            FieldPanel("is_published"),
        ]
    )
