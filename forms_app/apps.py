from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FormsAppConfig(AppConfig):
    """Questionnaires and personal-data consents built with Wagtail's form builder."""

    name = "forms_app"
    verbose_name = _("Questionnaires and consents")
    default_auto_field = "django.db.models.BigAutoField"
