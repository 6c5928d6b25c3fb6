from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammesConfig(AppConfig):
    """The mentoring programme's records: participants, pairs, meetings, incentives."""

    name = "programmes"
    verbose_name = _("Mentoring programmes")

    def ready(self):
        from programmes import history_signals  # noqa: F401  (connects the receiver)
