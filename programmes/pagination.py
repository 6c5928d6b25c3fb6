"""Pagination of lists too long to count: municipal history, meetings and a page's answers."""

from django.utils.functional import cached_property
from django.utils.translation import ngettext
from wagtail.admin.paginator import WagtailPaginator

COUNT_LIMIT = 10_000


class CappedCountPaginator(WagtailPaginator):
    """Wagtail's paginator counting at most `count_limit` rows.

    A municipality holds millions of history rows, 400 000 meetings and a million answers to
    a survey: counting them all costs more than reading the page shown, and nobody pages that
    far — the filters and the search narrow the list instead. Past the limit the last page
    offered is the limit's, and the list says «more than 10 000».
    """

    count_limit = COUNT_LIMIT

    @cached_property
    def _counted(self) -> int:
        return self.object_list[: self.count_limit + 1].count()

    @cached_property
    def count(self):
        return min(self._counted, self.count_limit)

    @property
    def is_capped(self) -> bool:
        return self._counted > self.count_limit

    @cached_property
    def items_count_label(self):
        if self.is_capped:
            return ngettext(
                "more than %(count)s record", "more than %(count)s records", self.count
            ) % {"count": self.count}
        return super().items_count_label
