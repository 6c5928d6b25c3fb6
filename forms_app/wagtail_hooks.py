"""Admin wiring of the questionnaires: the kind of a new one, reports, invitations menu."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Page
from wagtail_modeladmin.options import modeladmin_register

from forms_app.admin import invitations, questionnaires, submissions
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


# Before Wagtail's own: the list of forms for those who read answers without editing pages.
@hooks.register("register_admin_urls", order=-1)
def register_questionnaire_list_urls():
    return questionnaires.questionnaire_list_urls()


@hooks.register("filter_form_submissions_for_user")
def answers_only_for_the_staff_of_the_organisation(user, editable_forms):
    """Answers are read by the curators and auditors of the page's organisation.

    Wagtail's own rule («may edit the page, may read its answers») would show every school's
    answers, children's personal data, to any editor of the site. Editing a questionnaire and
    reading what pupils answered are different rights: editors keep the first, the programme's
    staff get the second for their own organisations only, and the superuser sees all.
    Deleting answers also needs the right to edit the page (QuestionnaireDeleteSubmissionsView).
    """
    if user.is_superuser:
        return editable_forms
    if not user.has_perm("forms_app.view_questionnairesubmission"):
        return Page.objects.none()
    own = QuestionnairePage.objects.filter(organisation__in=organisation_ids_for(user))
    return Page.objects.filter(pk__in=own.values("pk"))


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
