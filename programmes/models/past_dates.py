"""Dates of things that have already happened cannot be later than today.

A consent given in 2030 or an order signed next month is a typing mistake that the rest of
the portal would believe: the consent would count as valid from a day nobody reached, the
decision would sort above today's. The models list such fields in their `clean()`; dates of
what is planned (a pair's start and end, a consent's term, a meeting still to come) are not
listed.
"""

from django.db import models
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

LATER_THAN_TODAY = _("«%(field)s» cannot be later than today.")


def future_date_errors(record: models.Model, names: tuple[str, ...]) -> dict[str, str]:
    """{field name: Russian message naming the field} for each listed date after today (for a
    date-time, after now)."""
    today, now = timezone.localdate(), timezone.now()
    errors = {}
    for name in names:
        field = record._meta.get_field(name)
        value = getattr(record, name)
        if value is None:
            continue
        late = value > now if isinstance(field, models.DateTimeField) else value > today
        if late:
            errors[name] = LATER_THAN_TODAY % {"field": capfirst(field.verbose_name)}
    return errors
