"""Download names: the real (Russian) name as RFC 5987 `filename*`, an ASCII one for the rest.

Free of pandas and openpyxl, so the submissions list can use it cheaply.
"""

import datetime
import re
from urllib.parse import quote as url_quote

from django.utils.translation import gettext as _

FILENAME_FORBIDDEN = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]')
ASCII_FILENAME_FORBIDDEN = re.compile(r"[^A-Za-z0-9._-]+")
TITLE_IN_FILENAME_LENGTH = 100


def filename_title(title: str) -> str:
    """The page title made safe for a file name on every system."""
    cleaned = " ".join(FILENAME_FORBIDDEN.sub(" ", title).split())
    return cleaned[:TITLE_IN_FILENAME_LENGTH].rstrip() or "-"


def ascii_filename(*parts: str) -> str:
    """The fallback name for clients that do not read `filename*`: letters, digits, - . _"""
    cleaned = (ASCII_FILENAME_FORBIDDEN.sub("-", part).strip("-") for part in parts if part)
    return re.sub(r"-{2,}", "-", "-".join(part for part in cleaned if part)) or "export"


def attachment_disposition(filename: str, fallback: str) -> str:
    """`Content-Disposition: attachment` with both names."""
    fallback = fallback.replace('"', "").replace("\\", "")
    return f"attachment; filename=\"{fallback}\"; filename*=utf-8''{url_quote(filename, safe='')}"


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
