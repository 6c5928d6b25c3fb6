"""The programme year the generated records live in, relative to the day of generation.

The year began nine months before the month of generation and ends three months after it,
so there are finished, running and future parts; nothing generated happens after the
horizon (a minute before today's midnight, or before now), so every date is in the past.
"""

import datetime
import random
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone


@dataclass(frozen=True)
class Calendar:
    """The programme year: it began nine months before the month of generation."""

    today: datetime.date
    horizon: datetime.datetime  # nothing generated happens after it
    programme_start: datetime.date
    programme_end: datetime.date
    tz: ZoneInfo

    @property
    def last_day(self) -> datetime.date:
        return self.today - datetime.timedelta(days=1)

    def at(self, day: datetime.date, rng: random.Random, hours=(8, 18)) -> datetime.datetime:
        moment = datetime.datetime(
            day.year,
            day.month,
            day.day,
            rng.randrange(*hours),
            rng.randrange(60),
            rng.randrange(60),
            tzinfo=self.tz,
        )
        return min(moment, self.horizon)


def calendar_for(*, today: datetime.date, now: datetime.datetime | None = None) -> Calendar:
    month = today.year * 12 + today.month - 1 - 9
    start = datetime.date(month // 12, month % 12 + 1, 1)
    end_month = month + 12
    end = datetime.date(end_month // 12, end_month % 12 + 1, 1) - datetime.timedelta(days=1)
    now = now or timezone.now()
    tz = ZoneInfo(settings.TIME_ZONE)
    midnight = datetime.datetime(today.year, today.month, today.day, tzinfo=tz)
    return Calendar(
        today=today,
        horizon=min(now, midnight) - datetime.timedelta(minutes=1),
        programme_start=start,
        programme_end=end,
        tz=tz,
    )
