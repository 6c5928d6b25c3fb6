"""Personal invitation links, made in bulk for a filtered list of participants."""

import datetime
import io

from django.db import transaction
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Font

from forms_app.models import Invitation
from programmes.models import Participant


@transaction.atomic
def invitations_create(
    *,
    page,
    participants: list[Participant],
    valid_days: int,
    user=None,
    for_representative: bool = False,
) -> list[Invitation]:
    expires_at = timezone.now() + datetime.timedelta(days=valid_days)
    return Invitation.objects.bulk_create(
        Invitation(
            participant=participant,
            page=page,
            expires_at=expires_at,
            created_by=user,
            for_representative=for_representative,
        )
        for participant in participants
    )


def invitation_url(invitation: Invitation, *, base_url: str) -> str:
    return f"{base_url.rstrip('/')}{invitation.page.url}?invitation={invitation.token}"


def invitations_xlsx(invitations: list[Invitation], *, base_url: str) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Приглашения"
    sheet.append(["ФИО", "Класс, группа", "Анкета", "Ссылка", "Действует до"])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for invitation in invitations:
        sheet.append(
            [
                invitation.participant.full_name,
                invitation.participant.group,
                invitation.page.title,
                invitation_url(invitation, base_url=base_url),
                timezone.localtime(invitation.expires_at).strftime("%d.%m.%Y"),
            ]
        )
    for column, width in zip("ABCDE", (36, 14, 36, 70, 14), strict=True):
        sheet.column_dimensions[column].width = width
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
