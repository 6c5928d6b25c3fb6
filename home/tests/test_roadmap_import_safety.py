"""A roadmap file is refused when its content is not what its name says, and an archive bomb
before any reader opens it."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.utils import translation
from wagtail.models import Page

from home.roadmap_import import RoadmapImportError, readers
from home.services import roadmap_import
from portal.tests.factories import user_with_role
from portal.tests.files import HTML, PDF, zip_bomb

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    client.force_login(user_with_role("editor"))
    return client


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


@pytest.fixture(scope="module")
def bomb() -> bytes:
    """A 200 MB document.xml of spaces, about a megabyte packed."""
    return zip_bomb(unpacked_mb=200)


@pytest.fixture
def no_parser(monkeypatch):
    """Fail the test if a reader ever opened the file (the readers turn errors into
    «damaged», so the calls are counted rather than raised)."""
    calls = []

    def opened(*args, **kwargs):
        calls.append(args)
        raise AssertionError("the parser opened the file")

    monkeypatch.setattr(readers.docx, "Document", opened)
    monkeypatch.setattr(readers.openpyxl, "load_workbook", opened)
    yield
    assert calls == [], "the parser opened the file"


def test_a_zip_bomb_is_refused_before_the_parser_sees_it(bomb, no_parser):
    with pytest.raises(RoadmapImportError) as raised:
        roadmap_import(file=io.BytesIO(bomb), filename="карта.docx")

    assert raised.value.code == "archive_too_large"
    with translation.override("en"):
        assert "unpacks to 200 MB, more than the 30 MB allowed" in str(raised.value)


def test_an_xlsx_bomb_is_refused_too(no_parser):
    bomb = zip_bomb(unpacked_mb=40, part="xl/workbook.xml")

    with pytest.raises(RoadmapImportError) as raised:
        roadmap_import(file=io.BytesIO(bomb), filename="карта.xlsx")

    assert raised.value.code == "archive_too_large"


def test_the_import_form_shows_the_refusal_and_creates_nothing(editor_client, bomb, no_parser):
    pages_before = Page.objects.count()

    response = editor_client.post("/admin/roadmaps/import/", {"file": upload("карта.docx", bomb)})

    assert response.status_code == 200
    # The form's error was written in the request's language; its figures and name are not.
    error = str(response.context["form"].errors["file"][0])
    assert "карта.docx" in error and "200" in error
    assert Page.objects.count() == pages_before


def test_the_import_command_refuses_it(tmp_path, bomb, no_parser):
    path = tmp_path / "карта.docx"
    path.write_bytes(bomb)

    with pytest.raises(CommandError) as raised, translation.override("en"):
        call_command("import_roadmap", str(path), stdout=io.StringIO())

    assert "unpacks to 200 MB" in str(raised.value)


@pytest.mark.parametrize(
    ("filename", "content", "looks_like"),
    [
        ("карта.csv", HTML, "an HTML page"),
        ("карта.txt", PDF, "a PDF document"),
        ("карта.docx", PDF, "a PDF document"),
    ],
)
def test_an_import_file_that_is_not_what_its_name_says_is_refused(
    filename, content, looks_like, no_parser
):
    with pytest.raises(RoadmapImportError) as raised:
        roadmap_import(file=io.BytesIO(content), filename=filename)

    assert raised.value.code == "content_mismatch"
    with translation.override("en"):
        assert f"its content is {looks_like}" in str(raised.value)
