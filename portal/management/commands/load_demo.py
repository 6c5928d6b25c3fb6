"""The demo content and one user per role, for `make demo`, tests and the benchmark.

The users include the superuser `admin`, all with a password printed in the README, so a
server with DEBUG off (a production one, as far as anyone can tell) is refused unless the
operator says --force.
"""

import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext as _

from forms_app.demo import load_forms_demo
from home.demo import load_home_demo
from portal.demo_users import demo_users_ensure
from portal.roles import AUDITORS, CURATORS, EDITORS, sync_roles
from programmes.demo import ORGANISATION, load_programmes_demo


class Command(BaseCommand):
    help = "Load the demo content and one demo user per role. Safe to run again."

    def add_arguments(self, parser):
        parser.add_argument(
            "--password",
            default=os.environ.get("DEMO_PASSWORD", "demo12345"),
            help="Password for newly created demo users (DEMO_PASSWORD).",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load even though DEBUG is off, as on a production server.",
        )

    def handle(self, *args, password, force, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                _(
                    "DEBUG is off, so this looks like a production server, and load_demo would "
                    "create the superuser admin and other users with a known password. Nothing "
                    "was changed. If this database is meant for a demonstration, run "
                    "load_demo --force."
                )
            )
        sync_roles()
        users = demo_users_ensure(password=password)
        staff_groups = list(Group.objects.filter(name__in=[EDITORS, CURATORS, AUDITORS]))
        today = timezone.localdate()
        log = lambda line: self.stdout.write(f"  {line}")  # noqa: E731
        load_home_demo(internal_groups=staff_groups, today=today, log=log)
        accounts = get_user_model().objects.in_bulk(
            ["curator", "auditor", "mentor", "mentee"], field_name="username"
        )
        load_programmes_demo(
            curator=accounts["curator"],
            auditor=accounts["auditor"],
            mentor_user=accounts["mentor"],
            mentee_user=accounts["mentee"],
            today=today,
            log=log,
        )
        load_forms_demo(
            organisation_name=ORGANISATION, curator_email=accounts["curator"].email, log=log
        )
        self.stdout.write(self.style.SUCCESS("Демо-данные загружены. Входы (логин / пароль):"))
        for user in users:
            self.stdout.write(f"  {user.username:<10} {password:<12} {user.role}")
