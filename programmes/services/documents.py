"""Generated DOCX documents stored as Wagtail documents in the programme's private collection.

The collection is restricted to the staff groups (curators and auditors): Wagtail refuses its
files to everyone else, and programmes/wagtail_hooks.py narrows that further to the staff of
the document's own organisation. Regenerating a document replaces it: the record points at the
new one, its history keeps the change, and the old file is deleted with its document.
"""

import datetime

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.db import models
from django.db.models import Q
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from portal.roles import AUDITORS, CURATORS
from programmes.docx.defaults import default_template
from programmes.docx.render import render_docx
from programmes.models import MentoringAgreement, Order, OrderTemplate
from programmes.models.history import attribute_change
from programmes.models.records import organisation_id_of
from programmes.selectors.orders import PRIVATE_COLLECTION


def private_collection() -> Collection:
    """The restricted collection of generated documents, made on first use."""
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=PRIVATE_COLLECTION).first()
    if collection is None:
        collection = root.add_child(name=PRIVATE_COLLECTION)
    if not CollectionViewRestriction.objects.filter(collection=collection).exists():
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.GROUPS
        )
        restriction.groups.set(Group.objects.filter(name__in=[CURATORS, AUDITORS]))
    return collection


def template_bytes(*, organisation_id: int, kind: str) -> bytes:
    """The organisation's own template of the kind, or the one the portal ships."""
    own = OrderTemplate.objects.filter(organisation_id=organisation_id, kind=kind).first()
    if own is None:
        return default_template(kind)
    with own.file.open("rb") as file:
        return file.read()


def _document_fields(model, **values) -> dict:
    """Values for the fields the project's document model has (kind, number, date)."""
    names = {field.name for field in model._meta.get_fields()}
    return {name: value for name, value in values.items() if name in names}


def store_document(
    *,
    record: Order | MentoringAgreement,
    content: bytes,
    title: str,
    filename: str,
    kind: str,
    number: str,
    date: datetime.date,
    user,
    reason: str,
) -> models.Model:
    """Save `content` as the record's document, replacing the one it had."""
    Document = get_document_model()
    document = Document(
        title=title,
        collection=private_collection(),
        uploaded_by_user=user if getattr(user, "is_authenticated", False) else None,
        **_document_fields(Document, kind=kind, number=number, document_date=date),
    )
    document.file.save(filename, ContentFile(content), save=False)
    document.full_clean()
    document.save()
    previous = record.document
    record.document = document
    attribute_change(record, user=user, reason=reason)
    record.save(update_fields=["document"])
    if previous is not None:
        previous.delete()
    return document


def generate(*, record, kind: str, context: dict) -> bytes:
    return render_docx(
        template_bytes(organisation_id=organisation_id_of(record), kind=kind), context
    )


def delete_documents_naming(*, pair_ids: list[int], decision_ids: list[int]) -> bool:
    """Delete the generated documents that list these pairs or incentive decisions.

    Part of a participant's erasure: an order or agreement lists people by name, and a new
    one generated later names the erased participant as «Удалён(а) #id». The records stay.
    """
    orders = Order.objects.filter(
        Q(approved_pairs__in=pair_ids)
        | Q(terminated_pairs__in=pair_ids)
        | Q(incentive_decisions__in=decision_ids)
    )
    agreements = MentoringAgreement.objects.filter(pair_id__in=pair_ids)
    document_ids = {
        *orders.exclude(document=None).values_list("document_id", flat=True),
        *agreements.exclude(document=None).values_list("document_id", flat=True),
    }
    for document in get_document_model().objects.filter(pk__in=document_ids):
        document.delete()
    return bool(document_ids)
