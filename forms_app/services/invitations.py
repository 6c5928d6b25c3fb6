"""Personal invitation links, made in bulk for a filtered list of participants.

A link is short, `<portal address>/i/K7MQ-2PXA`, so a pupil can type it from a printed slip
or scan its QR code; it leads to the page's long link (forms_app/public/short_links.py). The
portal address comes from portal/base_url.py.
"""

import datetime
import io

import segno
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from openpyxl import Workbook
from openpyxl.styles import Font

from forms_app.models import Invitation
from forms_app.models.invitations import new_code
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
    codes = _free_codes(len(participants))
    return Invitation.objects.bulk_create(
        Invitation(
            participant=participant,
            page=page,
            code=code,
            expires_at=expires_at,
            created_by=user,
            for_representative=for_representative,
        )
        for participant, code in zip(participants, codes, strict=True)
    )


def _free_codes(count: int) -> list[str]:
    """`count` new codes, none already taken.

    Two random codes meet rarely (31**8 of them), but bulk_create would fail the whole batch
    on one clash, so a batch's codes are checked against each other and the table first.
    """
    codes: set[str] = set()
    while len(codes) < count:
        wanted = {new_code() for _ in range(count - len(codes))} - codes
        taken = set(Invitation.objects.filter(code__in=wanted).values_list("code", flat=True))
        codes |= wanted - taken
    return list(codes)


def invitation_url(invitation: Invitation, *, base_url: str) -> str:
    """The short link printed on a slip: `<base_url>/i/K7MQ-2PXA` (12 characters of path)."""
    path = reverse("forms_app_invitation_short_link", kwargs={"code": invitation.code_display})
    return f"{base_url.rstrip('/')}{path}"


def invitation_long_url(invitation: Invitation, *, base_url: str) -> str:
    """The page's own link with the token, where the short link leads; slips before the
    short codes carry it, and it keeps working."""
    return f"{base_url.rstrip('/')}{invitation.page.url}?invitation={invitation.token}"


def qr_svg(text: str, *, title: str = "") -> SafeString:
    """An inline SVG QR code of `text`, sized by CSS (it has a viewBox and no width).

    Error correction M survives a crease or a smudge on a paper slip; four modules of quiet
    zone are what scanners expect.
    """
    qr = segno.make(text, error="m", micro=False)
    # segno writes the markup itself and escapes the title.
    return mark_safe(
        qr.svg_inline(scale=1, border=4, omitsize=True, svgclass="qr", title=title or None)
    )


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
    for column, width in zip("ABCDE", (36, 14, 36, 40, 14), strict=True):
        sheet.column_dimensions[column].width = width
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
