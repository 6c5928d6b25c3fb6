"""How a questionnaire page answers a visitor: who they are, the form, and after sending."""

from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from forms_app.public import ratelimit
from forms_app.public.consents import consent_required_redirect
from forms_app.public.respondents import people_list_refusal, resolve
from forms_app.services.questionnaires import AlreadyAnswered, has_answered, questionnaire_submit
from portal.client_address import client_address
from programmes.models import Meeting

SENT = "sent"


def _meeting(request):
    meeting_id = request.POST.get("meeting") or request.GET.get("meeting") or ""
    return (
        Meeting.objects.select_related("pair").filter(pk=meeting_id).first()
        if meeting_id.isdigit()
        else None
    )


def _render(page, request, template, **context):
    return TemplateResponse(request, template, {**page.get_context(request), **context})


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
    token = respondent.invitation.token if respondent.invitation else ""
    if request.method == "POST":
        if not ratelimit.submission_allowed(ip=client_address(request), invitation_token=token):
            form.is_valid()
            form.add_error(
                None,
                _(
                    "Too many attempts from your address. Wait a few minutes and send the form again."
                ),
            )
        elif form.is_valid():
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
