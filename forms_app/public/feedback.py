"""The feedback questionnaire is about one meeting: which one, settled before the form shows.

Opened without a meeting (or with one that is not the respondent's, or not held yet, or
already answered), the page explains that feedback is given about a particular meeting and
lists the respondent's own meetings that have taken place, each a link that opens the form
for it. Everything `programmes.services.feedback.feedback_submit` would refuse for a reason
known in advance is thus refused here, before anything is filled in.
"""

from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from forms_app.public.respondents import Refusal
from forms_app.services.questionnaires import Respondent
from programmes.models import Meeting
from programmes.selectors.feedback import participant_meetings_for_feedback

# The latest meetings are the ones feedback is asked for; older ones stay in the cabinet.
LISTED_MEETINGS = 30

UNKNOWN = "unknown"
ANSWERED = "answered"


def feedback_meeting_gate(
    page, request, *, respondent: Respondent, meeting: Meeting | None
) -> tuple[HttpResponse | None, Meeting | None]:
    """(None, the meeting) when the form may be shown for it; else (the page to show, None)."""
    participant = respondent.participant
    if participant is None:
        refusal = Refusal(
            _("Sign in to give feedback on a meeting"),
            _(
                "Feedback is given about a particular meeting by those who took part in it. Sign in with your account, or open the personal link the curator sent you, to choose the meeting."
            ),
            sign_in=not request.user.is_authenticated,
        )
        return _render(page, request, "forms_app/refusal.html", refusal=refusal), None
    meetings = participant_meetings_for_feedback(participant)
    asked = bool(request.POST.get("meeting") or request.GET.get("meeting"))
    problem = UNKNOWN if asked and meeting is None else None
    if meeting is not None:
        own = meetings.filter(pk=meeting.pk).first()
        if own is None:
            problem = UNKNOWN
        elif own.feedback_given:
            problem = ANSWERED
        else:
            return None, own
    token = respondent.invitation.token if respondent.invitation else ""
    listed = list(meetings[: LISTED_MEETINGS + 1])
    response = _render(
        page,
        request,
        "forms_app/feedback_choose_meeting.html",
        meetings=listed[:LISTED_MEETINGS],
        more=len(listed) > LISTED_MEETINGS,
        problem=problem,
        chosen=meeting,
        invitation_token=token,
    )
    return response, None


def _render(page, request, template, **context):
    return TemplateResponse(request, template, {**page.get_context(request), **context})
