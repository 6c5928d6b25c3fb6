"""Individual development plans and their tasks in the admin: the curator's side of the plan.

The curator sets goals and tasks here, with a reason for each change kept in the history; the
pair's mentor does the same in the cabinet. The forms save through programmes.services.plans,
so both sides obey the same rules. A plan prints as DOCX from its inspect page.
"""

from django.contrib.admin import display
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from programmes.admin.base import ProgrammeModelAdmin, form
from programmes.admin.downloads import DownloadButtonHelper, DownloadView
from programmes.admin.forms import PlanAdminForm, PlanTaskAdminForm
from programmes.documents.plan import plan_download
from programmes.models import DevelopmentPlan, PairMentee, PlanTask
from programmes.selectors.plans import plan_membership, plan_sheet, progress_of

DOCUMENT = "document"


class PlanDocumentView(DownloadView):
    def make_response(self):
        membership = plan_membership(PairMentee.objects.all(), self.instance.membership_id)
        return plan_download(plan_sheet(membership))


class PlanButtonHelper(DownloadButtonHelper):
    downloads = {DOCUMENT: _("Download the plan (DOCX)")}


class DevelopmentPlanAdmin(ProgrammeModelAdmin):
    model = DevelopmentPlan
    menu_label = _("Development plans")
    menu_icon = "list-ol"
    menu_order = 36
    list_display = ("mentee_display", "pair_display", "progress_display")
    list_filter = ("membership__pair__programme",)
    search_fields = ("membership__mentee__last_name", "membership__pair__mentor__last_name")
    list_select_related = ("membership__mentee", "membership__pair__mentor")
    prefetch = ("tasks",)
    list_export = ("mentee_display", "pair_display", "goals", "progress_text")
    export_filename = "development-plans"
    inspect_view_fields = ("membership", "goals", "tasks_summary", "progress_summary")
    button_helper_class = PlanButtonHelper
    instance_actions = {DOCUMENT: PlanDocumentView}
    edit_handler = form([FieldPanel("membership"), FieldPanel("goals")], form_class=PlanAdminForm)

    @display(description=_("Mentee"), ordering="membership__mentee__last_name")
    def mentee_display(self, obj):
        return obj.membership.mentee.full_name

    @display(description=_("Pair or group"))
    def pair_display(self, obj):
        return str(obj.membership.pair)

    def _progress(self, obj):
        return progress_of([task.status for task in obj.tasks.all()])

    @display(description=_("Tasks done"))
    def progress_text(self, obj):
        progress = self._progress(obj)
        return _("%(done)s of %(counted)s") % {"done": progress.done, "counted": progress.counted}

    @display(description=_("Tasks done"))
    def progress_display(self, obj):
        progress = self._progress(obj)
        # The bar is the rect's width attribute: the CSP forbids inline styles.
        return format_html(
            '{} <svg class="progress-bar" viewBox="0 0 100 8" preserveAspectRatio="none" '
            'aria-hidden="true" focusable="false"><rect class="progress-bar__track" '
            'width="100" height="8"/><rect class="progress-bar__done" width="{}" height="8"/>'
            "</svg>",
            self.progress_text(obj),
            progress.percent,
        )


class PlanTaskAdmin(ProgrammeModelAdmin):
    model = PlanTask
    menu_label = _("Plan tasks")
    menu_icon = "tasks"
    menu_order = 37
    list_display = ("title", "plan", "deadline", "status", "completed_on")
    list_filter = ("status", "plan__membership__pair__programme")
    search_fields = ("title", "plan__membership__mentee__last_name")
    list_select_related = ("plan__membership__mentee", "plan__membership__pair__mentor")
    list_export = ("plan", "title", "deadline", "get_status_display", "completed_on", "result")
    export_filename = "plan-tasks"
    inspect_view_fields = ("plan", "title", "deadline", "status", "completed_on", "result")
    edit_handler = form(
        [
            FieldPanel("plan"),
            FieldPanel("title"),
            FieldRowPanel(
                [FieldPanel("deadline"), FieldPanel("status"), FieldPanel("completed_on")]
            ),
            FieldPanel("result"),
        ],
        form_class=PlanTaskAdminForm,
    )
