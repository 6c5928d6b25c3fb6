"""Wagtail's «Site history» report without the log entries of organisations' records.

Wagtail shows a log entry to whoever holds any right on its model, and modeladmin writes one,
labelled with the record («Снегирёва Василиса»), on every create, edit and delete. A right on
participants is not a right on every organisation's participants, so a curator of one school
read the names of another school's children in the report. Those records have their own
history, scoped by organisation (the change journal); here their entries are left to
superusers. The view answers Wagtail's own addresses, ahead of Wagtail (portal/urls.py).

It opens for whom Wagtail's menu shows it (those who may explore pages): curators and
auditors, who have no page, read the change journal instead, and the report would show them
nothing of their own.
"""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.urls import path
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.reports.audit_logging import LogEntriesView
from wagtail.models import ModelLogEntry, Page
from wagtail.permissions import policy_registry

from programmes.models.records import is_organisation_scoped


def organisation_content_types() -> list[ContentType]:
    models = [model for model in apps.get_models() if is_organisation_scoped(model)]
    return list(ContentType.objects.get_for_models(*models, for_concrete_models=False).values())


class ScopedSiteHistoryView(LogEntriesView):
    def dispatch(self, request, *args, **kwargs):
        # The rule of Wagtail's SiteHistoryReportMenuItem.is_shown.
        if policy_registry.get_by_type(Page).explorable_root_instance(request.user) is None:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if self.request.user.is_superuser or not issubclass(queryset.model, ModelLogEntry):
            return queryset
        return queryset.exclude(content_type__in=organisation_content_types())


def site_history_urls():
    """Wagtail's report addresses, to be routed before Wagtail's own admin URLs."""
    return [
        path(
            "reports/site-history/",
            require_admin_access(ScopedSiteHistoryView.as_view()),
            name="programmes_site_history",
        ),
        path(
            "reports/site-history/results/",
            require_admin_access(ScopedSiteHistoryView.as_view(results_only=True)),
            name="programmes_site_history_results",
        ),
    ]
