"""Admin views of the section: roadmap import and the overdue events list."""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.permission_policies.pages import PagePermissionPolicy

from home.forms import RoadmapImportForm
from home.import_previews import ImportPreviews
from home.models import MentoringSectionPage, RoadmapEvent
from home.roadmap_import.errors import RoadmapImportError
from home.roadmap_import.preview import roadmap_preview
from home.selectors import overdue_events, upcoming_events
from home.services import roadmap_create, roadmap_read


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


class RoadmapImportAccess:
    """Only users who may add pages import roadmaps (editors and superusers)."""

    def dispatch(self, request, *args, **kwargs):
        if not user_can_import_roadmaps(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class RoadmapImportView(RoadmapImportAccess, RoadmapAdminView, FormView):
    """Step one: the file is read and kept as a preview; nothing is created yet."""

    page_title = gettext_lazy("Import a roadmap")
    header_icon = "upload"
    template_name = "home/admin/roadmap_import.html"
    form_class = RoadmapImportForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "sections": sections_for_import(self.request.user)}

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        try:
            draft = roadmap_read(
                file=upload,
                filename=upload.name,
                title=form.cleaned_data["title"],
                organisation=form.cleaned_data["organisation"],
                period_start=form.cleaned_data["period_start"],
                period_end=form.cleaned_data["period_end"],
            )
        except RoadmapImportError as error:
            form.add_error("file", str(error))
            return self.form_invalid(form)
        parent = form.cleaned_data["parent"]
        token = ImportPreviews(self.request.session).add(
            draft, parent_id=parent.pk if parent else None
        )
        return redirect(f"{reverse('home_roadmap_import_preview')}?{urlencode({'token': token})}")


class RoadmapImportPreviewView(RoadmapImportAccess, RoadmapAdminView, TemplateView):
    """Step two: the stages and events the file gives, merges and unread deadlines marked;
    «Создать черновик» creates the draft page, «Отменить» drops the preview."""

    page_title = gettext_lazy("Check the roadmap before import")
    header_icon = "upload"
    template_name = "home/admin/roadmap_import_preview.html"

    def get(self, request, *args, **kwargs):
        token = request.GET.get("token", "")
        stored = ImportPreviews(request.session).get(token)
        if stored is None:
            return self._stale()
        draft = stored.draft
        parent = self._parent(stored.parent_id)
        return self.render_to_response(
            self.get_context_data(
                token=token,
                draft=draft,
                parent=parent,
                preview=roadmap_preview(
                    draft.parsed, period_start=draft.period_start, period_end=draft.period_end
                ),
            )
        )

    def post(self, request, *args, **kwargs):
        token = request.POST.get("token", "")
        previews = ImportPreviews(request.session)
        stored = previews.get(token)
        if stored is None:
            return self._stale()
        if "cancel" in request.POST:
            previews.drop(token)
            messages.info(request, _("The import was cancelled; nothing was created."))
            return redirect("home_roadmap_import")
        parent = self._parent(stored.parent_id)
        if stored.parent_id is not None and parent is None:
            previews.drop(token)
            messages.error(
                request,
                _("You can no longer add pages to the chosen section. Upload the file again."),
            )
            return redirect("home_roadmap_import")
        page = roadmap_create(draft=stored.draft, parent=parent, user=request.user)
        previews.drop(token)
        events = RoadmapEvent.objects.filter(stage__page=page).count()
        messages.success(
            request,
            _(
                "Draft roadmap «%(title)s» created: %(stages)s stages, %(events)s events. Check it and publish."
            )
            % {"title": page.title, "stages": page.stages.count(), "events": events},
        )
        return redirect("wagtailadmin_pages:edit", page.pk)

    def _parent(self, parent_id):
        """The chosen section, if the user may still add pages under it."""
        if parent_id is None:
            return None
        return sections_for_import(self.request.user).filter(pk=parent_id).first()

    def _stale(self):
        messages.error(
            self.request,
            _(
                "This import preview is no longer available (it was used, cancelled or has "
                "expired). Upload the file again."
            ),
        )
        return redirect("home_roadmap_import")


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
