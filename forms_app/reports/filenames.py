"""Names of forms_app's downloads; the rules for any download name are portal/filenames.py.

Free of pandas and openpyxl, so the submissions list can use it cheaply.
"""

import datetime

from django.utils.translation import gettext as _

from portal.filenames import ascii_filename, attachment_disposition, filename_title


def report_filename(title: str, day: datetime.date) -> str:
    """«Отчет по результатам анкетирования — <title> — ДД.ММ.ГГГГ.xlsx»."""
    return f"{_('Questionnaire results report')} — {filename_title(title)} — {day:%d.%m.%Y}.xlsx"


def report_disposition(page, day: datetime.date) -> str:
    fallback = ascii_filename("questionnaire-results", page.slug, f"{day:%Y-%m-%d}")
    return attachment_disposition(report_filename(page.title, day), f"{fallback}.xlsx")


def answers_basename(title: str, day: datetime.date) -> str:
    """«Ответы — <title> — ДД.ММ.ГГГГ», the submissions export without its extension."""
    return f"{_('Answers')} — {filename_title(title)} — {day:%d.%m.%Y}"


def answers_disposition(page, day: datetime.date, extension: str) -> str:
    fallback = ascii_filename("answers", page.slug, f"{day:%Y-%m-%d}")
    return attachment_disposition(
        f"{answers_basename(page.title, day)}.{extension}", f"{fallback}.{extension}"
    )
