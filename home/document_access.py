"""Which documents a visitor may open or see listed, and how a refusal looks.

Wagtail's document view already refuses a file from a restricted collection; `DocumentAccess`
does the same for lists, so a private protocol's title is not shown to someone who cannot
open it.

A refusal must not say more than a list does. Wagtail sends a visitor who may not open a
document to sign in, and answers 404 for an id that does not exist, so trying ids one by one
tells which private documents exist. `hide_refused_document` makes the refusal a 404 like
any other, signed in or not (the 404 page tells anonymous visitors that some documents open
only after signing in). A password-protected collection keeps Wagtail's password form: it is
the way in, and it cannot be offered without showing that the document exists; the portal's
own collections restrict by group.
"""

from functools import cached_property

from django.http import Http404, HttpRequest
from wagtail.documents import get_document_model
from wagtail.models import BaseViewRestriction, Collection, CollectionViewRestriction


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


def hide_refused_document(document, request: HttpRequest) -> None:
    """`before_serve_document`, ahead of Wagtail's: what the visitor may not open is not found."""
    for restriction in document.collection.get_view_restrictions():
        if restriction.restriction_type == BaseViewRestriction.PASSWORD:
            continue
        if not restriction.accept_request(request):
            raise Http404
