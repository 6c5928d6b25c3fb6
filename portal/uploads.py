"""Is an uploaded file what its name says, and is an archive safe to open?

An extension is only a claim: a «.pdf» may hold an HTML page that a browser would run, a
«.docx» may be a zip bomb whose few hundred kilobytes unpack to gigabytes in the parser. Every
upload path (Wagtail documents, the programme's files, the roadmap import) asks this module
before it keeps or parses a file, so the rule is written once.

The content is recognised by its signature (`filetype`, which Wagtail's image library already
relies on) and, for the formats that are zip archives inside, by the parts the format requires
(a .docx holds word/document.xml). Text is text when it decodes, has no NUL bytes and does not
begin the way a browser recognises an HTML page. An archive is judged by its central directory
alone, read before anything is unpacked: the sizes it declares are all Python's zipfile (and so
python-docx and openpyxl) will ever unpack, so a bomb is refused without being opened.

This module imports no app, so every app may use it (docs/ARCHITECTURE.md).
"""

import codecs
import io
import zipfile
from collections.abc import Iterable
from pathlib import PurePath
from typing import BinaryIO

import filetype
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db.models.fields.files import FieldFile
from django.utils.deconstruct import deconstructible
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

MB = 1024 * 1024
# What an archive may unpack to, in all; the roadmap import asks for less (it parses it all).
MAX_UNPACKED_SIZE = 100 * MB
MAX_MEMBERS = 10_000
# Real Office XML packs ten or twenty times; a bomb's member, hundreds or a thousand times.
# Small members may pack as tightly as they like: they cannot hurt.
MAX_COMPRESSION_RATIO = 100
RATIO_CHECKED_FROM = 1 * MB

_HEAD = 8192
_CHUNK = 1024 * 1024
_ZIP_SIGNATURES = (b"PK\x03\x04", b"PK\x05\x06")
_OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_OPEN_DOCUMENT = {
    b"application/vnd.oasis.opendocument.text": "odt",
    b"application/vnd.oasis.opendocument.spreadsheet": "ods",
    b"application/vnd.oasis.opendocument.presentation": "odp",
}
_OFFICE_OPEN_XML = {
    "word/document.xml": "docx",
    "xl/workbook.xml": "xlsx",
    "ppt/presentation.xml": "pptx",
}
# The starts by which a browser sniffs a page as HTML (WHATWG MIME Sniffing, «rules for
# identifying an unknown MIME type»), and SVG, which may carry scripts as well.
_HTML_STARTS = (
    b"<!doctype html",
    b"<html",
    b"<head",
    b"<script",
    b"<iframe",
    b"<h1",
    b"<div",
    b"<font",
    b"<table",
    b"<a",
    b"<style",
    b"<title",
    b"<b",
    b"<body",
    b"<br",
    b"<p",
    b"<!--",
    b"<svg",
)

# What each extension's content must be.
EXPECTED_CONTENT = {
    "pdf": {"pdf"},
    "jpg": {"jpeg"},
    "jpeg": {"jpeg"},
    "png": {"png"},
    "doc": {"ole"},
    "xls": {"ole"},
    "ppt": {"ole"},
    "rtf": {"rtf"},
    "docx": {"docx"},
    "xlsx": {"xlsx"},
    "pptx": {"pptx"},
    "odt": {"odt"},
    "ods": {"ods"},
    "odp": {"odp"},
    "zip": {"zip", "docx", "xlsx", "pptx", "odt", "ods", "odp"},
    "txt": {"text"},
    "tsv": {"text"},
    "csv": {"text"},
}
CONTENT_NAMES = {
    "pdf": _("a PDF document"),
    "jpeg": _("a JPEG image"),
    "png": _("a PNG image"),
    "ole": _("an old Word, Excel or PowerPoint file (.doc, .xls, .ppt)"),
    "rtf": _("an RTF document"),
    "docx": _("a Word document (.docx)"),
    "xlsx": _("an Excel workbook (.xlsx)"),
    "pptx": _("a PowerPoint presentation (.pptx)"),
    "odt": _("an OpenDocument text (.odt)"),
    "ods": _("an OpenDocument spreadsheet (.ods)"),
    "odp": _("an OpenDocument presentation (.odp)"),
    "zip": _("a ZIP archive"),
    "broken zip": _("a damaged ZIP archive"),
    "html": _("an HTML page"),
    "text": _("plain text"),
    "binary": _("binary data of an unknown kind"),
}


def extension_of(name: str) -> str:
    return PurePath(name or "").suffix.lower().lstrip(".")


def is_new_upload(file) -> bool:
    """A file being uploaded now, not one stored earlier (saving a record re-reads nothing)."""
    if not isinstance(file, File) or not file:
        return False
    return not (isinstance(file, FieldFile) and file._committed)


def check_upload(
    file: BinaryIO,
    name: str,
    *,
    extensions: Iterable[str] | None = None,
    max_unpacked_size: int = MAX_UNPACKED_SIZE,
) -> None:
    """Refuse, with a message the uploader can act on, a file that is not what ``name`` says.

    ``extensions`` limits the accepted ones; without it any extension this module knows is
    accepted. The file is read from its start and left at its start.
    """
    extension = extension_of(name)
    accepted = EXPECTED_CONTENT if extensions is None else set(extensions) & set(EXPECTED_CONTENT)
    if extension not in accepted:
        params = {
            "name": PurePath(name).name,
            "extension": extension,
            "accepted": ", ".join(f".{known}" for known in sorted(accepted)),
        }
        if not extension:
            raise ValidationError(
                _("The file «%(name)s» has no extension. Upload one of: %(accepted)s."),
                code="extension",
                params=params,
            )
        raise ValidationError(
            _("Files of type .%(extension)s are not accepted here. Upload one of: %(accepted)s."),
            code="extension",
            params=params,
        )
    try:
        content = content_kind(file, name=name, max_unpacked_size=max_unpacked_size)
        if "text" in EXPECTED_CONTENT[extension] and content == "text" and not _is_text(file):
            content = "binary"
    finally:
        file.seek(0)
    if content in EXPECTED_CONTENT[extension]:
        return
    if content == "empty":
        raise ValidationError(
            _("The file «%(name)s» is empty."), code="empty", params={"name": PurePath(name).name}
        )
    raise ValidationError(
        _(
            "The file «%(name)s» is named .%(extension)s, but its content is %(content)s. Save "
            "it in the format its name says and upload it again."
        ),
        code="content_mismatch",
        params={"name": PurePath(name).name, "extension": extension, "content": describe(content)},
    )


def _file_of_type(extension: str) -> str:
    return gettext("a file of type .%(extension)s") % {"extension": extension}


# Lazy like the message it goes into: read in the language the message is shown in.
_file_of_type_lazy = lazy(_file_of_type, str)


def describe(content: str):
    if content in CONTENT_NAMES:
        return CONTENT_NAMES[content]
    return _file_of_type_lazy(content)


def content_kind(file: BinaryIO, *, name: str = "", max_unpacked_size: int = MAX_UNPACKED_SIZE):
    """What the bytes are: a key of CONTENT_NAMES, or the extension `filetype` recognises."""
    file.seek(0)
    head = file.read(_HEAD)
    if not head:
        return "empty"
    if head.startswith(_ZIP_SIGNATURES):
        return _archive_kind(file, name=name, max_unpacked_size=max_unpacked_size)
    if b"%PDF-" in head[:1024]:  # the format allows a little junk before its header
        return "pdf"
    if head.startswith(_OLE2_SIGNATURE):
        return "ole"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    guessed = filetype.guess(head)
    if guessed is not None:
        return {"jpg": "jpeg"}.get(guessed.extension, guessed.extension)
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        head = head.decode("utf-16", errors="ignore").encode()
    elif b"\x00" in head:
        return "binary"
    start = head.removeprefix(codecs.BOM_UTF8).lstrip(b" \t\n\r\x0c").lower()
    if any(_html_start(start, tag) for tag in _HTML_STARTS):
        return "html"
    return "text"


def _html_start(start: bytes, tag: bytes) -> bool:
    """The tag followed by a space or «>», as the sniffing rules require («<b» is not «<br»)."""
    return start.startswith(tag) and start[len(tag) : len(tag) + 1] in (b" ", b">", b"\t", b"\n")


def _is_text(file: BinaryIO) -> bool:
    """The whole file decodes (UTF-8, UTF-16 with its mark, Windows-1251) and has no NUL."""
    file.seek(0)
    start = file.read(2)
    file.seek(0)
    if start in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        decoders = [codecs.getincrementaldecoder("utf-16")()]
    else:
        decoders = [codecs.getincrementaldecoder(name)() for name in ("utf-8-sig", "cp1251")]
    while chunk := file.read(_CHUNK):
        still_decoding = []
        for decoder in decoders:
            try:
                text = decoder.decode(chunk)
            except UnicodeDecodeError:
                continue
            if "\x00" in text:
                return False
            still_decoding.append(decoder)
        decoders = still_decoding
        if not decoders:
            return False
    return True


def _archive_kind(file: BinaryIO, *, name: str, max_unpacked_size: int) -> str:
    file.seek(0)
    try:
        with zipfile.ZipFile(file) as archive:
            members = archive.infolist()
            check_archive(members, name=name, max_unpacked_size=max_unpacked_size)
            names = {member.filename for member in members}
            if "[Content_Types].xml" in names:
                for part, kind in _OFFICE_OPEN_XML.items():
                    if part in names:
                        return kind
            mimetype = next((m for m in members if m.filename == "mimetype"), None)
            if mimetype is not None and mimetype.file_size <= 100:
                return _OPEN_DOCUMENT.get(archive.read(mimetype).strip(), "zip")
    except (zipfile.BadZipFile, NotImplementedError, EOFError, OSError, ValueError):
        return "broken zip"
    return "zip"


def check_archive(
    members: list[zipfile.ZipInfo], *, name: str, max_unpacked_size: int = MAX_UNPACKED_SIZE
) -> None:
    """Refuse an archive whose directory promises more than anyone should unpack."""
    name = PurePath(name).name
    if len(members) > MAX_MEMBERS:
        raise ValidationError(
            _("The archive «%(name)s» holds more than %(limit)d files and is refused."),
            code="archive_too_many_files",
            params={"name": name, "limit": MAX_MEMBERS},
        )
    unpacked = sum(member.file_size for member in members)
    if unpacked > max_unpacked_size:
        raise ValidationError(
            _(
                "The file «%(name)s» unpacks to %(size)d MB, more than the %(limit)d MB "
                "allowed, and is refused: opening it could stop the server. Remove large "
                "pictures or split the file."
            ),
            code="archive_too_large",
            params={"name": name, "size": unpacked // MB, "limit": max_unpacked_size // MB},
        )
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size >= RATIO_CHECKED_FROM and ratio > MAX_COMPRESSION_RATIO:
            raise ValidationError(
                _(
                    "The file «%(name)s» holds «%(member)s» packed %(ratio)d times tighter than "
                    "real documents ever are: it looks like an archive bomb and is refused."
                ),
                code="archive_bomb",
                params={"name": name, "member": member.filename, "ratio": ratio},
            )


@deconstructible
class FileContentValidator:
    """A model or form field validator: one of ``extensions``, and content to match it."""

    def __init__(self, extensions: Iterable[str]):
        self.extensions = tuple(extensions)

    def __call__(self, file) -> None:
        if is_new_upload(file):
            check_upload(file, file.name, extensions=self.extensions)

    def __eq__(self, other) -> bool:
        return isinstance(other, FileContentValidator) and self.extensions == other.extensions


def check_bytes(data: bytes, name: str, **kwargs) -> None:
    """check_upload for a file already read into memory."""
    check_upload(io.BytesIO(data), name, **kwargs)
