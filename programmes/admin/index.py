"""The programme's record lists: modeladmin's index view, cheap to count, exported as listed.

Two of modeladmin's habits do not suit these lists: it counts the rows three times, which at a
municipality's scale costs more than the page shown, and it title-cases the headings of an
export («Класс, Группа Или Должность»), which reads wrong in Russian. The view here counts
once and heads an export with the list's own labels.
"""

import re

from django.contrib.admin.utils import label_for_field
from django.core.exceptions import EmptyResultSet, FieldDoesNotExist
from django.utils.encoding import force_str
from django.utils.functional import cached_property
from django.utils.text import capfirst
from wagtail_modeladmin.views import IndexView

from programmes.pagination import CappedCountPaginator


class _CappedCount:
    """A queryset counting at most `_limit` rows, sharing its counts within one request."""

    _counts: dict
    _limit: int

    def count(self):
        if self._result_cache is not None:
            return len(self._result_cache)
        query = self.query.chain()
        query.clear_ordering(force=True)
        query.select_related = False
        try:
            sql, params = query.sql_with_params()
        except EmptyResultSet:
            return 0
        key = (sql, repr(params))
        if key not in self._counts:
            # Keys only: the list's annotations (a pair's last meeting) need not be computed
            # for ten thousand rows to count them.
            keys = self.order_by().values("pk")[: self._limit]
            self._counts[key] = super(_CappedCount, keys).count()
        return self._counts[key]


def capped_count(queryset, *, limit: int, counts: dict):
    """The queryset, and every queryset made from it, counting through `counts` up to `limit`."""
    counted = queryset.all()
    counted.__class__ = type(
        f"CappedCount{type(queryset).__name__}",
        (_CappedCount, type(queryset)),
        {"_counts": counts, "_limit": limit},
    )
    return counted


class RecordPaginator(CappedCountPaginator):
    @cached_property
    def _counted(self) -> int:
        # The list's querysets cap their own counts (RecordIndexView).
        return self.object_list.count()


CHOICE_DISPLAY = re.compile(r"get_(?P<field>\w+)_display")


def column_label(name: str, model, model_admin) -> str:
    """The label of a list or export column: a field's verbose name or a method's description.

    Django makes a choice field's get_<field>_display afresh on every lookup, so it cannot carry
    a description; its column is labelled as the field it displays.
    """
    label, attr = label_for_field(name, model, model_admin=model_admin, return_attr=True)
    choice = CHOICE_DISPLAY.fullmatch(name)
    if choice and not hasattr(attr, "short_description"):
        try:
            return model._meta.get_field(choice["field"]).verbose_name
        except FieldDoesNotExist:
            pass
    return label


class RecordIndexView(IndexView):
    """modeladmin's list, counting its rows once and no further than it pages.

    The view counts all the rows, then the filtered rows, then its paginator counts those
    again: unfiltered, one number asked for three times, and at a municipality's 400 000
    meetings each count cost more than the page shown. All three now share one count that
    stops past `COUNT_LIMIT` (the template only asks whether there are any rows at all).

    Its exports are headed with the list's labels in sentence case, not title-cased.
    """

    paginator_class = RecordPaginator

    def get_heading(self, queryset, field):
        """The column's label in sentence case, as the list's header shows it.

        An entry of the ModelAdmin's export_headings replaces it (modeladmin never passes those
        to its view).
        """
        heading = getattr(self.model_admin, "export_headings", {}).get(field)
        if heading:
            return force_str(heading)
        return capfirst(force_str(column_label(field, self.model, self.model_admin)))

    def get_base_queryset(self, request=None):
        counts = self.__dict__.setdefault("_counts", {})
        return capped_count(
            super().get_base_queryset(request),
            limit=RecordPaginator.count_limit + 1,
            counts=counts,
        )
