"""How a questionnaire page answers a visitor: who they are, the form, and after sending."""

import datetime
import logging
import math

from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import ngettext

from forms_app.models import QuestionnaireKind
from forms_app.public import ratelimit
from forms_app.public.consents import consent_required_redirect
from forms_app.public.feedback import feedback_meeting_gate
from forms_app.public.respondents import people_list_refusal, resolve
from forms_app.services.questionnaires import AlreadyAnswered, has_answered, questionnaire_submit
from portal.client_address import client_address
from programmes.models import Meeting

logger = logging.getLogger(__name__)

SENT = "sent"


def _meeting(request):
    meeting_id = request.POST.get("meeting") or request.GET.get("meeting") or ""
    return (
        Meeting.objects.select_related("pair").filter(pk=meeting_id).first()
        if meeting_id.isdigit()
        else None
    )


def _render(page, request, template, status=200, **context):
    return TemplateResponse(
        request, template, {**page.get_context(request), **context}, status=status
    )


def _rate_limited(request, page, respondent, token) -> ratelimit.Refusal | None:
    address = client_address(request)
    refusal = ratelimit.check(
        ip=address,
        respondent=ratelimit.respondent_key(
            invitation_token=token,
            user_id=respondent.user.pk if respondent.user is not None else None,
        ),
    )
    if refusal is not None:
        # The link is not logged: it is a key to a child's answers.
        logger.warning(
            "Questionnaire answer refused by the per-%s limit: client %s, page %s",
            refusal.scope,
            address or "-",
            page.pk,
        )
    return refusal


def _refused(page, request, refusal: ratelimit.Refusal, *, form, token, meeting):
    """429: the answer was not sent, when to send it again, and the form as it was filled in."""
    until = timezone.now() + datetime.timedelta(seconds=refusal.retry_after)
    minutes = max(1, math.ceil(refusal.retry_after / 60))
    response = _render(
        page,
        request,
        page.get_template(request),
        status=429,
        form=form,
        invitation_token=token,
        meeting=meeting,
        refused=ngettext(
            "Too many forms have been sent from your address or with your link in the last "
            "minutes. Your answers are still in the form below: send it again after %(time)s "
            "(in %(minutes)d minute).",
            "Too many forms have been sent from your address or with your link in the last "
            "minutes. Your answers are still in the form below: send it again after %(time)s "
            "(in %(minutes)d minutes).",
            minutes,
        )
        % {"time": f"{timezone.localtime(until):%H:%M}", "minutes": minutes},
    )
    response["Retry-After"] = str(refusal.retry_after)
    return response


def serve_questionnaire(page, request):
    if request.GET.get(SENT):
        return _render(page, request, "forms_app/questionnaire_page_landing.html")
    respondent, refusal = resolve(request, page)
    if refusal:
        return _render(page, request, "forms_app/refusal.html", refusal=refusal)
    if request.method == "POST":
        form = page.get_form(request.POST, request.FILES, page=page, user=request.user)
    else:
        form = page.get_form(page=page, user=request.user)
    refusal = people_list_refusal(
        page, respondent, questions=form.questions, signed_in=request.user.is_authenticated
    )
    if refusal:
        return _render(page, request, "forms_app/refusal.html", refusal=refusal)
    if not page.allow_several_answers and has_answered(
        page=page, participant=respondent.participant
    ):
        return _render(page, request, "forms_app/already_answered.html")
    if page.requires_consent and respondent.participant is not None:
        to_consent = consent_required_redirect(
            request, participant=respondent.participant, organisation_id=page.organisation_id
        )
        if to_consent is not None:
            return to_consent
    meeting = _meeting(request)
    if page.kind == QuestionnaireKind.FEEDBACK:
        chooser, meeting = feedback_meeting_gate(
            page, request, respondent=respondent, meeting=meeting
        )
        if chooser is not None:
            return chooser
    token = respondent.invitation.token if respondent.invitation else ""
    if request.method == "POST":
        refusal = _rate_limited(request, page, respondent, token)
        if refusal is not None:
            return _refused(page, request, refusal, form=form, token=token, meeting=meeting)
        if form.is_valid():
            try:
                questionnaire_submit(
                    page=page,
                    cleaned_data=form.cleaned_data,
                    respondent=respondent,
                    meeting=meeting,
                    questions=form.questions,
                )
            except AlreadyAnswered:
                return _render(page, request, "forms_app/already_answered.html")
            except ValidationError as error:
                for message in error.messages:
                    form.add_error(None, message)
            else:
                return HttpResponseRedirect(f"{page.url}?{SENT}=1")
    return _render(
        page,
        request,
        page.get_template(request),
        form=form,
        invitation_token=token,
        meeting=meeting,
    )
