"""The admin's record lists: modeladmin's index view, filtered only as offered, cheap to count.

Three of modeladmin's habits do not suit these lists. It turns every parameter of the address
into a database lookup, so a hand-made address could filter by any column the list never
shows, across any relation (a password hash a prefix at a time, another organisation's staff)
and an unknown one was a server error. It counts the rows three times, which at a
municipality's scale costs more than the page shown. And it title-cases the headings of an
export («Класс, Группа Или Должность»), which reads wrong in Russian. The view here applies
only the list's own filters and search, counts once and heads an export with the list's
labels. Every ModelAdmin of the portal lists through it (programmes.admin.base).
"""

import re
from collections import OrderedDict

from django.contrib.admin import FieldListFilter
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.utils import (
    get_fields_from_path,
    label_for_field,
    lookup_field,
    lookup_spawns_duplicates,
)
from django.core.exceptions import EmptyResultSet, FieldDoesNotExist
from django.db import models
from django.http import QueryDict
from django.utils.encoding import force_str
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail_modeladmin.views import IndexView

from programmes.admin.grammar import NounMixin
from programmes.admin.values import exported, xlsx_number_format
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

    @cached_property
    def items_count_label(self):
        """«2 приказа», not Wagtail's «2 приказы»: the count agrees with the model's noun."""
        grammar = getattr(self.model, "grammar", None)
        if self.is_capped or grammar is None:
            return super().items_count_label
        return grammar.count(self.count)


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


class RecordIndexView(NounMixin, IndexView):
    """modeladmin's list, filtered only as it offers, counting its rows once.

    Filters: a parameter that none of the list's filters reads (nor the search, ordering,
    page or export) is left out, as if it were not in the address, and dropped from the
    links the page makes. A value an offered filter cannot take («?is_mentor__exact=abc»)
    answers 400 with the list unfiltered and a message saying so.

    Counts: the view counts all the rows, then the filtered rows, then its paginator counts
    those again: unfiltered, one number asked for three times, and at a municipality's
    400 000 meetings each count cost more than the page shown. All three now share one count
    that stops past `COUNT_LIMIT` (the template only asks whether there are any rows at all).

    Its exports are headed with the list's labels in sentence case, not title-cased, and their
    cells read as programmes.admin.values has them (Да/Нет, blanks, Moscow dates); its search
    and empty list name the records in their cases (`noun`, programmes.admin.grammar).
    """

    paginator_class = RecordPaginator

    def dispatch(self, request, *args, **kwargs):
        try:
            if any("\x00" in value for values in request.GET.lists() for value in values[1]):
                # PostgreSQL refuses NUL in a query's text; no filter or search holds one.
                raise IncorrectLookupParameters("NUL in the query string")
            return super().dispatch(request, *args, **kwargs)
        except IncorrectLookupParameters:
            return self.unfiltered(request, *args, **kwargs)

    def unfiltered(self, request, *args, **kwargs):
        """The list without the address's filters and search, answered 400 with a message."""
        request.GET = QueryDict(mutable=True)
        messages.error(
            request,
            _("The list cannot be filtered by the values in the address; it is shown unfiltered."),
        )
        response = super().dispatch(request, *args, **kwargs)
        response.status_code = 400
        return response

    def get_filters(self, request):
        """The list's own filters; whatever parameter none of them reads is left out.

        modeladmin (like Django's admin before `lookup_allowed`) would apply every other
        parameter as a lookup. Here they are dropped from the request too, so the page's
        links do not carry them on.
        """
        lookup_params = self.get_filters_params()
        use_distinct = False
        filter_specs = []
        for list_filter in self.list_filter or ():
            if callable(list_filter):
                spec = list_filter(request, lookup_params, self.model, self.model_admin)
            else:
                field_path = None
                if isinstance(list_filter, tuple | list):
                    field, field_list_filter_class = list_filter
                else:
                    field, field_list_filter_class = list_filter, FieldListFilter.create
                if not isinstance(field, models.Field):
                    field_path = field
                    field = get_fields_from_path(self.model, field_path)[-1]
                spec = field_list_filter_class(
                    field,
                    request,
                    lookup_params,
                    self.model,
                    self.model_admin,
                    field_path=field_path,
                )
                use_distinct = use_distinct or lookup_spawns_duplicates(self.opts, field_path)
            if spec and spec.has_output():
                filter_specs.append(spec)
        # The filters took their parameters out of lookup_params: what is left, nobody offered.
        if lookup_params:
            # The page's links (filters, sorting, pages, export) are made from both.
            request.GET = request.GET.copy()
            for ignored in lookup_params:
                self.params.pop(ignored, None)
                request.GET.pop(ignored, None)
        return filter_specs, bool(filter_specs), {}, use_distinct

    def get_heading(self, queryset, field):
        """The column's label in sentence case, as the list's header shows it.

        An entry of the ModelAdmin's export_headings replaces it (modeladmin never passes those
        to its view).
        """
        heading = getattr(self.model_admin, "export_headings", {}).get(field)
        if heading:
            return force_str(heading)
        return capfirst(force_str(column_label(field, self.model, self.model_admin)))

    def to_row_dict(self, item):
        # modeladmin writes «-» for every falsy value: a «No», a zero, an empty text alike.
        return OrderedDict(
            (field, lookup_field(field, item, self.model_admin)[2]) for field in self.list_export
        )

    def write_csv_row(self, writer, row_dict):
        cells = {field: exported(value, xlsx=False) for field, value in row_dict.items()}
        return super().write_csv_row(writer, cells)

    def generate_xlsx_row(self, worksheet, row_dict, date_format=None):
        cells = {field: exported(value, xlsx=True) for field, value in row_dict.items()}
        for cell, value in zip(
            super().generate_xlsx_row(worksheet, cells), cells.values(), strict=True
        ):
            number_format = xlsx_number_format(value)
            if number_format:
                cell.number_format = number_format
            yield cell

    def get_base_queryset(self, request=None):
        counts = self.__dict__.setdefault("_counts", {})
        return capped_count(
            super().get_base_queryset(request),
            limit=RecordPaginator.count_limit + 1,
            counts=counts,
        )
