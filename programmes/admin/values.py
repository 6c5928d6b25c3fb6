"""How a record's values read in the admin's lists, inspect pages and exports.

Django and modeladmin show a Python value as Python spells it: «True», «False», «None»
(a list's tick icon says «False» to a screen reader), and export a date-time in UTC as
«2026-12-02 06:00:00+00:00». Here a yes/no reads «Да»/«Нет»; an empty value is «—» on a
screen and an empty cell in a spreadsheet (a blank cell is what a spreadsheet filters and
counts as empty); dates and times are ДД.ММ.ГГГГ ЧЧ:ММ, Moscow time, and stay dates in XLSX.
Used by ScopedModelAdmin's lists (programmes.admin.base), RecordIndexView's exports and
RecordInspectView (programmes.admin.grammar).
"""

import datetime

from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _

EMPTY = "—"
DATE_FORMAT = "%d.%m.%Y"
DATETIME_FORMAT = "%d.%m.%Y %H:%M"
XLSX_DATE_FORMAT = "DD.MM.YYYY"
XLSX_DATETIME_FORMAT = "DD.MM.YYYY HH:MM"


def yes_no(value: bool) -> str:
    return capfirst(_("yes") if value else _("no"))


def is_empty(value) -> bool:
    return value is None or value == ""


def shown(value):
    """A value as a screen shows it: «Да»/«Нет», «—» for nothing, local dates; else as is."""
    if isinstance(value, bool):
        return yes_no(value)
    if is_empty(value):
        return EMPTY
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).strftime(DATETIME_FORMAT)
    if isinstance(value, datetime.date):
        return value.strftime(DATE_FORMAT)
    return value


def exported(value, *, xlsx: bool):
    """A cell of an export: «Да»/«Нет», blank for nothing, Moscow dates (real dates in XLSX)."""
    if isinstance(value, bool):
        return yes_no(value)
    if is_empty(value):
        return ""
    if isinstance(value, datetime.datetime):
        local = timezone.localtime(value) if timezone.is_aware(value) else value
        return local.replace(tzinfo=None) if xlsx else local.strftime(DATETIME_FORMAT)
    if isinstance(value, datetime.date):
        return value if xlsx else value.strftime(DATE_FORMAT)
    return value


def xlsx_number_format(value) -> str | None:
    if isinstance(value, datetime.datetime):
        return XLSX_DATETIME_FORMAT
    if isinstance(value, datetime.date):
        return XLSX_DATE_FORMAT
    return None
