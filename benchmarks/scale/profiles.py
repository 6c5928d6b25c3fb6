"""How much to generate, and how to find what was generated.

A profile is a named size (a school, a municipality); the command may override its counts.
Each organisation is generated together with its curator account `scale-s<seed>-o<number>`,
which is its marker: the lookups here find generated organisations (of one seed or of all)
and the participant with 1 000 history versions through that name, so a run can resume and
a benchmark can find its subjects without remembering primary keys.
"""

import dataclasses
from dataclasses import dataclass

from django.db import models

from programmes.models import Organisation, Participant


@dataclass(frozen=True)
class ScaleProfile:
    """How much to generate. The *_edits are the mean number of extra «~» versions a record gets."""

    name: str
    organisations: int
    participants: int
    pairs: int
    meetings: int
    submissions: int
    participant_edits: float
    meeting_edits: float
    feedback_edits: float


PROFILES = {
    profile.name: profile
    for profile in (
        ScaleProfile("school", 1, 1_000, 300, 6_000, 20_000, 1.5, 1.0, 0.2),
        # The edit rates are tuned so the history tables hold about 5 000 000 rows.
        ScaleProfile("municipality", 50, 50_000, 20_000, 400_000, 1_000_000, 2.5, 3.8, 1.7),
    )
}

HISTORY_SUBJECT_VERSIONS = 1_000
HISTORY_SUBJECT_NOTE = "Нагрузочные данные: запись с 1000 версиями истории."


def profile_with(*, profile: ScaleProfile, **counts: int | None) -> ScaleProfile:
    """The profile with the counts given explicitly (None leaves the profile's)."""
    return dataclasses.replace(
        profile, **{name: value for name, value in counts.items() if value is not None}
    )


def share(*, total: int, parts: int, index: int) -> int:
    """The index-th of `parts` nearly equal shares of `total` (the first ones get the rest)."""
    return total // parts + (1 if index < total % parts else 0)


def curator_username(*, seed: int, index: int) -> str:
    """The generated curator of an organisation; its existence marks the organisation as done."""
    return f"scale-s{seed}-o{index:03d}"


def scale_organisation_find(*, seed: int, index: int) -> Organisation | None:
    return (
        Organisation.objects.filter(members__username=curator_username(seed=seed, index=index))
        .order_by("pk")
        .first()
    )


def scale_organisations(*, seed: int | None = None) -> models.QuerySet[Organisation]:
    """The generated organisations (of one seed, or of all)."""
    prefix = "scale-s" if seed is None else f"scale-s{seed}-o"
    return Organisation.objects.filter(members__username__startswith=prefix).distinct()


def history_subject(*, seed: int) -> Participant | None:
    """The participant with 1000 versions: the first participant of the seed's first organisation."""
    organisation = scale_organisation_find(seed=seed, index=0)
    if organisation is None:
        return None
    return (
        Participant.objects.filter(organisation=organisation, interests=HISTORY_SUBJECT_NOTE)
        .order_by("pk")
        .first()
    )
