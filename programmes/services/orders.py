"""Writes of orders: saving one, approving pairs by it, its DOCX, the organisation's templates.

Approving pairs by an order is one step for the curator and one transaction here: every pair
gets the status «approved» and the order, or none does. A pair that cannot be approved (a
missing consent, a mentor's agreement under art. 351.8, the mentor's load) is named in the
refusal, so the curator knows which to fix before trying again.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.uploads import is_new_upload
from programmes.docx.contexts import order_context, sample_context
from programmes.docx.render import render_docx
from programmes.models import Order, OrderKind, OrderTemplate, Pair, PairStatus
from programmes.models.history import attribute_change
from programmes.services.documents import generate, store_document
from programmes.services.pairs import pair_save, pair_validate

# Stored texts, in the language of the records.
DOCUMENT_REASON = "Сформирован документ приказа"


@transaction.atomic
def order_save(*, order: Order, user, reason: str = "") -> Order:
    """Save an order; its kind is fixed once pairs or decisions refer to it."""
    order.full_clean()
    if order.pk is not None:
        stored = Order.objects.filter(pk=order.pk).values_list("kind", flat=True).first()
        referred = (
            order.approved_pairs.exists()
            or order.terminated_pairs.exists()
            or order.incentive_decisions.exists()
        )
        if stored and stored != order.kind and referred:
            raise ValidationError(
                {"kind": _("Pairs or decisions refer to this order: its kind cannot change.")}
            )
    attribute_change(order, user=user, reason=reason)
    order.save()
    return order


def _named(pair: Pair, message: str) -> str:
    name = str(pair)
    return message if message.startswith(name) else f"{name}: {message}"


@transaction.atomic
def order_approve_pairs(
    *,
    order: Order,
    pairs: list[Pair],
    user,
    reason: str,
    today: datetime.date | None = None,
) -> list[Pair]:
    """Approve the draft pairs by the order: status «approved» and the order, all or none."""
    today = today or timezone.localdate()
    if order.kind != OrderKind.APPROVAL:
        raise ValidationError(
            _("Pairs are approved by an order «%(kind)s».") % {"kind": OrderKind.APPROVAL.label}
        )
    if not pairs:
        raise ValidationError(_("Choose the pairs the order approves."))
    locked = list(
        Pair.objects.select_for_update()
        .filter(pk__in=[pair.pk for pair in pairs])
        .select_related("programme__form", "mentor")
        .order_by("pk")
    )
    errors, approving = [], []
    for pair in locked:
        mentees = [m.mentee for m in pair.mentees.select_related("mentee") if m.left_on is None]
        if pair.programme.organisation_id != order.organisation_id:
            errors.append(_named(pair, _("The pair belongs to another organisation.")))
            continue
        if pair.status != PairStatus.DRAFT:
            errors.append(
                _named(
                    pair,
                    _("only a draft pair is approved by an order; this one is «%(status)s».")
                    % {"status": pair.get_status_display()},
                )
            )
            continue
        pair.status, pair.order = PairStatus.APPROVED, order
        try:
            pair_validate(pair=pair, mentees=mentees, today=today)
        except ValidationError as error:
            errors.extend(_named(pair, message) for message in error.messages)
            continue
        approving.append((pair, mentees))
    if errors:
        raise ValidationError(errors)
    for pair, mentees in approving:
        pair_save(pair=pair, mentees=mentees, user=user, reason=reason, today=today)
    return locked


@transaction.atomic
def order_generate_document(*, order: Order, user, reason: str = DOCUMENT_REASON):
    """Fill the order's template and store the DOCX as the order's document."""
    content = generate(record=order, kind=order.kind, context=order_context(order))
    return store_document(
        record=order,
        content=content,
        title=order.title,
        filename=f"prikaz-{order.date:%Y-%m-%d}-{order.pk}.docx",
        kind="order",
        number=order.number,
        date=order.date,
        user=user,
        reason=reason,
    )


def order_template_errors(*, file, kind: str) -> list[str]:
    """Why the uploaded template cannot be used: it fails to fill with sample values."""
    file.seek(0)
    content = file.read()
    file.seek(0)
    try:
        render_docx(content, sample_context(kind))
    except ValidationError as error:
        return error.messages
    return []


@transaction.atomic
def order_template_save(*, template: OrderTemplate, user, reason: str = "") -> OrderTemplate:
    """Save an organisation's own template, once it has been filled with sample values."""
    template.full_clean()
    if is_new_upload(template.file):
        if errors := order_template_errors(file=template.file, kind=template.kind):
            raise ValidationError({"file": errors})
        template.uploaded_by = user if getattr(user, "is_authenticated", False) else None
    attribute_change(template, user=user, reason=reason)
    template.save()
    return template
