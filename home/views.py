"""Admin views of the section: roadmap import and the overdue events list."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.permission_policies.pages import PagePermissionPolicy

from home.forms import RoadmapImportForm
from home.models import MentoringSectionPage, RoadmapEvent
from home.roadmap_import.errors import RoadmapImportError
from home.selectors import overdue_events, upcoming_events
from home.services import roadmap_import


def user_can_import_roadmaps(user) -> bool:
    return PagePermissionPolicy().user_has_permission(user, "add")


def sections_for_import(user):
    """Sections under which the user may add a page."""
    allowed = [
        section.pk
        for section in MentoringSectionPage.objects.order_by("path")
        if section.permissions_for_user(user).can_add_subpage()
    ]
    return MentoringSectionPage.objects.filter(pk__in=allowed).order_by("path")


class RoadmapAdminView(WagtailAdminTemplateMixin):
    """Wagtail's admin furniture with the view's own title as the last breadcrumb."""

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]


class RoadmapImportView(RoadmapAdminView, FormView):
    page_title = gettext_lazy("Import a roadmap")
    header_icon = "upload"
    template_name = "home/admin/roadmap_import.html"
    form_class = RoadmapImportForm

    def dispatch(self, request, *args, **kwargs):
        if not user_can_import_roadmaps(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "sections": sections_for_import(self.request.user)}

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        try:
            page = roadmap_import(
                file=upload,
                filename=upload.name,
                parent=form.cleaned_data["parent"],
                user=self.request.user,
                title=form.cleaned_data["title"],
                organisation=form.cleaned_data["organisation"],
                period_start=form.cleaned_data["period_start"],
                period_end=form.cleaned_data["period_end"],
            )
        except RoadmapImportError as error:
            form.add_error("file", str(error))
            return self.form_invalid(form)
        events = RoadmapEvent.objects.filter(stage__page=page).count()
        messages.success(
            self.request,
            _(
                "Draft roadmap «%(title)s» created: %(stages)s stages, %(events)s events. Check it and publish."
            )
            % {"title": page.title, "stages": page.stages.count(), "events": events},
        )
        return redirect("wagtailadmin_pages:edit", page.pk)


class RoadmapDeadlinesView(RoadmapAdminView, TemplateView):
    """Overdue and upcoming roadmap events, for editors and curators to act on."""

    page_title = gettext_lazy("Roadmap deadlines")
    header_icon = "date"
    template_name = "home/admin/roadmap_deadlines.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("home.view_roadmapevent"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        return super().get_context_data(
            today=today,
            overdue=[(event, event.deadline_end) for event in overdue_events(today=today)],
            upcoming=upcoming_events(today=today, days=30),
            **kwargs,
        )
