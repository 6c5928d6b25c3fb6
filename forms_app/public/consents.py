"""Giving a consent on a consent page, and sending a participant there when one is missing.

Who gives the consent:

- a signed-in participant (their account is linked to a participant record);
- the holder of a personal invitation link (`?invitation=<token>`) to this consent page:
  single-use, with an expiry; marked used when the consent is accepted;
- the holder of a questionnaire's invitation, passed along by `consent_required_redirect`
  together with `?next=` pointing at that questionnaire: it identifies the participant here,
  and stays the questionnaire's to use.

A minor's consent (the invitation says it is for the legal representative, or the date of
birth shows under 18) is given by the legal representative with their details and the
document confirming their authority: by the representative's personal link or on paper. A
minor signed in to their own account is told so, and offered no form: they cannot sign as
their own representative.

One consent of a kind is in force at a time: with one, the page says so instead of the form.
A consent given here on a text the editor has since changed may be given again on the new
text; the new one replaces the earlier (programmes.services.consents.consent_accept).
"""

import logging
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from forms_app.models import ConsentPage, Invitation
from forms_app.public.consent_forms import ConsentForm
from portal.client_address import client_address
from programmes.cabinet.selectors import participant_for_user
from programmes.models import (
    Consent,
    ConsentGiver,
    ConsentKind,
    ConsentSource,
    Participant,
)
from programmes.models.consents import DUPLICATE
from programmes.selectors.consents import participants_with_consent, valid_processing_consents
from programmes.services.consents import consent_accept

logger = logging.getLogger(__name__)

ACCEPTED = "accepted"
INVITATION = "invitation"
NEXT = "next"
TOKEN_MAX_LENGTH = 64


@dataclass(frozen=True)
class Refusal:
    title: str
    message: str
    sign_in: bool = False


@dataclass(frozen=True)
class ConsentGivingSubject:
    """Whose consent is given on this request, and how they were recognised."""

    participant: Participant
    representative: bool
    # The consent page's own invitation, marked used on acceptance; None otherwise.
    invitation: Invitation | None = None
    # A minor signed in to their own account: the consent is not theirs to give.
    signed_in_minor: bool = False


class _InvitationAlreadyUsed(Exception):
    pass


# --- the client ----------------------------------------------------------------------------


def safe_next(request) -> str | None:
    """The `next` of the query string, if it leads to this site."""
    target = request.GET.get(NEXT, "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return None


# --- who -----------------------------------------------------------------------------------


def _link_refusal(title: str) -> Refusal:
    return Refusal(title, _("Check the link or ask the curator of the programme for a new one."))


def _invitation_refusal(
    invitation: Invitation | None, *, page: ConsentPage, request
) -> Refusal | None:
    if invitation is None:
        return _link_refusal(_("The link is not valid"))
    passed_along = invitation.page_id != page.pk
    if passed_along and not _is_passed_along(invitation, request):
        return _link_refusal(_("The link is for another page"))
    if invitation.is_expired(timezone.now()):
        return _link_refusal(_("The link has expired"))
    if invitation.used_at and not (passed_along and _target_allows_reuse(invitation)):
        return Refusal(
            _("The link has already been used"),
            _(
                "A personal link works once. If you need to give the consent again, ask the curator for a new link."
            ),
        )
    return None


def _is_passed_along(invitation: Invitation, request) -> bool:
    """A questionnaire's invitation brought here by `consent_required_redirect`, going back."""
    target = safe_next(request)
    if not target or isinstance(invitation.page.specific, ConsentPage):
        return False
    page_url = invitation.page.get_url(request)
    return bool(page_url) and urlsplit(target).path == urlsplit(page_url).path


def _target_allows_reuse(invitation: Invitation) -> bool:
    return bool(getattr(invitation.page.specific, "allow_several_answers", False))


def resolve_subject(
    page: ConsentPage, request
) -> tuple[ConsentGivingSubject | None, Refusal | None]:
    """Whose consent this request gives, or why it may not."""
    token = request.GET.get(INVITATION, "")[:TOKEN_MAX_LENGTH]
    invitation = None
    if token:
        invitation = (
            Invitation.objects.select_related("participant", "page").filter(token=token).first()
        )
        refusal = _invitation_refusal(invitation, page=page, request=request)
        if refusal:
            return None, refusal
        participant = invitation.participant
    else:
        participant = participant_for_user(request.user)
        if participant is None:
            if request.user.is_authenticated:
                return None, Refusal(
                    _("This page is for participants of the programme"),
                    _(
                        "Your account is not linked to a participant of the mentoring programme. Use the personal link the curator sent you, or contact the curator."
                    ),
                )
            return None, Refusal(
                _("Sign in or use your personal link"),
                _(
                    "To give the consent, sign in with your account, or open the personal link the curator of the programme sent you (a parent gets a link of their own)."
                ),
                sign_in=True,
            )
    if participant.organisation_id != page.organisation_id:
        return None, Refusal(
            _("This consent is for another organisation"),
            _(
                "The consent on this page is given to another organisation. Contact the curator of your programme."
            ),
        )
    minor = participant.is_minor()
    representative = bool(invitation and invitation.for_representative) or minor
    own = invitation if invitation is not None and invitation.page_id == page.pk else None
    return ConsentGivingSubject(
        participant, representative, own, signed_in_minor=minor and invitation is None
    ), None


def _valid_consent(page: ConsentPage, participant: Participant) -> Consent | None:
    today = timezone.localdate()
    if page.kind == ConsentKind.PROCESSING:
        consents = valid_processing_consents(today)
    else:
        consents = Consent.objects.valid_on(today).filter(kind=page.kind)
    return consents.filter(participant=participant).order_by("-given_on").first()


# --- the page ------------------------------------------------------------------------------


def _render(page, request, template, status=200, **context):
    return TemplateResponse(
        request, template, {**page.get_context(request), **context}, status=status
    )


def serve_consent_page(page: ConsentPage, request) -> HttpResponse:
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    if request.GET.get(ACCEPTED):
        return _render(page, request, "forms_app/consent_page_accepted.html")
    posted = request.method == "POST"
    subject, refusal = resolve_subject(page, request)
    if refusal:
        return _render(
            page,
            request,
            "forms_app/consent_refusal.html",
            status=403 if posted else 200,
            refusal=refusal,
        )
    existing = _valid_consent(page, subject.participant)
    if existing is not None and not _text_changed_since(existing, page, subject):
        return _render(
            page,
            request,
            "forms_app/consent_already_given.html",
            consent=existing,
            next_url=safe_next(request),
        )

    if subject.signed_in_minor:
        # Nobody may sign as their own representative: the parent gives it by their own link
        # or on paper (see the template).
        return _render(
            page,
            request,
            "forms_app/consent_by_representative.html",
            status=403 if posted else 200,
            participant=subject.participant,
            next_url=safe_next(request),
        )
    form = ConsentForm(
        request.POST if posted else None,
        representative=subject.representative,
        agreement=page.agreement_label(representative=subject.representative),
        initial={"subject_name": subject.participant.full_name},
    )
    if posted and form.is_valid():
        try:
            _accept(page, request, subject, form, replaces=existing)
        except _InvitationAlreadyUsed:
            return _render(
                page,
                request,
                "forms_app/consent_refusal.html",
                status=403,
                refusal=Refusal(
                    _("The link has already been used"),
                    _(
                        "A personal link works once. If you need to give the consent again, ask the curator for a new link."
                    ),
                ),
            )
        except ValidationError as error:
            duplicate = _duplicate_of(error, subject.participant, page)
            if duplicate is not None:
                # Given meanwhile (another tab, the parent's link): the same answer as on opening.
                return _render(
                    page,
                    request,
                    "forms_app/consent_already_given.html",
                    consent=duplicate,
                    next_url=safe_next(request),
                )
            for field, errors in error.update_error_dict({}).items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(request, _("Thank you! Your consent has been received."))
            target = safe_next(request) or f"{page.get_url(request)}?{ACCEPTED}=1"
            return HttpResponseRedirect(target)
    return _render(
        page,
        request,
        "forms_app/consent_page.html",
        form=form,
        subject=subject,
        operator=page.organisation,
        sections=page.sections(),
        earlier_consent=existing,
    )


def _duplicate_of(error: ValidationError, participant, page) -> Consent | None:
    codes = [item.code for items in error.update_error_dict({}).values() for item in items]
    return _valid_consent(page, participant) if DUPLICATE in codes else None


def _text_changed_since(consent: Consent, page: ConsentPage, subject) -> bool:
    """A consent given here on a text the editor has since changed: the new version may be
    given (a new record; the earlier one stays). Paper consents keep no text to compare."""
    return consent.source == ConsentSource.WEB and consent.text != page.consent_text(
        representative=subject.representative
    )


def serve_consent_preview(page: ConsentPage, request) -> HttpResponse:
    """What a legal representative would see (every field), for the editor; nothing is sent."""
    form = ConsentForm(representative=True, agreement=page.agreement_label(representative=True))
    return _render(
        page,
        request,
        "forms_app/consent_page.html",
        form=form,
        subject=None,
        preview=True,
        operator=page.organisation,
        sections=page.sections(),
    )


def _accept(
    page: ConsentPage,
    request,
    subject: ConsentGivingSubject,
    form: ConsentForm,
    *,
    replaces: Consent | None,
) -> Consent:
    with transaction.atomic():
        if subject.invitation is not None:
            # Claimed in the same transaction: a link sent twice at once gives one consent.
            claimed = Invitation.objects.filter(
                pk=subject.invitation.pk, used_at__isnull=True
            ).update(used_at=timezone.now())
            if not claimed:
                raise _InvitationAlreadyUsed
        return consent_accept(
            participant=subject.participant,
            kind=page.kind,
            text=page.consent_text(representative=subject.representative),
            details=form.details(),
            given_by=ConsentGiver.REPRESENTATIVE
            if subject.representative
            else ConsentGiver.PARTICIPANT,
            ip=client_address(request),
            user_agent=request.META.get("HTTP_USER_AGENT", ""),
            user=request.user if request.user.is_authenticated else None,
            valid_until=page.valid_until,
            replaces=replaces,
        )


# --- for questionnaires --------------------------------------------------------------------


def consent_required_redirect(
    request, *, participant: Participant, organisation_id: int | None
) -> HttpResponse | None:
    """None when the participant has a valid consent to processing; else where to get one.

    A redirect to the organisation's live consent page for processing, with `?next=` back to
    this page (and the invitation token of this request passed along, so a participant who
    came by a personal link is recognised there). When the organisation has no such page, a
    page saying the consent is needed and the curator has to publish the consent page.
    """
    if participants_with_consent(timezone.localdate()).filter(pk=participant.pk).exists():
        return None
    organisation_id = organisation_id or participant.organisation_id
    page = (
        ConsentPage.objects.live()
        .filter(organisation_id=organisation_id, kind=ConsentKind.PROCESSING)
        .order_by("path")
        .first()
    )
    if page is None or not page.get_url(request):
        logger.warning("Organisation %s has no live consent page for processing", organisation_id)
        return TemplateResponse(request, "forms_app/consent_page_missing.html", {})
    params = {NEXT: request.get_full_path()}
    token = (request.GET.get(INVITATION) or request.POST.get(INVITATION) or "")[:TOKEN_MAX_LENGTH]
    if token:
        params[INVITATION] = token
    return HttpResponseRedirect(f"{page.get_url(request)}?{urlencode(params)}")
