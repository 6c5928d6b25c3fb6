"""An uploaded file must be what its extension says, and an archive must be safe to unpack."""

import io
import zipfile

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from portal import uploads
from portal.tests.files import (
    HTML,
    OLE2,
    PDF,
    docx_bytes,
    image_bytes,
    office_bytes,
    open_document_bytes,
    xlsx_bytes,
    zip_bomb,
    zip_bytes,
)
from portal.uploads import EXPECTED_CONTENT, FileContentValidator, check_bytes, check_upload


def refusal(data: bytes, name: str, **kwargs) -> ValidationError:
    with pytest.raises(ValidationError) as raised:
        check_bytes(data, name, **kwargs)
    return raised.value


def english(error: ValidationError) -> str:
    with translation.override("en"):
        return error.messages[0]


GENUINE = [
    ("приказ.pdf", PDF),
    ("скан.jpg", image_bytes("JPEG")),
    ("скан.jpeg", image_bytes("JPEG")),
    ("схема.png", image_bytes("PNG")),
    ("положение.doc", OLE2),
    ("отчёт.xls", OLE2),
    ("письмо.rtf", b"{\\rtf1\\ansi \\u1055?\\u1088?}"),
    ("приказ.docx", docx_bytes()),
    ("план.xlsx", xlsx_bytes()),
    ("доклад.pptx", office_bytes("ppt/presentation.xml")),
    ("положение.odt", open_document_bytes("application/vnd.oasis.opendocument.text")),
    ("план.ods", open_document_bytes("application/vnd.oasis.opendocument.spreadsheet")),
    ("архив.zip", zip_bytes({"приказ.pdf": PDF, "схема.png": image_bytes("PNG")})),
    ("документы.zip", docx_bytes()),
    ("заметка.txt", "Встреча наставников в пятницу\n".encode()),
    ("заметка.txt", "Встреча в пятницу".encode("cp1251")),
    ("план.txt", "Мероприятие\tСрок\nПриказ\tмарт 2023\n".encode("utf-16")),
    ("план.csv", "Мероприятие;Срок\nПриказ;«до 28.02.23»\n".encode("utf-8-sig")),
    ("формула.csv", b"a;b\n1 < 2;<3\n"),
]


@pytest.mark.parametrize(("name", "data"), GENUINE, ids=[name for name, _ in GENUINE])
def test_a_file_that_is_what_its_name_says_is_accepted(name, data):
    check_bytes(data, name)


FALSE = [
    ("приказ.pdf", HTML, "an HTML page"),
    ("заметка.txt", HTML, "an HTML page"),
    ("план.csv", b"  <script>alert(1)</script>;1", "an HTML page"),
    ("план.csv", b"<!-- x --><b>a</b>;1", "an HTML page"),
    (
        "рисунок.svg.txt",
        b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">',
        "an HTML page",
    ),
    ("заметка.txt", b"abc\x00def", "binary data of an unknown kind"),
    ("план.csv", "Мероприятие".encode("utf-16") + b"\x00\x00", "binary data of an unknown kind"),
    ("скан.jpg", image_bytes("PNG"), "a PNG image"),
    ("схема.png", image_bytes("GIF"), "a file of type .gif"),
    ("приказ.pdf", docx_bytes(), "a Word document (.docx)"),
    ("приказ.docx", xlsx_bytes(), "an Excel workbook (.xlsx)"),
    ("приказ.docx", zip_bytes({"word/document.xml": b"<w/>"}), "a ZIP archive"),
    ("приказ.docx", docx_bytes()[:400], "a damaged ZIP archive"),
    ("приказ.docx", b"garbage", "plain text"),
    (
        "положение.odt",
        open_document_bytes("application/vnd.oasis.opendocument.spreadsheet"),
        "an OpenDocument spreadsheet (.ods)",
    ),
    ("положение.doc", PDF, "a PDF document"),
    ("архив.zip", PDF, "a PDF document"),
    ("программа.zip", b"MZ\x90\x00" + bytes(200), "a file of type .exe"),
]


@pytest.mark.parametrize(
    ("name", "data", "content"), FALSE, ids=[f"{name}-{content}" for name, _, content in FALSE]
)
def test_a_file_whose_content_differs_from_its_name_is_refused_saying_what_it_is(
    name, data, content
):
    error = refusal(data, name)

    assert error.code == "content_mismatch"
    message = english(error)
    assert f"«{name}» is named .{name.rsplit('.', 1)[1]}" in message
    assert f"its content is {content}." in message


def test_an_empty_file_is_refused():
    assert refusal(b"", "заметка.txt").code == "empty"


@pytest.mark.parametrize("name", ["вирус.exe", "страница.html", "без-расширения"])
def test_an_extension_nobody_accepts_is_refused_listing_those_accepted(name):
    error = refusal(b"hello", name, extensions=("pdf", "png"))

    assert error.code == "extension"
    assert ".pdf, .png" in english(error)


def test_a_field_accepts_only_its_own_extensions():
    assert refusal(docx_bytes(), "приказ.docx", extensions=("pdf", "jpg")).code == "extension"


def test_every_document_extension_has_a_content_rule():
    assert set(settings.WAGTAILDOCS_EXTENSIONS) <= set(EXPECTED_CONTENT)


# --- archives -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def bomb() -> bytes:
    return zip_bomb(unpacked_mb=200)


def test_a_zip_bomb_is_refused_from_its_directory_without_unpacking(bomb, monkeypatch):
    def unpack(*args, **kwargs):
        raise AssertionError("the archive was unpacked")

    monkeypatch.setattr(zipfile.ZipFile, "open", unpack)

    error = refusal(bomb, "приказ.docx")

    assert len(bomb) < 2 * 1024 * 1024
    assert error.code == "archive_too_large"
    assert "200 MB, more than the 100 MB allowed" in english(error)


def test_the_unpacked_size_limit_is_the_callers():
    error = refusal(zip_bomb(unpacked_mb=20), "приказ.docx", max_unpacked_size=8 * 1024 * 1024)

    assert error.code == "archive_too_large"


def test_a_member_packed_far_tighter_than_documents_ever_are_is_refused():
    error = refusal(zip_bomb(unpacked_mb=20), "приказ.docx")

    assert error.code == "archive_bomb"
    assert "«word/document.xml»" in english(error)


def test_small_members_may_pack_tightly():
    check_bytes(zip_bytes({"пробелы.txt": b" " * 500_000}), "архив.zip")


def test_an_archive_of_too_many_files_is_refused():
    members = {f"{number}.txt": b"" for number in range(uploads.MAX_MEMBERS + 1)}

    assert refusal(zip_bytes(members), "архив.zip").code == "archive_too_many_files"


# --- the validator of model fields ------------------------------------------------------------


def test_the_validator_checks_a_new_upload_and_leaves_the_file_at_its_start():
    validate = FileContentValidator(("pdf",))
    upload = SimpleUploadedFile("скан.pdf", PDF)

    validate(upload)

    assert upload.tell() == 0
    with pytest.raises(ValidationError):
        validate(SimpleUploadedFile("скан.pdf", HTML))


@pytest.mark.django_db
def test_the_validator_does_not_reread_a_stored_file():
    from programmes.tests.factories import ConsentFactory

    consent = ConsentFactory()
    consent.scan.save("скан.pdf", ContentFile(HTML), save=True)
    consent.refresh_from_db()

    FileContentValidator(("pdf",))(consent.scan)  # stored before the check: not judged again


def test_check_upload_reads_a_file_object_from_its_start():
    file = io.BytesIO(PDF)
    file.seek(5)

    check_upload(file, "приказ.pdf")

    assert file.tell() == 0
