"""Erase the personal data of participants whose consent to processing was withdrawn 30 days ago.

Run it daily (cron, systemd timer): a participant is erased on the due date at the latest.
Participants are named by number only: the output goes to logs, which must hold no personal
data.
"""

import logging

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext as _

from programmes.selectors.erasure import erasure_due_on, participants_due_for_erasure
from programmes.services.erasure import participant_erase

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Erases the personal data of participants whose consent to processing was withdrawn at least 30 days ago."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="List who is due for erasure without erasing anything.",
        )

    def handle(self, *args, dry_run=False, **options):
        today = timezone.localdate()
        due = list(participants_due_for_erasure(today).only("pk", "organisation_id"))
        erased = failed = 0
        for participant in due:
            line = _(
                "Participant No. %(id)s (organisation No. %(organisation)s): consent withdrawn on %(withdrawn)s, due %(due)s"
            ) % {
                "id": participant.pk,
                "organisation": participant.organisation_id,
                "withdrawn": participant.consent_withdrawn_on.strftime("%d.%m.%Y"),
                "due": erasure_due_on(participant.consent_withdrawn_on).strftime("%d.%m.%Y"),
            }
            if dry_run:
                self.stdout.write(_("%(line)s — would be erased") % {"line": line})
                continue
            try:
                act = participant_erase(participant=participant)
            except Exception as error:  # one failure must not stop the rest
                logger.exception("Erasure of participant %s failed", participant.pk)
                failed += 1
                self.stderr.write(
                    _("%(line)s — NOT erased: %(error)s")
                    % {"line": line, "error": error.__class__.__name__}
                )
                continue
            erased += 1
            self.stdout.write(
                _("%(line)s — erased, act No. %(act)s") % {"line": line, "act": act.pk}
            )

        if dry_run:
            self.stdout.write(
                _("Due for erasure: %(count)s. Nothing was changed (--dry-run).")
                % {"count": len(due)}
            )
            return
        self.stdout.write(
            _("Erased: %(erased)s, failed: %(failed)s, due: %(due)s.")
            % {"erased": erased, "failed": failed, "due": len(due)}
        )
        if failed:
            raise CommandError(_("%(count)s participants could not be erased.") % {"count": failed})
