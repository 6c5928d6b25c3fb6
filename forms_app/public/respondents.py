"""Who is answering a form page, and whether they may: the page's access rule applied."""

from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from forms_app.models import Invitation, QuestionnaireAccess
from forms_app.services.questionnaires import Respondent
from portal.client_address import client_address


@dataclass(frozen=True)
class Refusal:
    title: str
    message: str
    sign_in: bool = False


def invitation_refusal(invitation: Invitation | None, *, page, allow_reuse: bool) -> Refusal | None:
    if invitation is None or invitation.page_id != page.pk:
        return Refusal(
            _("The link is not valid"), _("Check the link or ask the curator for a new one.")
        )
    if invitation.is_expired(timezone.now()):
        return Refusal(_("The link has expired"), _("Ask the curator for a new link."))
    if invitation.used_at and not allow_reuse:
        return Refusal(
            _("The link has already been used"), _("The answer was received; a link works once.")
        )
    return None


def resolve(request, page) -> tuple[Respondent | None, Refusal | None]:
    """The respondent for this request, or why they may not answer."""
    ip = client_address(request)
    agent = request.META.get("HTTP_USER_AGENT", "")
    if page.access == QuestionnaireAccess.ANYONE:
        return Respondent(), None
    if page.access == QuestionnaireAccess.INVITATION:
        token = request.POST.get("invitation") or request.GET.get("invitation") or ""
        invitation = (
            Invitation.objects.select_related("participant").filter(token=token[:64]).first()
            if token
            else None
        )
        refusal = invitation_refusal(invitation, page=page, allow_reuse=page.allow_several_answers)
        if refusal:
            return None, refusal
        return Respondent(
            participant=invitation.participant,
            invitation=invitation,
            ip_address=ip,
            user_agent=agent,
        ), None
    user = request.user
    participant = getattr(user, "participant", None) if user.is_authenticated else None
    if participant is None:
        return None, Refusal(
            _("Sign in to answer"),
            _(
                "This questionnaire is for participants of the mentoring programme. Sign in with your account."
            ),
            sign_in=user.is_anonymous,
        )
    return Respondent(participant=participant, user=user, ip_address=ip, user_agent=agent), None
