from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    """The public «Наставничество» section: home page, regulations, roadmaps, documents."""

    name = "home"
    verbose_name = _("Mentoring section")
