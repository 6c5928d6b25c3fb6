"""The programme's record lists: modeladmin's index view with counts that stay cheap."""

from django.core.exceptions import EmptyResultSet
from django.utils.functional import cached_property
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


class RecordIndexView(IndexView):
    """modeladmin's list, counting its rows once and no further than it pages.

    The view counts all the rows, then the filtered rows, then its paginator counts those
    again: unfiltered, one number asked for three times, and at a municipality's 400 000
    meetings each count cost more than the page shown. All three now share one count that
    stops past `COUNT_LIMIT` (the template only asks whether there are any rows at all).
    """

    paginator_class = RecordPaginator

    def get_base_queryset(self, request=None):
        counts = self.__dict__.setdefault("_counts", {})
        return capped_count(
            super().get_base_queryset(request),
            limit=RecordPaginator.count_limit + 1,
            counts=counts,
        )
