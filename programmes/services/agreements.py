"""Writes of mentoring agreements (art. 351.8 of the Labour Code) and their DOCX."""

from django.db import transaction

from programmes.docx.contexts import agreement_context
from programmes.models import MentoringAgreement, TemplateKind
from programmes.models.history import attribute_change
from programmes.services.documents import generate, store_document

# Stored texts, in the language of the records.
DOCUMENT_REASON = "Сформирован документ соглашения"


@transaction.atomic
def agreement_save(*, agreement: MentoringAgreement, user, reason: str = "") -> MentoringAgreement:
    """Save the mentor's consent and agreement for a pair."""
    agreement.full_clean()
    attribute_change(agreement, user=user, reason=reason)
    agreement.save()
    return agreement


@transaction.atomic
def agreement_generate_document(
    *, agreement: MentoringAgreement, user, reason: str = DOCUMENT_REASON
):
    """Fill the agreement's template and store the DOCX as the agreement's document."""
    content = generate(
        record=agreement, kind=TemplateKind.AGREEMENT, context=agreement_context(agreement)
    )
    return store_document(
        record=agreement,
        content=content,
        title=agreement.title,
        filename=f"soglashenie-{agreement.date:%Y-%m-%d}-{agreement.pk}.docx",
        kind="agreement",
        number=agreement.number,
        date=agreement.date,
        user=user,
        reason=reason,
    )
