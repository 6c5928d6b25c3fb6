"""Turn the Russian deadline phrases of mentoring roadmaps into date periods.

A roadmap («дорожная карта») gives every activity a hand-written deadline such as
«Август 2022 г.», «до 28.02.23», «сентябрь-декабрь ежегодно» or «в течение всего
периода реализации ЦМН». The portal needs real dates to sort, filter and remind,
so ``parse_deadline`` reads such a phrase into a ``Deadline``.

Phrases often leave the year out, which is why the roadmap period is always
required: it decides which year is meant. Whatever cannot be read with confidence
becomes ``DeadlineKind.UNPARSED`` with the original text kept, so nothing an
author wrote is lost and no date is invented.

The package is split by idea: ``kinds`` says what a deadline is, ``spelling`` how
authors type it, ``spans`` how a stretch of the calendar gets its years,
``school_calendar`` what school years, terms and weeks stand for, ``reading`` how
one-off phrases are read, ``recurrence`` how repeated ones are, and ``parser``
puts them together.
"""

from home.deadlines.kinds import Deadline, DeadlineKind, Period, Recurrence
from home.deadlines.parser import parse_deadline

__all__ = ["Deadline", "DeadlineKind", "Period", "Recurrence", "parse_deadline"]
