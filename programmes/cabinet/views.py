from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from programmes.cabinet.forms import (
    RATING_CHOICES,
    FeedbackForm,
    MeetingHeldForm,
    with_suits_question,
)
from programmes.cabinet.selectors import (
    cabinet_consents,
    cabinet_pairs,
    meeting_people,
    meetings_for,
    meetings_led_by,
    participant_for_user,
)
from programmes.models import OPEN_PAIR_STATUSES, Consent, ConsentKind, Feedback, Pair
from programmes.services.consents import consent_withdraw
from programmes.services.feedback import (
    asks_whether_suited,
    feedback_submit,
    is_already_given,
)
from programmes.services.meetings import meeting_mark_held

# Stored in the records' history, so in the records' language.
CABINET_WITHDRAWAL_REASON = "Согласие отозвано участником в личном кабинете"
CABINET_HELD_REASON = "Встреча отмечена проведённой наставником в личном кабинете"


@login_required
@require_http_methods(["GET", "HEAD"])
def overview(request: HttpRequest) -> HttpResponse:
    participant = participant_for_user(request.user)
    if participant is None:
        return render(request, "programmes/cabinet/not_linked.html")
    pairs = cabinet_pairs(participant=participant)
    return render(
        request,
        "programmes/cabinet/overview.html",
        {
            "participant": participant,
            "organisation": participant.organisation,
            "pairs": pairs,
            "feedback_due": sum(pair.feedback_due_count for pair in pairs),
            "consents": cabinet_consents(participant=participant),
        },
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def feedback(request: HttpRequest, pk: int) -> HttpResponse:
    participant = participant_for_user(request.user)
    if participant is None:
        # Staff without a participant record have no meetings of their own either.
        raise Http404
    meeting = get_object_or_404(
        meetings_for(participant=participant).select_related("programme", "pair__mentor"),
        pk=pk,
    )
    given = Feedback.objects.filter(meeting=meeting, author=participant).first()
    if given is not None and request.method == "POST":
        messages.warning(request, _("You have already given feedback on this meeting."))
        return redirect("cabinet:overview")
    is_held = meeting.is_held

    form = None
    if given is None and is_held:
        form = FeedbackForm(request.POST if request.method == "POST" else None)
        if asks_whether_suited(meeting):
            form = with_suits_question(form)
        if form.is_valid():
            try:
                feedback_submit(
                    meeting=meeting,
                    author=participant,
                    rating=form.cleaned_data["rating"],
                    comment=form.cleaned_data["comment"],
                    suits=form.cleaned_data.get("suits"),
                    user=request.user,
                )
            except ValidationError as error:
                if is_already_given(error):
                    messages.warning(request, error.messages[0])
                    return redirect("cabinet:overview")
                add_errors(form, error)
            else:
                messages.success(request, _("Thank you! Your feedback has been saved."))
                return redirect("cabinet:overview")

    return render(
        request,
        "programmes/cabinet/feedback.html",
        {
            "meeting": meeting,
            "form": form,
            "given": given,
            "given_label": dict(RATING_CHOICES).get(given.rating) if given else None,
            "is_held": is_held,
        },
        # A POST that was refused is answered with the form and its errors.
        status=400 if request.method == "POST" and form is None else 200,
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def meeting_held(request: HttpRequest, pk: int) -> HttpResponse:
    """The mentor marks a planned meeting of their pair or group held, with who came."""
    participant = participant_for_user(request.user)
    if participant is None:
        raise Http404
    meeting = get_object_or_404(
        meetings_led_by(participant=participant).select_related("programme", "pair__mentor"),
        pk=pk,
    )
    if meeting.is_held:
        messages.info(request, _("This meeting is already marked as held."))
        return redirect("cabinet:overview")
    people = meeting_people(meeting)
    form = MeetingHeldForm(
        request.POST if request.method == "POST" else None,
        people=people,
        initial={"held_at": meeting.held_at, "attendees": list(people)},
    )
    if form.is_valid():
        try:
            meeting_mark_held(
                meeting=meeting,
                outcome=form.cleaned_data["outcome"],
                held_at=form.cleaned_data["held_at"],
                attendees=list(form.cleaned_data["attendees"]),
                user=request.user,
                reason=CABINET_HELD_REASON,
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The meeting is marked as held. Thank you!"))
            return redirect("cabinet:overview")
    return render(
        request,
        "programmes/cabinet/meeting_held.html",
        {"meeting": meeting, "form": form},
        status=400 if request.method == "POST" else 200,
    )


def add_errors(form, error: ValidationError) -> None:
    """Put the service's refusal on the form: on a field it has, or above the form."""
    for field, errors in error.update_error_dict({}).items():
        form.add_error(field if field in form.fields else None, errors)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def consent_withdrawal(request: HttpRequest, pk: int) -> HttpResponse:
    """Confirm, then withdraw one of the participant's own consents (POST, then redirect)."""
    participant = participant_for_user(request.user)
    if participant is None:
        raise Http404
    consent = get_object_or_404(Consent.objects.filter(participant=participant), pk=pk)
    if consent.withdrawn_on is not None:
        messages.info(
            request,
            _("This consent was already withdrawn on %(date)s.")
            % {"date": consent.withdrawn_on.strftime("%d.%m.%Y")},
        )
        return redirect("cabinet:overview")
    is_processing = consent.kind == ConsentKind.PROCESSING
    if request.method == "POST":
        try:
            consent_withdraw(consent=consent, user=request.user, reason=CABINET_WITHDRAWAL_REASON)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("cabinet:overview")
        if is_processing:
            messages.success(
                request,
                _(
                    "Your consent has been withdrawn. The curator has been told; unless you give a new consent, your personal data will be erased within 30 days."
                ),
            )
        else:
            messages.success(
                request,
                _(
                    "Your consent has been withdrawn. The curator has been told to stop publishing your personal data."
                ),
            )
        return redirect("cabinet:overview")
    open_pairs = (
        Pair.objects.filter(status__in=OPEN_PAIR_STATUSES)
        .filter(
            Q(mentor=participant) | Q(mentees__mentee=participant, mentees__left_on__isnull=True)
        )
        .distinct()
        .count()
        if is_processing
        else 0
    )
    return render(
        request,
        "programmes/cabinet/consent_withdrawal.html",
        {"consent": consent, "is_processing": is_processing, "open_pairs": open_pairs},
    )
