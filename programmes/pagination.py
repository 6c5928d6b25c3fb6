"""Pagination of lists too long to count: municipal history and a page's answers."""

from django.utils.functional import cached_property
from wagtail.admin.paginator import WagtailPaginator


class CappedCountPaginator(WagtailPaginator):
    """Wagtail's paginator counting at most `count_limit` rows.

    A municipality holds millions of history rows and a million answers to a survey: counting
    them all costs more than reading the page shown, and nobody pages that far back — the
    filters narrow the list instead. Past the limit the last page offered is the limit's.
    """

    count_limit = 10_000

    @cached_property
    def _counted(self) -> int:
        return self.object_list[: self.count_limit + 1].count()

    @cached_property
    def count(self):
        return min(self._counted, self.count_limit)

    @property
    def is_capped(self) -> bool:
        return self._counted > self.count_limit
