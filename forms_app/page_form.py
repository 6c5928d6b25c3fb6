"""The questionnaire's editing form in Wagtail (QuestionnairePage.base_form_class).

What would make every answer fail is refused when the editor saves the page, not found by the
child who answers it (forms_app/services/questionnaires.py decides what an answer feeds):
- a mentee or mentor questionnaire that someone unknown may answer creates a participant of the
  base, and a participant has a name: the page needs required questions mapped to the last and
  the first name, or it opens by personal invitations only;
- feedback on a meeting and preferences belong to a known participant: such a page is never
  open to anyone anonymously.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import WagtailAdminFormPageForm


class QuestionnairePageForm(WagtailAdminFormPageForm):
    def clean(self):
        # The page's module imports this one: its choices are read when the form is used.
        from forms_app.models.questionnaires import (
            FieldMapping,
            QuestionnaireAccess,
            QuestionnaireKind,
        )

        cleaned_data = super().clean()
        if (
            cleaned_data.get("kind") in (QuestionnaireKind.MENTEE, QuestionnaireKind.MENTOR)
            and cleaned_data.get("access") != QuestionnaireAccess.INVITATION
            and not self._asks_required((FieldMapping.LAST_NAME, FieldMapping.FIRST_NAME))
        ):
            self.add_error(
                "access",
                _(
                    "An answer to this questionnaire may create a participant, who needs a name: "
                    "add required questions that feed «Participant: last name» and «Participant: "
                    "first name», or open the questionnaire to holders of a personal invitation "
                    "link only."
                ),
            )
        if cleaned_data.get("kind") in (
            QuestionnaireKind.FEEDBACK,
            QuestionnaireKind.PREFERENCE,
        ) and (cleaned_data.get("access") == QuestionnaireAccess.ANYONE):
            self.add_error(
                "access",
                _(
                    "Feedback on a meeting and preferences are given by the programme's "
                    "participants, and an anonymous answer names nobody: open the questionnaire "
                    "to signed-in participants or to holders of a personal invitation link."
                ),
            )
        return cleaned_data

    def _asks_required(self, mappings) -> bool:
        formset = self.formsets.get("form_fields")
        if formset is None:
            return True
        # Wagtail's clean has validated every question; an invalid one shows its own error.
        answers = [getattr(form, "cleaned_data", {}) for form in formset.forms]
        asked = {
            question.get("maps_to")
            for question in answers
            if question.get("required") and not question.get("DELETE")
        }
        return all(mapping in asked for mapping in mappings)
