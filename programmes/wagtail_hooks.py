"""Admin wiring of the programme: the «Наставничество» menu group, files, dashboard panel."""

from django.http import Http404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail_modeladmin.options import modeladmin_register

from programmes.admin.dashboard import ProgrammeSummaryPanel
from programmes.admin.files import protected_file
from programmes.admin.matching import matching_urls
from programmes.admin.menu import MentoringGroup
from programmes.history.admin import JournalMenuItem, journal_urls
from programmes.selectors.access import organisation_ids_for
from programmes.selectors.orders import generated_document_organisation

modeladmin_register(MentoringGroup)


@hooks.register("register_admin_urls")
def register_programme_urls():
    return [
        path("programmes/files/<slug:kind>/<int:pk>/", protected_file, name="programmes_file"),
        *journal_urls(),
        *matching_urls(),
    ]


@hooks.register("before_serve_document")
def serve_generated_documents_to_their_organisation(document, request):
    """An order or agreement is served only to the staff of its organisation (and superusers).

    The private collection lets every curator and auditor in; the organisation narrows it, and
    a refusal is «not found», like any document the visitor may not open.
    """
    organisation_id = generated_document_organisation(document)
    if organisation_id is None:
        return None
    user = request.user
    if user.is_superuser or (
        user.has_perm("programmes.view_order") and organisation_id in organisation_ids_for(user)
    ):
        return None
    raise Http404


@hooks.register("register_admin_menu_item")
def register_journal_menu_item():
    return JournalMenuItem(
        _("Change journal"), reverse("programmes_journal"), icon_name="history", order=300
    )


@hooks.register("construct_homepage_panels")
def add_summary_panel(request, panels):
    if request.user.has_perm("programmes.view_pair"):
        panels.insert(0, ProgrammeSummaryPanel(request.user))
