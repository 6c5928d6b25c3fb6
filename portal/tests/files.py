"""Small real files of each uploaded format, made in memory, and the false ones they are not."""

import io
import zipfile

import docx
import openpyxl
from PIL import Image

HTML = b"<!DOCTYPE html>\n<html><body><script>alert(document.cookie)</script></body></html>"
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1024)
MB = 1024 * 1024


def docx_bytes(text: str = "Приказ о наставничестве") -> bytes:
    document = docx.Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def xlsx_bytes() -> bytes:
    workbook = openpyxl.Workbook()
    workbook.active["A1"] = "Мероприятие"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def image_bytes(image_format: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 40, 40)).save(buffer, image_format)
    return buffer.getvalue()


def zip_bytes(members: dict[str, bytes], *, stored: tuple[str, ...] = ()) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            compression = zipfile.ZIP_STORED if name in stored else zipfile.ZIP_DEFLATED
            archive.writestr(name, content, compress_type=compression)
    return buffer.getvalue()


def open_document_bytes(mimetype: str) -> bytes:
    """An OpenDocument package: its first member, stored, names what it is."""
    return zip_bytes(
        {"mimetype": mimetype.encode(), "content.xml": b"<office:document-content/>"},
        stored=("mimetype",),
    )


def office_bytes(part: str) -> bytes:
    """An Office Open XML package with the one part its format requires."""
    return zip_bytes({"[Content_Types].xml": b"<Types/>", part: b"<root/>"})


def zip_bomb(*, unpacked_mb: int = 200, part: str = "word/document.xml") -> bytes:
    """A .docx whose document.xml is ``unpacked_mb`` megabytes of spaces: about 1 MB packed.

    Written in chunks, so making it never holds the unpacked text in memory.
    """
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        with archive.open(part, "w") as member:
            chunk = b" " * (4 * MB)
            for _ in range(unpacked_mb // 4):
                member.write(chunk)
    return buffer.getvalue()
