"""Accepting a questionnaire answer and feeding what it says into the programme's records.

The answer, the records it feeds and their history are written in one transaction: all or
nothing. The curator's notification goes after the commit, so a failing mail server can
neither lose nor duplicate an answer.
"""

import datetime
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import connection, models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from forms_app.models import (
    FieldMapping,
    Invitation,
    QuestionnaireKind,
    QuestionnairePage,
    QuestionnaireSubmission,
)
from portal.base_url import portal_base_url
from programmes.models import Meeting, Participant
from programmes.services.feedback import feedback_submit
from programmes.services.participants import participant_update_from_answers
from programmes.services.preferences import preference_state

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Respondent:
    """Who answers: a participant (signed in or by invitation), or nobody for anonymous pages."""

    participant: Participant | None = None
    user: object = None
    invitation: Invitation | None = None
    ip_address: str | None = None
    user_agent: str = ""


class AlreadyAnswered(Exception):
    pass


def has_answered(*, page: QuestionnairePage, participant: Participant | None) -> bool:
    return (
        participant is not None
        and QuestionnaireSubmission.objects.filter(page=page, participant=participant).exists()
    )


def _json_ready(cleaned_data: dict) -> dict:
    ready = {}
    for name, value in cleaned_data.items():
        if isinstance(value, models.Model):
            value = value.pk
        elif isinstance(value, datetime.date):
            value = value.isoformat()
        ready[name] = value
    return ready


def _mapped_answers(questions: Iterable, cleaned_data: dict) -> dict[str, object]:
    return {
        field.maps_to: cleaned_data.get(field.clean_name)
        for field in questions
        if field.maps_to and field.clean_name in cleaned_data
    }


@transaction.atomic
def questionnaire_submit(
    *,
    page: QuestionnairePage,
    cleaned_data: dict,
    respondent: Respondent,
    meeting: Meeting | None = None,
    questions: Sequence | None = None,
) -> QuestionnaireSubmission:
    """Save the answer and feed the records it maps to.

    `questions` are the page's form fields when the caller has read them already (the form
    was built from them); otherwise they are read here.
    """
    participant = respondent.participant
    if participant is not None:
        # Serialises concurrent answers of one participant (a double click, two tabs), and
        # the answer updates the row as it is now. SQLite has no row locks: its immediate
        # transactions already let one writer in at a time.
        if connection.features.has_select_for_update:
            participant = Participant.objects.select_for_update().get(pk=participant.pk)
            respondent = replace(respondent, participant=participant)
        if not page.allow_several_answers and has_answered(page=page, participant=participant):
            raise AlreadyAnswered
    questions = page.get_form_fields() if questions is None else questions
    answers = _mapped_answers(questions, cleaned_data)
    updatable = {field.maps_to for field in questions if field.maps_to and field.updates_known}
    participant = (
        _feed(
            page=page,
            answers=answers,
            updatable=updatable,
            respondent=respondent,
            meeting=meeting,
        )
        or participant
    )
    anonymous = page.is_anonymous
    submission = QuestionnaireSubmission.objects.create(
        page=page,
        form_data=_json_ready(cleaned_data),
        participant=None if anonymous else participant,
        user=None
        if anonymous or not getattr(respondent.user, "is_authenticated", False)
        else respondent.user,
        page_revision_id=page.live_revision_id,
        invitation=None if anonymous else respondent.invitation,
        ip_address=None if anonymous else respondent.ip_address,
        user_agent="" if anonymous else respondent.user_agent[:500],
    )
    if respondent.invitation and not page.allow_several_answers:
        respondent.invitation.used_at = timezone.now()
        respondent.invitation.save(update_fields=["used_at"])
    transaction.on_commit(lambda: notify_curator(page=page, submission_id=submission.pk))
    return submission


def _feed(*, page, answers, updatable, respondent: Respondent, meeting) -> Participant | None:
    if page.kind in (QuestionnaireKind.MENTEE, QuestionnaireKind.MENTOR):
        return _feed_base(page=page, answers=answers, updatable=updatable, respondent=respondent)
    if page.kind == QuestionnaireKind.FEEDBACK:
        _feed_feedback(answers=answers, respondent=respondent, meeting=meeting)
    if page.kind == QuestionnaireKind.PREFERENCE:
        _feed_preference(page=page, answers=answers, respondent=respondent)
    return None


def _feed_preference(*, page, answers, respondent: Respondent) -> None:
    preferred = answers.get(FieldMapping.PREFERRED_PARTICIPANT)
    if preferred is None:
        return
    if respondent.participant is None:
        raise ValidationError(
            _("Preferences are given by participants: sign in or use your invitation link.")
        )
    programme_id = page.programme_id or (page.meeting.programme_id if page.meeting_id else None)
    preference_state(
        participant=respondent.participant,
        preferred=preferred,
        programme_id=programme_id,
        user=respondent.user,
    )


def _feed_base(*, page, answers, updatable, respondent: Respondent) -> Participant:
    """Create or update the participant of the mentee or mentor base from the mapped answers."""
    if respondent.participant is None and not page.organisation_id:
        raise ValidationError(
            _("The questionnaire is not linked to an organisation; tell the curator.")
        )
    return participant_update_from_answers(
        participant=respondent.participant,
        organisation_id=page.organisation_id,
        as_mentee=page.kind == QuestionnaireKind.MENTEE,
        answers=answers,
        updatable=updatable,
        user=respondent.user,
        reason=_("Questionnaire «%(title)s»") % {"title": page.title},
    )


def _feed_feedback(*, answers, respondent: Respondent, meeting) -> None:
    if meeting is None or respondent.participant is None:
        raise ValidationError(_("Open the feedback form from the link to the meeting."))
    feedback_submit(
        meeting=meeting,
        author=respondent.participant,
        rating=answers.get(FieldMapping.RATING),
        comment=str(answers.get(FieldMapping.COMMENT) or ""),
        user=respondent.user if getattr(respondent.user, "is_authenticated", False) else None,
    )


def notify_curator(*, page: QuestionnairePage, submission_id: int) -> None:
    """A link to the answers, never the answers: no personal data travels by mail."""
    if not page.to_address:
        return
    link = portal_base_url() + reverse("wagtailforms:list_submissions", args=[page.pk])
    try:
        send_mail(
            subject=page.subject or _("New answer to «%(title)s»") % {"title": page.title},
            message=_(
                "A new answer (No. %(id)s) to the questionnaire «%(title)s» has arrived.\n\nAnswers: %(link)s"
            )
            % {"id": submission_id, "title": page.title, "link": link},
            from_email=page.from_address or None,
            recipient_list=[
                address.strip() for address in page.to_address.split(",") if address.strip()
            ],
        )
    except Exception:  # the answer is saved; a mail server's trouble must not reach the respondent
        logger.exception("Could not notify the curator of submission %s", submission_id)
