"""A document is refused, and nothing stored, when its content is not what its name says."""

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from wagtail.images import get_image_model
from wagtail.models import Collection

from home.models import MentoringDocument
from portal.tests.factories import user_with_role
from portal.tests.files import HTML, PDF, image_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    client.force_login(user_with_role("editor"))
    return client


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def stored_documents() -> list[str]:
    if not default_storage.exists("documents"):
        return []
    return default_storage.listdir("documents")[1]


def document_form(file) -> dict:
    return {
        "title": "Приказ о наставничестве",
        "file": file,
        "collection": Collection.get_first_root_node().pk,
        "kind": "order",
    }


def test_a_document_whose_content_is_not_its_extension_is_refused_and_not_stored(editor_client):
    files_before = stored_documents()

    response = editor_client.post(
        reverse("wagtaildocs:add"), document_form(upload("приказ.pdf", HTML))
    )

    assert response.status_code == 200
    errors = response.context["form"].errors["file"]
    with translation.override("en"):
        assert "is named .pdf, but its content is an HTML page" in str(errors[0])
    assert not MentoringDocument.objects.exists()
    assert stored_documents() == files_before


def test_a_genuine_document_is_accepted(editor_client):
    response = editor_client.post(
        reverse("wagtaildocs:add"), document_form(upload("приказ.pdf", PDF))
    )

    assert response.status_code == 302
    assert MentoringDocument.objects.get().file.name.endswith(".pdf")


def test_the_multiple_upload_refuses_it_too(editor_client):
    response = editor_client.post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": upload("приказ.pdf", HTML), "collection": Collection.get_first_root_node().pk},
    )

    assert response.json()["success"] is False
    assert ".pdf" in response.json()["error_message"]
    assert not MentoringDocument.objects.exists()


def test_the_choosers_upload_refuses_it_too(editor_client):
    def upload_in_chooser(content):
        return editor_client.post(
            reverse("wagtaildocs_chooser:create"),
            {
                "document-chooser-upload-title": "Приказ",
                "document-chooser-upload-file": upload("приказ.pdf", content),
                "document-chooser-upload-kind": "order",
            },
        ).json()

    refused = upload_in_chooser(HTML)
    assert refused["step"] == "reshow_creation_form"
    assert "приказ.pdf" in refused["htmlFragment"]
    assert not MentoringDocument.objects.exists()

    assert upload_in_chooser(PDF)["step"] == "chosen"
    assert MentoringDocument.objects.count() == 1


def test_replacing_a_documents_file_is_checked_and_editing_the_rest_is_not(editor_client):
    editor_client.post(reverse("wagtaildocs:add"), document_form(upload("приказ.pdf", PDF)))
    document = MentoringDocument.objects.get()
    url = reverse("wagtaildocs:edit", args=[document.pk])

    refused = editor_client.post(url, document_form(upload("приказ.pdf", HTML)))
    unchanged_file = {key: value for key, value in document_form(None).items() if key != "file"}
    renamed = editor_client.post(url, {**unchanged_file, "title": "Приказ № 26"})

    assert "file" in refused.context["form"].errors
    assert renamed.status_code == 302
    document.refresh_from_db()
    assert document.title == "Приказ № 26"
    assert document.file.read() == PDF


def test_an_image_whose_content_is_not_its_extension_is_refused_by_wagtail(editor_client):
    response = editor_client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Схема",
            "file": upload("схема.png", image_bytes("JPEG")),
            "collection": Collection.get_first_root_node().pk,
        },
    )

    assert "file" in response.context["form"].errors
    assert not get_image_model().objects.exists()
