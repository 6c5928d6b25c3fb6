"""What forms_app erases when the programme erases a participant's personal data.

Connected in FormsAppConfig.ready() to `programmes.signals.participant_erasing`: the
programme never imports this app, so it cannot erase the answers and links itself.
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from forms_app.models import Invitation, QuestionnaireSubmission


def erase_participant_form_data(sender, participant, account=None, **kwargs) -> list[str]:
    """Delete the participant's questionnaire answers and invitation links; what was erased.

    Answers are deleted whole rather than blanked: what they said already fed the records
    being erased, and an answer without its content (nor its IP address and browser) is of
    no use to anyone.
    """
    erased = []
    answers = Q(participant=participant)
    if account is not None:
        answers |= Q(user=account)
    submissions = QuestionnaireSubmission.objects.filter(answers)
    if submissions.exists():
        submissions.delete()
        erased.append(str(_("Questionnaire answers")))
    invitations = Invitation.objects.filter(participant=participant)
    if invitations.exists():
        invitations.delete()
        erased.append(str(_("Personal invitation links")))
    return erased
