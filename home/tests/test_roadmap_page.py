import datetime
import importlib

import pytest
from django.apps import apps as django_apps
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.deadlines import DeadlineKind, parse_deadline
from home.models import EventStatus, RoadmapEvent
from home.selectors import overdue_events, upcoming_events
from home.tests.factories import roadmap_page

pytestmark = pytest.mark.django_db


def queries_to_render(client, page) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(page.url)
    assert response.status_code == 200
    return len(queries)


def test_roadmap_page_renders_stages_events_and_parsed_periods(client):
    page = roadmap_page(events=2, deadline="Январь – июнь 2023 г.")

    response = client.get(page.url)

    content = response.content.decode()
    assert "Этап 1" in content and "Задача этапа 1" in content
    assert "Мероприятие 1.2" in content
    assert "Январь – июнь 2023 г." in content
    assert "01.01.2023 – 30.06.2023" in content


def test_line_breaks_of_imported_cells_show_as_lines(client):
    page = roadmap_page(events=1)
    RoadmapEvent.objects.filter(stage__page=page).update(
        name="Документы:\n• положение\n• приказ", result="Приказ\nПоложение"
    )

    content = client.get(page.url).content.decode()

    assert "Документы:<br>• положение<br>• приказ" in content
    assert "Приказ<br>Положение" in content


def test_unrecognised_deadline_is_shown_as_written_and_flagged(client):
    page = roadmap_page(events=1, deadline="по согласованию с партнёрами")

    content = client.get(page.url).content.decode()

    assert "по согласованию с партнёрами" in content
    assert "deadline-period--unparsed" in content


def test_open_event_past_its_period_is_overdue_on_the_page(client):
    page = roadmap_page(events=2, deadline="март 2023")
    done = RoadmapEvent.objects.filter(stage__page=page).first()
    done.status = EventStatus.DONE
    done.save()

    content = client.get(page.url).content.decode()

    assert content.count("roadmap-event--overdue") == 1
    assert f'id="event-{done.pk}"' in content


def test_overdue_needs_an_open_status_and_a_past_end():
    event = RoadmapEvent(deadline_end=datetime.date(2023, 3, 31), status=EventStatus.PLANNED)
    day_after = datetime.date(2023, 4, 1)

    assert event.is_overdue(day_after)
    assert not event.is_overdue(datetime.date(2023, 3, 31))
    for closed in (EventStatus.DONE, EventStatus.CANCELLED):
        event.status = closed
        assert not event.is_overdue(day_after)
    assert not RoadmapEvent(deadline_end=None).is_overdue(day_after)


def test_event_due_on_request_shows_its_kind_and_is_never_overdue(client):
    page = roadmap_page(events=2, deadline="по мере необходимости")

    content = client.get(page.url).content.decode()

    assert "deadline-period--on-demand" in content
    assert "deadline-period--unparsed" not in content
    assert "roadmap-event--overdue" not in content
    events = RoadmapEvent.objects.filter(stage__page=page)
    assert {(event.deadline_start, event.deadline_end) for event in events} == {(None, None)}
    long_after = datetime.date(2030, 1, 1)
    assert list(overdue_events(today=long_after)) == []
    assert upcoming_events(today=datetime.date(2023, 1, 1), days=3650) == []


def test_deadline_on_request_clears_a_period_typed_by_hand():
    event = RoadmapEvent(
        deadline_text="по запросу",
        deadline_start=datetime.date(2023, 1, 1),
        deadline_end=datetime.date(2023, 3, 31),
    )

    event.apply_deadline(
        parse_deadline(
            event.deadline_text,
            period_start=datetime.date(2023, 1, 1),
            period_end=datetime.date(2024, 12, 31),
        )
    )

    assert event.deadline_is_parsed and event.deadline_is_on_demand
    assert (event.deadline_start, event.deadline_end) == (None, None)
    assert not event.is_overdue(datetime.date(2030, 1, 1))


def test_event_kept_on_request_with_dates_is_still_not_overdue():
    page = roadmap_page(events=1, deadline="по запросу")
    RoadmapEvent.objects.filter(stage__page=page).update(deadline_end=datetime.date(2023, 3, 31))
    event = RoadmapEvent.objects.get(stage__page=page)

    assert not event.is_overdue(datetime.date(2030, 1, 1))
    assert list(overdue_events(today=datetime.date(2030, 1, 1))) == []


def test_migration_reads_the_deadlines_not_recognised_before_again():
    on_request = roadmap_page(events=1, deadline="по запросу", title="По запросу")
    unknown = roadmap_page(events=1, deadline="по согласованию", title="По согласованию")
    typed_by_hand = {
        "deadline_kind": DeadlineKind.UNPARSED,
        "deadline_start": datetime.date(2023, 1, 1),
        "deadline_end": datetime.date(2023, 3, 31),
    }
    RoadmapEvent.objects.update(**typed_by_hand)
    migration = importlib.import_module("home.migrations.0005_deadline_on_demand")

    migration.read_unrecognised_deadlines_again(django_apps, None)

    def deadline(page):
        event = RoadmapEvent.objects.get(stage__page=page)
        return event.deadline_kind, event.deadline_start, event.deadline_end

    assert deadline(on_request) == (DeadlineKind.ON_DEMAND, None, None)
    assert deadline(unknown) == tuple(typed_by_hand.values())


def test_overdue_list_has_open_past_events_only():
    page = roadmap_page(events=3, deadline="март 2023")
    first, second, _third = RoadmapEvent.objects.filter(stage__page=page).order_by("sort_order")
    first.status = EventStatus.DONE
    first.save()
    second.status = EventStatus.CANCELLED
    second.save()

    overdue = list(overdue_events(today=datetime.date(2023, 4, 1)))

    assert [event.name for event in overdue] == ["Мероприятие 1.3"]
    assert list(overdue_events(today=datetime.date(2023, 3, 1))) == []


def test_upcoming_deadlines_use_the_next_occurrence_of_recurring_events():
    roadmap_page(events=1, deadline="ежеквартально", title="Мониторинг")

    upcoming = upcoming_events(today=datetime.date(2023, 5, 10), days=60)

    assert [(event.deadline_text, due) for event, due in upcoming] == [
        ("ежеквартально", datetime.date(2023, 6, 30))
    ]


def test_roadmap_page_query_count_does_not_grow_with_events(client):
    small = roadmap_page(events=5, stages=2, title="Малая")
    large = roadmap_page(events=40, stages=5, title="Большая")
    for event in RoadmapEvent.objects.filter(stage__page=large)[:20]:
        event.evidence_page = large
        event.save()

    queries_to_render(client, small)  # warm per-process caches (site root, content types)
    assert queries_to_render(client, small) == queries_to_render(client, large)


def test_draft_roadmap_is_not_public(client):
    page = roadmap_page(events=1, live=False)

    assert client.get(page.url or "/nastavnichestvo/dorozhnaia-karta/").status_code == 404
