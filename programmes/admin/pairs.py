"""Pairs and groups in the admin, and the overdue ones as a list of their own.

A pair meets at least every two weeks; the pairs that have not are what a curator looks at
first each morning, so they get a menu item rather than a filter hidden in the pairs list.

A mentee's place in a pair (PairMentee) is created and ended by the pair's form; its own list
is where a curator corrects the dates of joining and leaving, with a reason for the history.
"""

from django.contrib.admin import display
from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages as wagtail_messages
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from programmes.admin.base import ProgrammeModelAdmin, form
from programmes.admin.downloads import DownloadButtonHelper, DownloadView
from programmes.admin.filters import HealthFilter, OverdueFilter
from programmes.admin.forms import MembershipAdminForm, PairAdminForm
from programmes.admin.grammar import RecordEditView
from programmes.admin.matching import user_can_match
from programmes.admin.permissions import OrganisationPermissionHelper
from programmes.documents.journal import journal_download
from programmes.models import Pair, PairMentee, PairStatus
from programmes.selectors.health import health_of, with_health
from programmes.selectors.journal import pair_journal
from programmes.selectors.pairs import overdue_q

JOURNAL_DOCX, JOURNAL_XLSX = "journal_docx", "journal_xlsx"


class JournalDocxView(DownloadView):
    def make_response(self):
        return journal_download(pair_journal(self.instance), "docx")


class JournalXlsxView(DownloadView):
    def make_response(self):
        return journal_download(pair_journal(self.instance), "xlsx")


class PairButtonHelper(DownloadButtonHelper):
    downloads = {
        JOURNAL_DOCX: _("Mentoring journal (DOCX)"),
        JOURNAL_XLSX: _("Mentoring journal (XLSX)"),
    }


class PairEditView(RecordEditView):
    """Terminating a pair offers its mentees a new mentor: the message leads to the matching,
    where they are back in the pool of the programme."""

    def form_valid(self, form):
        self.terminated_now = (
            form.cleaned_data.get("status") == PairStatus.TERMINATED
            and form.initial.get("status") != PairStatus.TERMINATED
        )
        return super().form_valid(form)

    def get_success_message_buttons(self, instance):
        buttons = super().get_success_message_buttons(instance)
        if getattr(self, "terminated_now", False) and user_can_match(self.request.user):
            url = reverse("programmes_matching", args=[instance.programme_id])
            buttons.append(wagtail_messages.button(url, gettext("Find the mentees a new mentor")))
        return buttons


class PairAdmin(ProgrammeModelAdmin):
    model = Pair
    edit_view_class = PairEditView
    menu_label = _("Pairs and groups")
    menu_icon = "link"
    menu_order = 20
    list_display = (
        "__str__",
        "mentees_display",
        "programme",
        "status",
        "start_date",
        "last_meeting_display",
        "health_display",
    )
    list_filter = ("status", HealthFilter, OverdueFilter, "programme", "programme__form")
    search_fields = ("mentor__last_name", "mentees__mentee__last_name", "order__number")
    list_select_related = ("mentor", "programme", "order")
    list_export = (
        "mentor",
        "mentees_display",
        "programme",
        "get_status_display",
        "start_date",
        "end_date",
        "order",
        "last_meeting_display",
        "health_display",
    )
    export_filename = "pairs"
    button_helper_class = PairButtonHelper
    instance_actions = {JOURNAL_DOCX: JournalDocxView, JOURNAL_XLSX: JournalXlsxView}
    inspect_view_fields = (
        "programme",
        "mentor",
        "mentees_summary",
        "start_date",
        "end_date",
        "status",
        "termination_reason",
        "order",
        "termination_order",
        "goals",
    )
    edit_handler = form(
        [
            FieldRowPanel([FieldPanel("programme"), FieldPanel("mentor")]),
            FieldPanel("mentees"),
            FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
            FieldRowPanel([FieldPanel("status"), FieldPanel("order")]),
            FieldRowPanel([FieldPanel("termination_order"), FieldPanel("termination_reason")]),
            FieldPanel("goals"),
        ],
        form_class=PairAdminForm,
    )

    def get_queryset(self, request):
        current = PairMentee.objects.filter(left_on__isnull=True).select_related("mentee")
        queryset = (
            super()
            .get_queryset(request)
            .prefetch_related(Prefetch("mentees", queryset=current, to_attr="current"))
        )
        return with_health(queryset)

    def get_extra_class_names_for_field_col(self, obj, field_name):
        if field_name == "last_meeting_display" and getattr(obj, "is_overdue", False):
            return ["overdue"]
        return []

    @display(description=_("Mentees"))
    def mentees_display(self, obj):
        return ", ".join(m.mentee.full_name for m in obj.current)

    @display(description=_("Health"))
    def health_display(self, obj):
        health = health_of(obj)
        return health.summary if health else None

    @display(description=_("Last meeting"))
    def last_meeting_display(self, obj):
        if obj.last_meeting_at is None:
            return "—"
        return timezone.localtime(obj.last_meeting_at).strftime("%d.%m.%Y")


class OverduePairAdmin(PairAdmin):
    """Active pairs without a meeting for over 14 days."""

    menu_label = _("Overdue pairs")
    menu_icon = "warning"
    menu_order = 30
    base_url_path = "programmes/overdue-pairs"
    list_filter = ("programme", "programme__form")
    export_filename = "overdue-pairs"

    def get_queryset(self, request):
        return super().get_queryset(request).filter(overdue_q(timezone.localdate()))


class MembershipPermissionHelper(OrganisationPermissionHelper):
    """Memberships come and go with the pair's form; here their dates are only corrected."""

    def user_can_create(self, user):
        return False

    def user_can_delete_obj(self, user, obj):
        return False


class PairMenteeAdmin(ProgrammeModelAdmin):
    model = PairMentee
    menu_label = _("Mentees in pairs")
    menu_icon = "user"
    menu_order = 35
    permission_helper_class = MembershipPermissionHelper
    list_display = ("mentee", "pair", "joined_on", "left_on", "left_reason")
    list_filter = ("pair__programme",)
    search_fields = ("mentee__last_name", "pair__mentor__last_name")
    list_select_related = ("mentee", "pair__mentor")
    list_export = ("mentee", "pair", "joined_on", "left_on", "left_reason")
    export_filename = "mentees-in-pairs"
    inspect_view_fields = ("pair", "mentee", "joined_on", "left_on", "left_reason")
    edit_handler = form(
        [
            FieldRowPanel([FieldPanel("joined_on"), FieldPanel("left_on")]),
            FieldPanel("left_reason"),
        ],
        form_class=MembershipAdminForm,
    )
