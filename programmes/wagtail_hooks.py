"""Admin wiring of the programme: the «Наставничество» menu group, files, dashboard panel."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail_modeladmin.options import modeladmin_register

from programmes.admin.dashboard import ProgrammeSummaryPanel
from programmes.admin.files import protected_file
from programmes.admin.matching import matching_urls
from programmes.admin.menu import MentoringGroup
from programmes.history.admin import JournalMenuItem, journal_urls

modeladmin_register(MentoringGroup)


@hooks.register("register_admin_urls")
def register_programme_urls():
    return [
        path("programmes/files/<slug:kind>/<int:pk>/", protected_file, name="programmes_file"),
        *journal_urls(),
        *matching_urls(),
    ]


@hooks.register("register_admin_menu_item")
def register_journal_menu_item():
    return JournalMenuItem(
        _("Change journal"), reverse("programmes_journal"), icon_name="history", order=300
    )


@hooks.register("construct_homepage_panels")
def add_summary_panel(request, panels):
    if request.user.has_perm("programmes.view_pair"):
        panels.insert(0, ProgrammeSummaryPanel(request.user))
