"""generate_scale_data: a school's or a municipality's worth of invented records, for benchmarks.

    python manage.py generate_scale_data --profile school|municipality [--seed N]
        [--organisations N] [--participants N] [--pairs N] [--meetings N] [--submissions N]
        [--check]

Resumes rather than duplicates: each organisation is generated in one transaction with its
curator account `scale-s<seed>-o<number>` (benchmarks.scale.profiles.curator_username), and an
organisation whose curator exists is skipped. Running twice with the same seed adds nothing;
an interrupted run carries on from the first missing organisation; another seed adds a
separate dataset (its own organisations, curators, participants and answers) next to it.
The questionnaire pages are shared by every seed and created once.
"""

import datetime
import os
import time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from tqdm import tqdm

from benchmarks.scale.calendar import calendar_for
from benchmarks.scale.consistency import consistency_errors
from benchmarks.scale.generator import scale_organisation_generate
from benchmarks.scale.profiles import (
    PROFILES,
    curator_username,
    history_subject,
    profile_with,
    scale_organisation_find,
    scale_organisations,
    share,
)
from benchmarks.scale.questionnaires import (
    scale_pages_ensure,
    scale_submissions_generate,
    submission_errors,
)
from benchmarks.scale.tables import history_tables, table_counts
from benchmarks.scale.writing import planner_statistics_refresh
from forms_app.models import QuestionnaireSubmission
from portal.roles import CURATORS, sync_roles

COUNTED = ("organisations", "participants", "pairs", "meetings", "submissions")


def curator_create(*, seed: int, index: int, password_hash: str):
    """The organisation's generated curator: the author of its history and its marker."""
    group = Group.objects.filter(name=CURATORS).first()
    if group is None:
        sync_roles()
        group = Group.objects.get(name=CURATORS)
    user = get_user_model().objects.create(
        username=curator_username(seed=seed, index=index),
        first_name="Куратор",
        last_name=f"Организация {index + 1}",
        email=f"{curator_username(seed=seed, index=index)}@example.ru",
        password=password_hash,
    )
    user.groups.add(group)
    return user


class Command(BaseCommand):
    help = (
        "Generate invented, consistent programme records and questionnaire answers at the "
        "scale of a school or a municipality. Safe to run again: what exists for the seed is "
        "skipped, an interrupted run resumes."
    )

    def add_arguments(self, parser):
        parser.add_argument("--profile", choices=sorted(PROFILES), default="school")
        parser.add_argument("--seed", type=int, default=1)
        for name in COUNTED:
            parser.add_argument(f"--{name}", type=int, help=_("Overrides the profile's count."))
        parser.add_argument(
            "--password",
            default=os.environ.get("DEMO_PASSWORD", "demo12345"),
            help=_("Password of the generated curators."),
        )
        parser.add_argument(
            "--check", action="store_true", help=_("Check every rule over the data at the end.")
        )

    def handle(self, *args, profile, seed, password, check, verbosity, **options):
        started = time.monotonic()
        chosen = profile_with(
            profile=PROFILES[profile], **{name: options.get(name) for name in COUNTED}
        )
        if chosen.organisations < 1:
            raise CommandError(_("At least one organisation is needed."))
        calendar = calendar_for(today=timezone.localdate())
        missing = [
            index
            for index in range(chosen.organisations)
            if scale_organisation_find(seed=seed, index=index) is None
        ]
        skipped = chosen.organisations - len(missing)
        if skipped:
            self.stdout.write(
                _("%(count)s organisations of seed %(seed)s exist already and are skipped.")
                % {"count": skipped, "seed": seed}
            )
        pages = scale_pages_ensure(
            published_at=datetime.datetime.combine(
                calendar.programme_start - datetime.timedelta(days=60),
                datetime.time(9),
                tzinfo=calendar.tz,
            )
        )
        totals = {
            name: sum(
                share(total=getattr(chosen, name), parts=chosen.organisations, index=index)
                for index in missing
            )
            for name in COUNTED
            if name != "organisations"
        }
        totals["organisations"] = len(missing)
        bars: dict[str, tqdm] = {}

        def progress(kind: str, count: int) -> None:
            if kind not in bars:
                bars[kind] = tqdm(
                    desc=f"{kind:<14}",
                    total=totals.get(kind),
                    unit=" rows",
                    position=len(bars),
                    mininterval=1,
                    disable=verbosity == 0,
                )
            bars[kind].update(count)

        password_hash = make_password(password)
        for index in missing:
            with transaction.atomic():
                curator = curator_create(seed=seed, index=index, password_hash=password_hash)
                result = scale_organisation_generate(
                    seed=seed,
                    index=index,
                    profile=chosen,
                    curator=curator,
                    calendar=calendar,
                    progress=progress,
                )
                scale_submissions_generate(
                    pages=pages,
                    respondents=result.respondents,
                    count=share(total=chosen.submissions, parts=chosen.organisations, index=index),
                    seed=seed,
                    index=index,
                    period_start=result.period_start,
                    horizon=calendar.horizon,
                    progress=progress,
                )
        for bar in bars.values():
            bar.close()
        if missing:
            self.stdout.write(_("Updating the database's query planner statistics…"))
            planner_statistics_refresh()
        self._summary(seed=seed, started=started)
        if check:
            self._check(seed=seed)

    def _summary(self, *, seed: int, started: float) -> None:
        counts = table_counts()
        counts[QuestionnaireSubmission._meta.db_table] = QuestionnaireSubmission.objects.count()
        history = set(history_tables())
        self.stdout.write(_("Rows per table:"))
        for table, count in counts.items():
            self.stdout.write(f"  {table:<45} {count:>12,}".replace(",", " "))
        total = sum(count for table, count in counts.items() if table in history)
        self.stdout.write(
            _("History rows in total: %(count)s") % {"count": f"{total:,}".replace(",", " ")}
        )
        subject = history_subject(seed=seed)
        if subject is not None:
            url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
                "programmes_participant_modeladmin_history", args=[subject.pk]
            )
            self.stdout.write(
                _("Participant with %(count)s versions: No. %(pk)s, %(url)s")
                % {"count": subject.history.count(), "pk": subject.pk, "url": url}
            )
        self.stdout.write(
            self.style.SUCCESS(
                _("Done in %(seconds)s s.") % {"seconds": round(time.monotonic() - started, 1)}
            )
        )

    def _check(self, *, seed: int) -> None:
        errors = consistency_errors(organisations=scale_organisations(seed=seed))
        errors += submission_errors()
        for error in errors:
            self.stdout.write(self.style.ERROR(f"  {error}"))
        if errors:
            raise CommandError(_("%(count)s rules broken.") % {"count": len(errors)})
        self.stdout.write(self.style.SUCCESS(_("Every rule holds.")))
