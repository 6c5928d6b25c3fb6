"""A class answering at once: every answer is kept, none twice (PostgreSQL, real threads)."""

import threading

import pytest
from django.db import connection, connections
from django.test import Client

from forms_app.models import QuestionnaireSubmission
from forms_app.tests.factories import answers, questionnaire_page
from programmes.models import Participant
from programmes.tests.factories import OrganisationFactory

CLASS_SIZE = 50


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs a server database with real concurrency"
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_fifty_pupils_sending_at_once_give_fifty_answers_and_fifty_mentees(wagtail_site):
    page = questionnaire_page(organisation=OrganisationFactory())
    start = threading.Barrier(CLASS_SIZE)
    statuses = []

    def pupil(number: int):
        try:
            data = answers(page)
            data[page.get_form_fields()[0].clean_name] = f"Ученик{number}"
            start.wait()
            statuses.append(Client(REMOTE_ADDR="10.0.0.1").post(page.url, data).status_code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=pupil, args=(n,)) for n in range(CLASS_SIZE)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert statuses == [302] * CLASS_SIZE
    assert QuestionnaireSubmission.objects.filter(page=page).count() == CLASS_SIZE
    assert Participant.objects.filter(is_mentee=True).count() == CLASS_SIZE
