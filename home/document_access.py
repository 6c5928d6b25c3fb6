"""Which documents of a collection a visitor may see listed.

Wagtail's document view already refuses a file from a restricted collection; this does the
same for lists, so a private protocol's title is not shown to someone who cannot open it.
"""

from functools import cached_property

from django.http import HttpRequest
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction


class DocumentAccess:
    def __init__(self, *, request: HttpRequest, collection: Collection):
        self.request = request
        self.collection = collection

    @cached_property
    def _collections(self) -> list[Collection]:
        return list(self.collection.get_descendants(inclusive=True))

    @cached_property
    def _restrictions(self) -> list[CollectionViewRestriction]:
        return list(CollectionViewRestriction.objects.select_related("collection"))

    def _restrictions_for(self, collection: Collection) -> list[CollectionViewRestriction]:
        """A restriction on a collection covers its sub-collections too."""
        return [r for r in self._restrictions if collection.path.startswith(r.collection.path)]

    @cached_property
    def restricted_collection_ids(self) -> set[int]:
        return {c.pk for c in self._collections if self._restrictions_for(c)}

    @cached_property
    def allowed_collection_ids(self) -> set[int]:
        accepted = {r.pk: r.accept_request(self.request) for r in self._restrictions}
        return {
            c.pk
            for c in self._collections
            if all(accepted[r.pk] for r in self._restrictions_for(c))
        }

    def documents(self):
        return get_document_model().objects.filter(collection_id__in=self.allowed_collection_ids)
