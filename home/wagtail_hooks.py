"""Admin wiring of the section: roadmap menu, import and deadlines views, dashboard panel."""

from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.ui.components import Component

from home import views
from home.document_access import hide_refused_document
from home.selectors import overdue_events, upcoming_events

# Before Wagtail's own check, which sends the visitor to sign in and so tells the document exists.
hooks.register("before_serve_document", hide_refused_document, order=-1)


@hooks.register("register_admin_urls")
def register_roadmap_urls():
    return [
        path("roadmaps/import/", views.RoadmapImportView.as_view(), name="home_roadmap_import"),
        path(
            "roadmaps/import/preview/",
            views.RoadmapImportPreviewView.as_view(),
            name="home_roadmap_import_preview",
        ),
        path(
            "roadmaps/deadlines/",
            views.RoadmapDeadlinesView.as_view(),
            name="home_roadmap_deadlines",
        ),
    ]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return views.user_can_import_roadmaps(request.user)


class DeadlinesMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("home.view_roadmapevent")


roadmap_menu = Menu(
    register_hook_name="register_roadmap_menu_item",
    construct_hook_name="construct_roadmap_menu",
)


@hooks.register("register_roadmap_menu_item")
def register_deadlines_item():
    return DeadlinesMenuItem(
        _("Deadlines"), reverse("home_roadmap_deadlines"), icon_name="date", order=100
    )


@hooks.register("register_roadmap_menu_item")
def register_import_item():
    return ImportMenuItem(
        _("Import a roadmap"), reverse("home_roadmap_import"), icon_name="upload", order=200
    )


@hooks.register("register_admin_menu_item")
def register_roadmap_menu():
    return SubmenuMenuItem(_("Roadmaps"), roadmap_menu, icon_name="list-ol", order=250)


class RoadmapDeadlinesPanel(Component):
    """Dashboard panel: how many events are overdue and what is due this month."""

    name = "roadmap_deadlines"
    order = 50
    template_name = "home/admin/deadlines_panel.html"

    def get_context_data(self, parent_context=None):
        today = timezone.localdate()
        return {
            "overdue_count": overdue_events(today=today).count(),
            "upcoming": upcoming_events(today=today, days=30)[:10],
            "deadlines_url": reverse("home_roadmap_deadlines"),
        }


@hooks.register("construct_homepage_panels")
def add_deadlines_panel(request, panels):
    if request.user.has_perm("home.view_roadmapevent"):
        panels.insert(0, RoadmapDeadlinesPanel())
