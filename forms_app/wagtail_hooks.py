"""Admin wiring of the questionnaires: default questions, invitations menu."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail_modeladmin.options import modeladmin_register

from forms_app.admin import invitations
from forms_app.defaults import add_default_questions
from forms_app.models import QuestionnairePage

modeladmin_register(invitations.InvitationAdmin)


@hooks.register("after_create_page")
def give_default_questions(request, page):
    """A new questionnaire starts with its kind's questions, kept in a fresh draft."""
    if isinstance(page.specific, QuestionnairePage) and add_default_questions(page.specific):
        QuestionnairePage.objects.get(pk=page.pk).save_revision(user=request.user, log_action=True)


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
