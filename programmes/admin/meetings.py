"""Meetings and the feedback on them in the admin: the evidence that the pairs work."""

from django.contrib.admin import display
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from programmes.admin.base import ProgrammeModelAdmin, form
from programmes.admin.forms import MeetingAdminForm
from programmes.models import Feedback, Meeting


class MeetingAdmin(ProgrammeModelAdmin):
    model = Meeting
    menu_label = _("Meetings")
    menu_icon = "date"
    menu_order = 40
    list_display = (
        "held_at_display",
        "status",
        "programme",
        "pair",
        "kind",
        "format",
        "topic",
        "feedback_count",
    )
    list_filter = ("status", "kind", "format", "programme")
    search_fields = ("topic", "pair__mentor__last_name")
    list_select_related = ("programme", "pair__mentor")
    list_export = (
        "held_at_display",
        "get_status_display",
        "programme",
        "pair",
        "get_kind_display",
        "get_format_display",
        "topic",
        "outcome",
        "feedback_count",
    )
    export_filename = "meetings"
    edit_handler = form(
        [
            FieldRowPanel([FieldPanel("programme"), FieldPanel("pair")]),
            FieldRowPanel([FieldPanel("kind"), FieldPanel("format")]),
            FieldRowPanel([FieldPanel("status"), FieldPanel("held_at")]),
            FieldPanel("topic"),
            FieldPanel("outcome"),
            FieldPanel("attendees"),
        ],
        form_class=MeetingAdminForm,
    )

    def get_queryset(self, request):
        # Counted per meeting shown (a subquery on the feedback's meeting index), not by a
        # GROUP BY over every meeting before the first page is cut.
        feedback = (
            Feedback.objects.filter(meeting=OuterRef("pk"))
            .order_by()
            .values("meeting")
            .annotate(total=Count("pk"))
            .values("total")
        )
        return (
            super().get_queryset(request).annotate(feedback_total=Coalesce(Subquery(feedback), 0))
        )

    @display(description=_("Date and time"), ordering="held_at")
    def held_at_display(self, obj):
        return timezone.localtime(obj.held_at).strftime("%d.%m.%Y %H:%M")

    @display(description=_("Feedback"))
    def feedback_count(self, obj):
        return obj.feedback_total


class FeedbackAdmin(ProgrammeModelAdmin):
    model = Feedback
    menu_label = _("Feedback")
    menu_icon = "comment"
    menu_order = 50
    list_display = ("meeting", "author", "rating", "submitted_at")
    list_filter = ("rating",)
    search_fields = ("author__last_name", "comment")
    list_select_related = ("meeting", "author")
    list_export = ("meeting", "author", "rating", "suits", "comment", "submitted_at")
    export_filename = "feedback"
    edit_handler = form(
        [FieldPanel("meeting"), FieldPanel("author"), FieldPanel("rating"), FieldPanel("comment")]
    )
