"""What generating an organisation hands back to the command.

The command reports the counts and the history subject; forms_app answers the
questionnaires from the respondents, in the participants' own words, without reading the
participants back from the database.
"""

import datetime
from collections import Counter
from dataclasses import dataclass


@dataclass(frozen=True)
class Respondent:
    """What a generated participant would have answered in their questionnaire."""

    pk: int
    is_mentor: bool
    last_name: str
    first_name: str
    patronymic: str
    group: str
    requests: str
    interests: str
    competences: str
    form: str
    capacity: int
    joined_at: datetime.datetime


@dataclass
class OrganisationResult:
    organisation_id: int
    respondents: list[Respondent]
    counts: Counter
    history_subject_id: int | None
    period_start: datetime.date
    last_day: datetime.date
