"""Admin wiring of the questionnaires: the kind of a new one, reports, invitations menu."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Page
from wagtail_modeladmin.options import modeladmin_register

from forms_app.admin import invitations, submissions
from forms_app.admin.new_questionnaire import choose_kind_first
from forms_app.models import QuestionnairePage
from forms_app.reports.views import report_urls
from programmes.selectors.access import organisation_ids_for

modeladmin_register(invitations.InvitationAdmin)


hooks.register("before_create_page", choose_kind_first)


@hooks.register("register_admin_urls")
def register_report_urls():
    return report_urls()


# Before Wagtail's own: the deletion of answers at Wagtail's path also writes who and how many.
@hooks.register("register_admin_urls", order=-1)
def register_submission_urls():
    return submissions.delete_submissions_urls()


@hooks.register("filter_form_submissions_for_user")
def let_programme_staff_read_their_questionnaires(user, editable_forms):
    """Curators and auditors read the answers of their organisations' questionnaires.

    Wagtail shows answers to those who may edit the page; the people who run and audit the
    programme need them too. Deleting answers still needs the right to edit the page.
    """
    if user.is_superuser or not user.has_perm("forms_app.view_questionnairesubmission"):
        return editable_forms
    own = QuestionnairePage.objects.filter(organisation__in=organisation_ids_for(user)).values("pk")
    return (editable_forms | Page.objects.filter(pk__in=own)).distinct()


@hooks.register("register_admin_urls")
def register_invitation_urls():
    return [
        path(
            "invitations/new/",
            invitations.InvitationBatchCreateView.as_view(),
            name="forms_app_invitation_create",
        ),
        path(
            "invitations/batch/",
            invitations.InvitationBatchView.as_view(),
            name="forms_app_invitation_batch",
        ),
        path(
            "invitations/batch/print/",
            invitations.InvitationBatchPrintView.as_view(),
            name="forms_app_invitation_batch_print",
        ),
        path(
            "invitations/batch/xlsx/",
            invitations.InvitationBatchXlsxView.as_view(),
            name="forms_app_invitation_batch_xlsx",
        ),
    ]


class CreateInvitationsMenuItem(MenuItem):
    def is_shown(self, request):
        return invitations.can_invite(request.user)


@hooks.register("register_admin_menu_item")
def register_create_invitations_menu_item():
    return CreateInvitationsMenuItem(
        _("Create invitations"), reverse("forms_app_invitation_create"), icon_name="mail", order=260
    )
