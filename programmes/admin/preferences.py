"""Whom participants chose after the group meeting, for the curator forming pairs."""

from django.contrib.admin import display
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from programmes.admin.base import ProgrammeModelAdmin, form, yes_no
from programmes.models import MatchPreference


class MatchPreferenceAdmin(ProgrammeModelAdmin):
    """Whom participants chose after the group meeting; mutual choices first to look at."""

    model = MatchPreference
    menu_label = _("Preferences")
    menu_icon = "resubmit"
    menu_order = 125
    list_display = ("participant", "preferred", "programme", "mutual_display", "stated_at")
    list_filter = ("programme",)
    search_fields = ("participant__last_name", "preferred__last_name")
    list_select_related = ("participant", "preferred", "programme")
    list_export = ("participant", "preferred", "programme", "mutual_display", "stated_at")
    export_filename = "preferences"
    edit_handler = form(
        [
            FieldPanel("participant"),
            FieldPanel("preferred"),
            FieldPanel("programme"),
            FieldPanel("reason"),
        ]
    )

    def get_queryset(self, request):
        mutual = MatchPreference.objects.filter(
            participant=OuterRef("preferred"), preferred=OuterRef("participant")
        )
        return super().get_queryset(request).annotate(mutual=Exists(mutual))

    @display(description=_("Mutual"))
    def mutual_display(self, obj):
        return yes_no(obj.mutual)
