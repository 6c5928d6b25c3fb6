"""Who is answering a form page, and whether they may: the page's access rule applied."""

from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from forms_app.models import Invitation, QuestionnaireAccess
from forms_app.models.questionnaires import PARTICIPANT_FIELD
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
    return _identify(request, page)


def people_list_refusal(
    page, respondent: Respondent, *, questions, signed_in: bool
) -> Refusal | None:
    """A «choice of a participant» question lists people by name: only for one of them.

    The names of the children who came to a group meeting, or of a programme's pupils, are
    personal data; the form that lists them opens only to someone on that same list.
    """
    if not any(field.field_type == PARTICIPANT_FIELD for field in questions):
        return None
    participant = respondent.participant
    if participant is not None and page.participant_choices().filter(pk=participant.pk).exists():
        return None
    if page.meeting_id:
        message = _("This questionnaire is for those who attended the meeting it is about.")
    else:
        message = _("This questionnaire is for the participants of the programme it is about.")
    return Refusal(
        _("This questionnaire is not for you"),
        message,
        sign_in=participant is None and not signed_in,
    )


def _identify(request, page) -> tuple[Respondent | None, Refusal | None]:
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
