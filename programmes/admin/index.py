"""The programme's record lists: modeladmin's index view, counting the rows once."""

from django.core.exceptions import EmptyResultSet
from wagtail_modeladmin.views import IndexView


class _CountedOnce:
    """A queryset whose count() is shared with the other querysets of one list request."""

    _counts: dict

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
            self._counts[key] = super().count()
        return self._counts[key]


def counted_once(queryset, counts: dict):
    """The queryset, and every queryset made from it, counting through `counts`."""
    counted = queryset.all()
    counted.__class__ = type(
        f"CountedOnce{type(queryset).__name__}",
        (_CountedOnce, type(queryset)),
        {"_counts": counts},
    )
    return counted


class RecordIndexView(IndexView):
    """modeladmin's list, where the same rows are counted once instead of three times.

    The view counts all the rows, then the filtered rows, then its paginator counts those
    again; unfiltered, that is one number asked for three times, and at a municipality's
    400 000 meetings each count costs more than the page shown.
    """

    def get_base_queryset(self, request=None):
        counts = self.__dict__.setdefault("_counts", {})
        return counted_once(super().get_base_queryset(request), counts)
