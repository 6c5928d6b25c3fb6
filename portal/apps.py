from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _sync_roles(sender, using="default", **kwargs):
    from django.contrib.auth.management import create_permissions

    from portal.roles import sync_roles

    # post_migrate reaches this app first, before Django has created the permissions of the
    # apps listed after it; create them now (it is idempotent) so every role is complete.
    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using)
    sync_roles()


class PortalConfig(AppConfig):
    """Project-wide wiring: base templates, roles, search, sign-in and the page cache."""

    name = "portal"
    verbose_name = _("Portal")

    def ready(self):
        from portal import checks  # noqa: F401  registers the deployment checks
        from portal.date_widgets import register_strict_date_widgets
        from portal.page_cache import connect_purge_signals
        from portal.signin import (  # noqa: F401  receivers: refused sign-ins, staff sessions
            idle,
            throttle,
        )

        post_migrate.connect(_sync_roles, sender=self, dispatch_uid="portal.sync_roles")
        connect_purge_signals()
        register_strict_date_widgets()
