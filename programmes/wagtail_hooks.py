"""Admin wiring of the programme: the «Наставничество» menu group, files, dashboard panel."""

from django.urls import path
from wagtail import hooks
from wagtail_modeladmin.options import modeladmin_register

from programmes.admin.dashboard import ProgrammeSummaryPanel
from programmes.admin.files import protected_file
from programmes.admin.modeladmins import MentoringGroup

modeladmin_register(MentoringGroup)


@hooks.register("register_admin_urls")
def register_file_urls():
    return [path("programmes/files/<slug:kind>/<int:pk>/", protected_file, name="programmes_file")]


@hooks.register("construct_homepage_panels")
def add_summary_panel(request, panels):
    if request.user.has_perm("programmes.view_pair"):
        panels.insert(0, ProgrammeSummaryPanel(request.user))
