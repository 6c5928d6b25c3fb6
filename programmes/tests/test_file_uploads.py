"""The programme's files (consent scans, certificates, case materials) are checked like every
upload: an accepted extension, and content that is what the extension says."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from portal.tests.factories import user_with_role
from portal.tests.files import HTML, PDF, image_bytes, zip_bomb
from programmes.models import MentorTraining
from programmes.tests.factories import (
    CaseFactory,
    ConsentFactory,
    MentorTrainingFactory,
    ParticipantFactory,
)

pytestmark = pytest.mark.django_db


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def english_errors(error: ValidationError, field: str) -> str:
    with translation.override("en"):
        return " ".join(error.message_dict[field])


@pytest.fixture
def superuser_client(client):
    client.force_login(user_with_role("superuser"))
    return client


def training_form(mentor, certificate) -> dict:
    return {
        "mentor": mentor.pk,
        "course": "Школа наставника",
        "hours": "36",
        "completed_on": "25.08.2023",
        "certificate": certificate,
        "change_reason": "Сертификат прислан",
    }


def test_a_certificate_that_is_an_html_page_is_refused_and_nothing_is_saved(superuser_client):
    mentor = ParticipantFactory()

    response = superuser_client.post(
        "/admin/programmes/mentortraining/create/",
        training_form(mentor, upload("сертификат.pdf", HTML)),
    )

    assert response.status_code == 200
    assert "certificate" in response.context["form"].errors
    assert not MentorTraining.objects.exists()


def test_a_genuine_certificate_is_saved(superuser_client):
    mentor = ParticipantFactory()

    response = superuser_client.post(
        "/admin/programmes/mentortraining/create/",
        training_form(mentor, upload("сертификат.jpg", image_bytes("JPEG"))),
    )

    assert response.status_code == 302
    assert MentorTraining.objects.get().certificate.name.endswith(".jpg")


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("скан.pdf", HTML, "its content is an HTML page"),
        ("скан.docx", PDF, "Upload one of: .jpeg, .jpg, .pdf, .png"),
        ("скан.html", HTML, "Files of type .html are not accepted here"),
    ],
)
def test_a_consent_scan_must_be_a_scan(name, content, expected):
    consent = ConsentFactory()
    consent.scan = upload(name, content)

    with pytest.raises(ValidationError) as raised:
        consent.full_clean()

    assert expected in english_errors(raised.value, "scan")


def test_a_certificate_must_be_a_scan_too():
    training = MentorTrainingFactory()
    training.certificate = upload("сертификат.pdf", HTML)

    with pytest.raises(ValidationError) as raised:
        training.full_clean()

    assert "its content is an HTML page" in english_errors(raised.value, "certificate")


def test_case_materials_may_be_an_archive_but_not_an_archive_bomb():
    case = CaseFactory()
    case.file = upload("материалы.zip", zip_bomb(unpacked_mb=20))

    with pytest.raises(ValidationError) as raised:
        case.full_clean()

    assert "looks like an archive bomb" in english_errors(raised.value, "file")
