"""Old pairs and decisions with a typed order number and date get Order records on migrate."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from programmes.models import IncentiveDecision, Order, OrderKind, Pair
from programmes.tests.factories import (
    OrganisationFactory,
    ParticipantFactory,
    ProgrammeFactory,
)

BEFORE = [("programmes", "0015_matching")]
AFTER = [("programmes", "0018_remove_loose_order_fields")]
SIGNED = datetime.date(2023, 9, 28)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_identical_number_date_and_organisation_become_one_order_with_history(
    wagtail_site, latest_migrations
):
    first, second = OrganisationFactory(head_name="Демина Е. И."), OrganisationFactory()
    programmes = {org: ProgrammeFactory(organisation=org) for org in (first, second)}
    mentors = {org: ParticipantFactory(organisation=org) for org in (first, second)}
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    OldPair = old.get_model("programmes", "Pair")
    OldDecision = old.get_model("programmes", "IncentiveDecision")
    OldHistoricalPair = old.get_model("programmes", "HistoricalPair")

    def pair(org, number, date, status="approved"):
        row = OldPair.objects.create(
            programme_id=programmes[org].pk,
            mentor_id=mentors[org].pk,
            start_date=datetime.date(2023, 10, 1),
            status=status,
            order_number=number,
            order_date=date,
        )
        OldHistoricalPair.objects.create(
            id=row.pk,
            programme_id=row.programme_id,
            mentor_id=row.mentor_id,
            start_date=row.start_date,
            status=status,
            order_number=number,
            order_date=date,
            history_date=datetime.datetime(2023, 9, 28, 12, tzinfo=datetime.UTC),
            history_type="+",
            history_organisation_id=org.pk,
        )
        return row.pk

    same = [pair(first, "48-О", SIGNED), pair(first, " 48-О ", SIGNED)]
    elsewhere = pair(second, "48-О", SIGNED)
    undated = pair(first, "12", None, status="draft")
    unnumbered = pair(first, "", SIGNED - datetime.timedelta(days=1))
    decision = OldDecision.objects.create(
        mentor_id=mentors[first].pk,
        kind="gratitude",
        grounds="За работу",
        status="approved",
        decided_on=SIGNED,
        order_number="112-О",
        order_date=SIGNED,
    ).pk

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(AFTER)

    orders = {pk: Pair.objects.get(pk=pk).order for pk in [*same, elsewhere, undated, unnumbered]}
    assert orders[same[0]] == orders[same[1]]
    assert (orders[same[0]].number, orders[same[0]].date) == ("48-О", SIGNED)
    assert orders[same[0]].kind == OrderKind.APPROVAL
    assert orders[same[0]].signatory_name == "Демина Е. И."
    assert orders[elsewhere] != orders[same[0]]
    assert orders[elsewhere].organisation == second
    assert orders[undated] is None
    assert orders[unnumbered].number == "б/н"
    incentive = IncentiveDecision.objects.get(pk=decision).order
    assert (incentive.kind, incentive.number) == (OrderKind.INCENTIVE, "112-О")
    assert Order.objects.count() == 4
    first_version = orders[same[0]].history.get()
    assert first_version.history_type == "+" and "Перенесено" in first_version.history_change_reason
    assert first_version.history_organisation_id == first.pk
    assert Pair.history.get(id=same[0]).order_id == orders[same[0]].pk
