"""The history page of one record, in place of Wagtail's log: simple-history's versions.

Set it on each of the programme's ModelAdmins::

    class PairAdmin(ModelAdmin):
        history_view_class = RecordHistoryView

The page is read-only: it has no form and answers anything but GET/HEAD with 405.
"""

from django.urls import NoReverseMatch
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail_modeladmin.views import HistoryView

from programmes.history.diff import Version, history_model_of
from programmes.history.journal import entries, history_values, union
from programmes.models import Consent, Meeting, MeetingAttendance, Pair, PairMentee, Participant
from programmes.pagination import CappedCountPaginator

PAGE_SIZE = 50


class HistoryPaginator(CappedCountPaginator):
    """The capped paginator over history rows, saying how many changes there are."""

    @cached_property
    def items_count_label(self):
        if self.is_capped:
            return ngettext(
                "more than %(count)s change", "more than %(count)s changes", self.count
            ) % {"count": self.count}
        return ngettext("%(count)s change", "%(count)s changes", self.count) % {"count": self.count}


def _mentee_label(version: Version) -> str:
    return _("Mentee: %(name)s") % {"name": version.value("mentee")}


def _attendee_label(version: Version) -> str:
    return _("Attendee: %(name)s") % {"name": version.value("participant")}


def _consent_label(version: Version) -> str:
    return _("Consent: %(name)s") % {"name": version.value("kind")}


# The history of these records includes that of the records they are made of:
# {model: [(part model, the part's key to the record, label of a part's version)]}.
PARTS = {
    Pair: [(PairMentee, "pair_id", _mentee_label)],
    Participant: [(Consent, "participant_id", _consent_label)],
    Meeting: [(MeetingAttendance, "meeting_id", _attendee_label)],
}


def record_history_rows(instance):
    """History rows of a record and of its parts, newest first (see `journal.union`)."""
    model = type(instance)
    history = history_model_of(model)._default_manager
    parts = [history_values(model, history.filter(**{model._meta.pk.attname: instance.pk}))]
    for part_model, key, _label in PARTS.get(model, []):
        part_history = history_model_of(part_model)._default_manager
        parts.append(history_values(part_model, part_history.filter(**{key: instance.pk})))
    return union(parts)


def as_part(model, version: Version) -> str:
    """How a part's version is introduced on the record's page; "" for the record itself.

    A part's key to the record is left out of its changes: the page is that record's.
    """
    for part_model, key, label in PARTS.get(model, []):
        if version.model is part_model:
            key_name = part_model._meta.get_field(key.removesuffix("_id")).name
            version.changes = [change for change in version.changes if change.name != key_name]
            return label(version)
    return ""


class RecordHistoryView(HistoryView):
    """simple-history's versions of one record (and of its parts), newest first, 50 a page.

    Only a user whom the ModelAdmin's permission helper lets inspect the record sees it
    (the helper refuses other organisations' records); anyone else gets PermissionDenied.
    """

    paginate_by = PAGE_SIZE
    http_method_names = ["get", "head", "options"]
    page_title = gettext_lazy("Change history")
    template_name = "programmes/history/record_history.html"

    def check_action_permitted(self, user):
        return self.permission_helper.user_can_inspect_obj(user, self.instance)

    def get_template_names(self):
        return [self.template_name]

    def get_page_subtitle(self):
        return str(self.instance)

    def get_queryset(self):
        return record_history_rows(self.instance)

    def get_paginate_by(self, queryset):
        # Paging is done in get_context_data, on the union, with one count.
        return None

    def get_breadcrumbs_items(self):
        items = [
            *self.breadcrumbs_items,
            {"url": self.url_helper.index_url, "label": capfirst(self.verbose_name_plural)},
        ]
        instance_url = self._instance_url()
        items.append({"url": instance_url or "", "label": str(self.instance)})
        items.append({"url": "", "label": self.get_page_title()})
        return items

    def _instance_url(self) -> str | None:
        user = self.request.user
        try:
            if self.permission_helper.user_can_edit_obj(user, self.instance):
                return self.url_helper.get_action_url("edit", self.pk_quoted)
            if self.permission_helper.user_can_inspect_obj(user, self.instance):
                return self.url_helper.get_action_url("inspect", self.pk_quoted)
        except NoReverseMatch:
            return None
        return None

    def get_context_data(self, **kwargs):
        paginator = HistoryPaginator(self.get_queryset(), self.paginate_by)
        page = paginator.get_page(self.request.GET.get("p"))
        versions = entries(page.object_list)
        rows = [(version, as_part(self.model, version)) for version in versions]
        self.object_list = versions
        context = super(HistoryView, self).get_context_data(object_list=versions, **kwargs)
        context.update(
            rows=rows,
            page_obj=page,
            paginator=paginator,
            is_paginated=paginator.num_pages > 1,
            elided_page_range=paginator.get_elided_page_range(page.number),
        )
        return context
