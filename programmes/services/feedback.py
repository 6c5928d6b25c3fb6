"""Feedback on a meeting, given by the pair's mentor or one of its current mentees."""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from programmes.models import (
    Feedback,
    Meeting,
    MeetingKind,
    MeetingStatus,
    PairMentee,
    Participant,
)
from programmes.models.history import attribute_change

RATING_MIN = 1
RATING_MAX = 5

# Codes of the refusals, for callers that react to one of them (the cabinet turns
# ALREADY_GIVEN into a message and a redirect rather than a form error).
NOT_A_MEMBER = "not_a_member"
JOINED_LATER = "joined_later"
NOT_HELD_YET = "not_held_yet"
ALREADY_GIVEN = "already_given"
INVALID_RATING = "invalid_rating"
NOT_ASKED = "not_asked"


def asks_whether_suited(meeting: Meeting) -> bool:
    """Whether feedback on `meeting` asks «Подходите ли вы друг другу?»: it is the pair's first
    held working meeting (the introduction and trial come before the work itself)."""
    if meeting.pair_id is None or meeting.kind != MeetingKind.WORKING or not meeting.is_held:
        return False
    earlier = Meeting.objects.filter(
        pair_id=meeting.pair_id, kind=MeetingKind.WORKING, status=MeetingStatus.HELD
    ).filter(Q(held_at__lt=meeting.held_at) | Q(held_at=meeting.held_at, pk__lt=meeting.pk))
    return not earlier.exists()


def feedback_submit(
    *,
    meeting: Meeting,
    author: Participant,
    rating: int,
    comment: str,
    suits: bool | None = None,
    user: AbstractBaseUser | None = None,
) -> Feedback:
    """Record `author`'s feedback on `meeting`; `user` is written to the history row.

    Refused with a ValidationError when the author is neither the pair's mentor nor a current
    mentee who was already in the pair on the meeting's day, when the meeting is not marked
    held, when the author has given feedback on it already, or when the rating is not a
    whole number from 1 to 5. `suits` answers «Подходите ли вы друг другу?», asked only on
    the pair's first held working meeting (`asks_whether_suited`); elsewhere it is refused.
    """
    with transaction.atomic():
        _check_author(meeting=meeting, author=author)
        # A planned meeting has not happened, whatever its date says; a held one is never
        # dated in the future (Meeting.clean), the time check covers a clock moved back.
        if not meeting.is_held or meeting.held_at > timezone.now():
            raise ValidationError(
                _("Feedback can be given once the meeting has taken place."), code=NOT_HELD_YET
            )
        if _feedback_exists(meeting=meeting, author=author):
            raise _already_given()
        if isinstance(rating, bool) or not isinstance(rating, int):
            raise _invalid_rating()
        if not RATING_MIN <= rating <= RATING_MAX:
            raise _invalid_rating()

        if suits is not None and not asks_whether_suited(meeting):
            message = _("This question is asked after the pair's first working meeting.")
            raise ValidationError({"suits": ValidationError(message, code=NOT_ASKED)})
        feedback = Feedback(
            meeting=meeting, author=author, rating=rating, comment=comment.strip(), suits=suits
        )
        try:
            feedback.full_clean()
        except ValidationError as error:
            # Another request may have saved the same feedback since the check above.
            if _feedback_exists(meeting=meeting, author=author):
                raise _already_given() from error
            raise
        attribute_change(feedback, user=user, reason=None, respondent=author)
        try:
            # A savepoint, so a unique-constraint race leaves the outer transaction usable.
            with transaction.atomic():
                feedback.save()
        except IntegrityError as error:
            if _feedback_exists(meeting=meeting, author=author):
                raise _already_given() from error
            raise
    return feedback


def _check_author(*, meeting: Meeting, author: Participant) -> None:
    pair = meeting.pair
    if pair is None:
        if not meeting.attendance.filter(participant=author).exists():
            raise ValidationError(
                _("Only those who attended the group meeting can give feedback on it."),
                code=NOT_A_MEMBER,
            )
        return
    if pair.mentor_id == author.pk:
        return
    membership = PairMentee.objects.filter(pair=pair, mentee=author, left_on__isnull=True).first()
    if membership is None:
        raise ValidationError(
            _("Only the pair's mentor and its current mentees can give feedback on its meetings."),
            code=NOT_A_MEMBER,
        )
    if membership.joined_on > timezone.localdate(meeting.held_at):
        raise ValidationError(
            _("The meeting was held before you joined the group."), code=JOINED_LATER
        )


def _feedback_exists(*, meeting: Meeting, author: Participant) -> bool:
    return Feedback.objects.filter(meeting=meeting, author=author).exists()


def _already_given() -> ValidationError:
    return ValidationError(
        _("You have already given feedback on this meeting."), code=ALREADY_GIVEN
    )


def _invalid_rating() -> ValidationError:
    return ValidationError(
        {"rating": ValidationError(_("Choose a rating from 1 to 5."), code=INVALID_RATING)}
    )


def is_already_given(error: ValidationError) -> bool:
    """Whether `error` is the refusal of a second feedback on the same meeting."""
    return not hasattr(error, "error_dict") and any(
        item.code == ALREADY_GIVEN for item in error.error_list
    )
