"""Reads for orders: the draft pairs an order can approve, the rows of the orders list."""

from django.db.models import Count, Prefetch, QuerySet

from programmes.models import MentoringAgreement, Order, Pair, PairMentee, PairStatus
from programmes.selectors.access import scoped

# The restricted collection of generated orders and agreements (stored name, in Russian).
PRIVATE_COLLECTION = "Приказы и соглашения о наставничестве"


def draft_pairs_for_order(order: Order, user) -> QuerySet[Pair]:
    """The organisation's draft pairs, with their current mentees, for the user to choose."""
    current = PairMentee.objects.filter(left_on__isnull=True).select_related("mentee")
    return (
        scoped(Pair.objects.all(), user)
        .filter(programme__organisation_id=order.organisation_id, status=PairStatus.DRAFT)
        .select_related("mentor", "programme__form")
        .prefetch_related(Prefetch("mentees", queryset=current, to_attr="current"))
        .order_by("programme__title", "mentor__last_name", "pk")
    )


def with_counts(queryset: QuerySet[Order]) -> QuerySet[Order]:
    """Orders with the number of pairs and decisions each one lists, counted in the query."""
    return queryset.annotate(
        pairs_count=Count("approved_pairs", distinct=True)
        + Count("terminated_pairs", distinct=True),
        decisions_count=Count("incentive_decisions", distinct=True),
    )


def generated_document_organisation(document) -> int | None:
    """The organisation of the order or agreement a document was generated for, if any; 0 for
    a document of the private collection whose record is gone (nobody's but superusers')."""
    organisation_id = (
        Order.objects.filter(document=document).values_list("organisation_id", flat=True).first()
    )
    if organisation_id is not None:
        return organisation_id
    organisation_id = (
        MentoringAgreement.objects.filter(document=document)
        .values_list("pair__programme__organisation_id", flat=True)
        .first()
    )
    if organisation_id is None and document.collection.name == PRIVATE_COLLECTION:
        return 0
    return organisation_id
