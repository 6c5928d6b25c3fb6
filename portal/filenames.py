"""Download names: the real (Russian) name as RFC 5987 `filename*`, an ASCII one for the rest.

Shared by every app that sends a file (forms_app's reports, programmes' plans and journals);
a leaf module that imports no app.
"""

import re
from urllib.parse import quote as url_quote

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FILENAME_FORBIDDEN = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]')
ASCII_FILENAME_FORBIDDEN = re.compile(r"[^A-Za-z0-9._-]+")
TITLE_IN_FILENAME_LENGTH = 100


def filename_title(title: str) -> str:
    """A title (a page's, a person's name) made safe for a file name on every system."""
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
