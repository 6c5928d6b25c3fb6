from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FormsAppConfig(AppConfig):
    """Questionnaires and personal-data consents built with Wagtail's form builder."""

    name = "forms_app"
    verbose_name = _("Questionnaires and consents")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from forms_app.signals import erase_participant_form_data
        from programmes.signals import participant_erasing

        participant_erasing.connect(
            erase_participant_form_data, dispatch_uid="forms_app.erase_participant_form_data"
        )
        from wagtail.signals import init_new_page

        from forms_app.admin.new_questionnaire import prefill_with_chosen_kind

        init_new_page.connect(
            prefill_with_chosen_kind, dispatch_uid="forms_app.prefill_with_chosen_kind"
        )
