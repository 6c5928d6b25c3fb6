"""The benchmark's work inside Django, one subcommand per process: `python -m benchmarks.probe`.

run.py stays free of Django so that each profile's database is just another DATABASE_URL
in a child's environment. Every subcommand prints one JSON document on its last line.

* `prepare`  the reference form page and the questionnaire page with the same five questions,
             signed-in respondents with a valid consent, a superuser, their sessions, a CSRF
             cookie and token, and the URLs to measure;
* `status`   whether the scale generator's data of a profile and seed is all there;
* `count`    submissions of the two benchmark pages (did the POSTs really create answers?);
* `queries`  queries and in-process time of each admin page, through Django's test client;
* `report`   the results report (HTML or XLSX) of one page: wall seconds and peak memory, in
             a process of its own so that the peak is that report's.
"""

import argparse
import json
import os
import resource
import sys
import time

BENCH_SLUG_QUESTIONNAIRE = "bench-questionnaire"
BENCH_SLUG_REFERENCE = "bench-reference"
RESPONDENTS = 16
RESPONDENT_PREFIX = "bench-respondent-"
FORM = "application/x-www-form-urlencoded"
ADMIN_USERNAME = "bench-admin"

# (label, field type, what the questionnaire feeds with it, the answer sent)
FIELDS = [
    ("Фамилия", "singleline", "last_name", "Нагрузочный"),
    ("Имя", "singleline", "first_name", None),  # each respondent sends their own
    ("Класс", "singleline", "group", "10 «А»"),
    ("Электронная почта", "email", "email", "bench@example.org"),
    ("Чему ты хочешь научиться?", "multiline", "requests", "Готовиться к олимпиаде."),
]
# Each respondent alternates between two answers to the last question, so that every answer
# changes their record and writes its history, as a real one does.
REQUESTS_VARIANTS = ("Готовиться к олимпиаде.", "Готовиться к олимпиаде по физике.")


def _setup():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.settings")
    import django

    django.setup()


def _print(data) -> None:
    sys.stdout.write("\n" + json.dumps(data, ensure_ascii=False, default=str) + "\n")


# --- prepare -------------------------------------------------------------------------------


def _section():
    from home.services import mentoring_section_get_or_create

    return mentoring_section_get_or_create()


def _add_fields(page, field_model, *, with_mapping: bool) -> None:
    for order, (label, field_type, maps_to, _answer) in enumerate(FIELDS):
        options = {"maps_to": maps_to} if with_mapping else {}
        field_model.objects.create(
            page=page,
            sort_order=order,
            label=label,
            field_type=field_type,
            required=True,
            **options,
        )


def _publish(page) -> None:
    page.save_revision().publish()


def _reference_page(section):
    from benchmarks.reference.models import ReferenceFormField, ReferenceFormPage

    page = ReferenceFormPage.objects.filter(slug=BENCH_SLUG_REFERENCE).first()
    if page is None:
        page = ReferenceFormPage(title="Эталонная форма Wagtail", slug=BENCH_SLUG_REFERENCE)
        section.add_child(instance=page)
        _add_fields(page, ReferenceFormField, with_mapping=False)
        page = ReferenceFormPage.objects.get(pk=page.pk)
        _publish(page)
    return page


def _questionnaire_page(section, organisation):
    from forms_app.models import (
        QuestionnaireAccess,
        QuestionnaireField,
        QuestionnaireKind,
        QuestionnairePage,
    )

    page = QuestionnairePage.objects.filter(slug=BENCH_SLUG_QUESTIONNAIRE).first()
    if page is None:
        page = QuestionnairePage(
            title="Анкета наставляемого (нагрузочная)",
            slug=BENCH_SLUG_QUESTIONNAIRE,
            kind=QuestionnaireKind.MENTEE,
            access=QuestionnaireAccess.PARTICIPANTS,
            requires_consent=True,
            allow_several_answers=True,
            organisation=organisation,
        )
        section.add_child(instance=page)
        _add_fields(page, QuestionnaireField, with_mapping=True)
        page = QuestionnairePage.objects.get(pk=page.pk)
        _publish(page)
    return page


def _respondents(organisation) -> list:
    """Signed-in participants with a valid consent: the POST goes through every check."""
    import datetime

    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.utils import timezone

    from portal.roles import PARTICIPANTS
    from programmes.models import (
        Consent,
        ConsentGiver,
        ConsentKind,
        ConsentSource,
        Participant,
        ParticipantCategory,
    )
    from programmes.selectors.consents import participants_with_consent

    users = []
    group = Group.objects.get(name=PARTICIPANTS)
    today = timezone.localdate()
    for number in range(1, RESPONDENTS + 1):
        user, _created = get_user_model().objects.get_or_create(
            username=f"{RESPONDENT_PREFIX}{number:02d}",
            defaults={"first_name": f"Респондент{number:02d}", "last_name": "Нагрузочный"},
        )
        user.groups.add(group)
        participant = Participant.objects.filter(user=user).first()
        if participant is None:
            participant = Participant.objects.create(
                organisation=organisation,
                last_name="Нагрузочный",
                first_name=user.first_name,
                is_mentee=True,
                category=ParticipantCategory.COLLEGE_STUDENT,
                birth_date=datetime.date(2005, 1, 1),
                user=user,
            )
        if not participants_with_consent(today).filter(pk=participant.pk).exists():
            Consent.objects.create(
                participant=participant,
                kind=ConsentKind.PROCESSING,
                given_by=ConsentGiver.PARTICIPANT,
                source=ConsentSource.PAPER,
                given_on=today - datetime.timedelta(days=1),
            )
        users.append(user)
    return users


def _admin_user():
    from django.contrib.auth import get_user_model

    user, _created = get_user_model().objects.get_or_create(
        username=ADMIN_USERNAME, defaults={"is_superuser": True, "is_staff": True}
    )
    if not (user.is_superuser and user.is_staff):
        user.is_superuser = user.is_staff = True
        user.save()
    return user


def _session_cookie(user) -> str:
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


def _csrf() -> tuple[str, str]:
    """A CSRF cookie and a form token for it, as Django's own middleware would hand out."""
    from django.conf import settings
    from django.http import HttpRequest
    from django.middleware.csrf import get_token

    request = HttpRequest()
    token = get_token(request)
    return f"{settings.CSRF_COOKIE_NAME}={request.META['CSRF_COOKIE']}", token


def _body(page, token: str, first_name: str, requests: str) -> str:
    from urllib.parse import urlencode

    answers = {"csrfmiddlewaretoken": token}
    for question, (_label, _type, maps_to, answer) in zip(
        page.get_form_fields(), FIELDS, strict=True
    ):
        if answer is None:
            answer = first_name
        elif maps_to == "requests":
            answer = requests
        answers[question.clean_name] = answer
    return urlencode(answers)


def _bodies(page, token: str, respondents) -> list[list[str]]:
    """Per respondent, the bodies they send in turn (see REQUESTS_VARIANTS)."""
    return [
        [_body(page, token, user.first_name, requests) for requests in REQUESTS_VARIANTS]
        for user in respondents
    ]


def _biggest_questionnaire(exclude_pk: int):
    from django.db.models import Count

    from forms_app.models import QuestionnaireSubmission

    row = (
        QuestionnaireSubmission.objects.exclude(page_id=exclude_pk)
        .values("page_id")
        .annotate(n=Count("id"))
        .order_by("-n", "page_id")
        .first()
    )
    return (row["page_id"], row["n"]) if row else (None, 0)


def _most_versioned_participant(exclude_users) -> tuple[int | None, int]:
    """The generator's 1 000-version participant, or else whoever has the most versions."""
    from django.db.models import Count

    from programmes.models import Participant

    history = Participant.history.model
    try:
        from benchmarks.scale.profiles import HISTORY_SUBJECT_NOTE
    except ImportError:
        HISTORY_SUBJECT_NOTE = None
    if HISTORY_SUBJECT_NOTE:
        subject = Participant.objects.filter(interests=HISTORY_SUBJECT_NOTE).order_by("pk").first()
        if subject is not None:
            return subject.pk, history.objects.filter(id=subject.pk).count()
    row = (
        history.objects.exclude(user_id__in=[user.pk for user in exclude_users])
        .values("id")
        .annotate(n=Count("history_id"))
        .order_by("-n", "id")
        .first()
    )
    return (row["id"], row["n"]) if row else (None, 0)


def _public_section_ensure() -> None:
    """The scale generator writes records, not pages: the demo's public section stands in."""
    from django.contrib.auth.models import Group
    from django.utils import timezone

    from home.demo import load_home_demo
    from home.models import RoadmapPage
    from portal.roles import AUDITORS, CURATORS, EDITORS

    if not RoadmapPage.objects.live().exists():
        staff = list(Group.objects.filter(name__in=[EDITORS, CURATORS, AUDITORS]))
        load_home_demo(internal_groups=staff, today=timezone.localdate(), log=lambda line: None)


def _public_pages() -> dict:
    from django.db.models import Count

    from home.models import MentoringSectionPage, RoadmapPage

    roadmap = (
        RoadmapPage.objects.live()
        .public()
        .annotate(events=Count("stages__events"))
        .order_by("-events", "path")
        .first()
    )
    section = MentoringSectionPage.objects.live().public().order_by("path").first()
    return {
        "roadmap": roadmap.url if roadmap else None,
        "roadmap_events": roadmap.events if roadmap else 0,
        "section": section.url if section else None,
    }


def _data_summary() -> dict:
    from forms_app.models import QuestionnaireSubmission
    from programmes.models import Meeting, Organisation, Pair, Participant

    return {
        "organisations": Organisation.objects.count(),
        "participants": Participant.objects.count(),
        "pairs": Pair.objects.count(),
        "meetings": Meeting.objects.count(),
        "participant_versions": Participant.history.model.objects.count(),
        "questionnaire_submissions": QuestionnaireSubmission.objects.count(),
    }


def prepare(_args) -> dict:
    from django.db import transaction
    from django.urls import reverse

    from programmes.models import Organisation

    with transaction.atomic():
        organisation = Organisation.objects.order_by("pk").first()
        if organisation is None:
            raise SystemExit("The database has no organisation: load data first.")
        _public_section_ensure()
        section = _section()
        reference = _reference_page(section)
        questionnaire = _questionnaire_page(section, organisation)
        respondents = _respondents(organisation)
        admin = _admin_user()
    csrf_cookie, token = _csrf()
    sessions = [_session_cookie(user) for user in respondents]
    report_page, report_submissions = _biggest_questionnaire(exclude_pk=questionnaire.pk)
    history_pk, history_versions = _most_versioned_participant(respondents)
    admin_urls = {
        "admin_participants": reverse("programmes_participant_modeladmin_index"),
        "admin_pairs": reverse("programmes_pair_modeladmin_index"),
        "admin_meetings": reverse("programmes_meeting_modeladmin_index"),
        "admin_submissions": reverse("wagtailforms:list_submissions", args=[report_page])
        if report_page
        else None,
        "admin_history": reverse("programmes_participant_modeladmin_history", args=[history_pk])
        if history_pk
        else None,
        "admin_journal": reverse("programmes_journal"),
    }
    return {
        "public": _public_pages(),
        "reference": {
            "url": reference.url,
            "pk": reference.pk,
            "bodies": _bodies(reference, token, respondents),
        },
        "questionnaire": {
            "url": questionnaire.url,
            "pk": questionnaire.pk,
            "bodies": _bodies(questionnaire, token, respondents),
        },
        "csrf_cookie": csrf_cookie,
        "sessions": sessions,
        "admin_session": _session_cookie(admin),
        "admin_urls": admin_urls,
        "report_page": report_page,
        "report_submissions": report_submissions,
        "history_participant": history_pk,
        "history_versions": history_versions,
        "data": _data_summary(),
        "page_cache_seconds": _page_cache_seconds(),
    }


def _page_cache_seconds() -> int:
    from django.conf import settings

    return getattr(settings, "PAGE_CACHE_SECONDS", 0)


# --- status, count, queries, report ----------------------------------------------------------------


def status(args) -> dict:
    """How many of the profile's organisations the generator has still to write.

    The generator writes each organisation with its curator in one transaction, so a
    curator that exists means that organisation is complete.
    """
    try:
        from benchmarks.scale.profiles import PROFILES, scale_organisation_find
    except ImportError:
        return {"generator": False}
    wanted = PROFILES[args.profile].organisations
    missing = sum(
        scale_organisation_find(seed=args.seed, index=index) is None for index in range(wanted)
    )
    return {"generator": True, "organisations": wanted, "missing": missing}


def count(_args) -> dict:
    from wagtail.contrib.forms.models import FormSubmission

    from benchmarks.reference.models import ReferenceFormPage
    from forms_app.models import QuestionnairePage, QuestionnaireSubmission

    reference = ReferenceFormPage.objects.get(slug=BENCH_SLUG_REFERENCE)
    questionnaire = QuestionnairePage.objects.get(slug=BENCH_SLUG_QUESTIONNAIRE)
    return {
        "reference": FormSubmission.objects.filter(page=reference).count(),
        "questionnaire": QuestionnaireSubmission.objects.filter(page=questionnaire).count(),
    }


def _admin_client():
    from django.contrib.auth import get_user_model
    from django.test import Client

    client = Client()
    client.force_login(get_user_model().objects.get(username=ADMIN_USERNAME))
    return client


def _consume(response) -> int:
    if response.streaming:
        return sum(len(chunk) for chunk in response.streaming_content)
    return len(response.content)


def _counted(client, method: str, url: str, body: str = "", counted_body: str = "") -> dict:
    """The second request's queries: the first fills per-process caches."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def send(data):
        if method == "POST":
            return client.post(url, data=data, content_type=FORM)
        return client.get(url)

    _consume(send(body))
    with CaptureQueriesContext(connection) as captured:
        started = time.perf_counter()
        response = send(counted_body or body)
        _consume(response)
        elapsed = time.perf_counter() - started
    return {
        "queries": len(captured),
        "status": response.status_code,
        "in_process_ms": round(elapsed * 1000, 1),
    }


def queries(args) -> dict:
    """Each page's query count on its second request (the first fills per-process caches).

    Admin pages as the superuser; the two form pages as the first respondent (the test
    client skips the CSRF check, so the bodies are sent as they are).
    """
    from django.contrib.auth import get_user_model
    from django.test import Client

    found = {}
    client = _admin_client()
    for name, url in json.loads(args.urls).items():
        if url:
            found[name] = _counted(client, "GET", url)
    respondent = Client()
    respondent.force_login(get_user_model().objects.get(username=f"{RESPONDENT_PREFIX}01"))
    for name, (method, url, body, counted_body) in json.loads(args.forms).items():
        found[name] = _counted(respondent, method, url, body, counted_body)
    return found


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def report(args) -> dict:
    from django.urls import reverse

    name = "forms_app_results_xlsx" if args.format == "xlsx" else "forms_app_results"
    url = reverse(name, args=[args.page])
    client = _admin_client()
    baseline = _rss_mb()
    started = time.perf_counter()
    response = client.get(url)
    size = _consume(response)
    seconds = time.perf_counter() - started
    return {
        "format": args.format,
        "status": response.status_code,
        "seconds": round(seconds, 2),
        "peak_rss_mb": round(_rss_mb(), 1),
        "baseline_rss_mb": round(baseline, 1),
        "bytes": size,
    }


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.probe")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("prepare").set_defaults(handler=prepare)
    commands.add_parser("count").set_defaults(handler=count)
    parser_status = commands.add_parser("status")
    parser_status.add_argument("--profile", required=True)
    parser_status.add_argument("--seed", type=int, required=True)
    parser_status.set_defaults(handler=status)
    parser_queries = commands.add_parser("queries")
    parser_queries.add_argument("--urls", required=True, help="JSON {name: url}")
    parser_queries.add_argument("--forms", default="{}", help="JSON {name: [method, url, body]}")
    parser_queries.set_defaults(handler=queries)
    parser_report = commands.add_parser("report")
    parser_report.add_argument("--page", type=int, required=True)
    parser_report.add_argument("--format", choices=["html", "xlsx"], required=True)
    parser_report.set_defaults(handler=report)
    args = parser.parse_args(argv)
    _setup()
    _print(args.handler(args))


if __name__ == "__main__":
    main()
