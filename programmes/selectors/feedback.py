"""The meetings a participant may give feedback on, for the feedback questionnaire.

Read by forms_app/public/serving.py to list a participant's meetings when the feedback form is
opened without one, and to check the one it is opened with before the form is shown, so an
answer is never refused after it is filled in for a reason known beforehand.
"""

from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone

from programmes.cabinet.selectors import meetings_for
from programmes.models import Feedback, Meeting, Participant


def participant_meetings_for_feedback(participant: Participant) -> QuerySet[Meeting]:
    """The participant's own meetings that have taken place, newest first.

    Their own: as in the cabinet (programmes.cabinet.selectors.meetings_for), the meetings
    programmes.services.feedback accepts feedback on from them. Taken place: held_at has
    passed. Annotated with `feedback_given`: whether they have given feedback on it already.
    """
    return (
        meetings_for(participant=participant)
        .filter(held_at__lte=timezone.now())
        .annotate(
            feedback_given=Exists(
                Feedback.objects.filter(meeting=OuterRef("pk"), author=participant)
            )
        )
        .select_related("pair")
        .order_by("-held_at", "-pk")
    )
