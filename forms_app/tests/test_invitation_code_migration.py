"""Invitations made before the short codes get one each when the migration runs."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from forms_app.models import Invitation
from forms_app.models.invitations import CODE_ALPHABET
from forms_app.tests.factories import questionnaire_page
from programmes.tests.factories import ParticipantFactory

BEFORE = [("forms_app", "0006_question_updates_known_participant")]
AFTER = [("forms_app", "0008_invitation_code_required")]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_existing_invitations_get_distinct_codes_and_keep_their_tokens(
    wagtail_site, latest_migrations
):
    participant = ParticipantFactory()
    page = questionnaire_page()
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old_apps = executor.loader.project_state(BEFORE).apps
    OldInvitation = old_apps.get_model("forms_app", "Invitation")
    expires_at = timezone.now() + datetime.timedelta(days=7)
    tokens = {f"printed-token-{n}" for n in range(5)}
    for token in tokens:
        OldInvitation.objects.create(
            token=token, participant_id=participant.pk, page_id=page.pk, expires_at=expires_at
        )

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(AFTER)

    rows = list(Invitation.objects.values_list("token", "code"))
    codes = [code for _, code in rows]
    assert {token for token, _ in rows} == tokens
    assert len(set(codes)) == 5
    assert all(len(code) == 8 and set(code) <= set(CODE_ALPHABET) for code in codes)
