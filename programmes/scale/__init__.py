"""Municipal-scale data for benchmarks: many organisations' records, invented but consistent.

Benchmarks need a school's or a municipality's worth of programme records with their
history, and they only measure something real if that data keeps the records' rules (those
of the models' `clean()` and of programmes.services). The package generates such data in
bulk, deterministically and resumably, and checks it:

- profiles: how much to generate, and the lookups of what was generated;
- vocabulary, programme_kinds: what the invented records say and which programmes they run;
- calendar: the programme year the records live in;
- generator: one organisation's records and their history, built in memory;
- writing: records and history rows into the database in big batches;
- results: what generating an organisation hands back;
- tables, consistency: the tables filled, and the check of the rules over them.

The names below are those other modules import from `programmes.scale`.
"""

from .calendar import calendar_for
from .consistency import consistency_errors
from .generator import scale_organisation_generate
from .profiles import (
    HISTORY_SUBJECT_NOTE,
    HISTORY_SUBJECT_VERSIONS,
    PROFILES,
    curator_username,
    history_subject,
    profile_with,
    scale_organisation_find,
    scale_organisations,
    share,
)
from .results import Respondent
from .tables import SAMPLED_MODELS, history_tables, table_counts
from .writing import BATCH_SIZE, planner_statistics_refresh, rows_insert

__all__ = [
    "BATCH_SIZE",
    "HISTORY_SUBJECT_NOTE",
    "HISTORY_SUBJECT_VERSIONS",
    "PROFILES",
    "SAMPLED_MODELS",
    "Respondent",
    "calendar_for",
    "consistency_errors",
    "curator_username",
    "history_subject",
    "history_tables",
    "planner_statistics_refresh",
    "profile_with",
    "rows_insert",
    "scale_organisation_find",
    "scale_organisation_generate",
    "scale_organisations",
    "share",
    "table_counts",
]
