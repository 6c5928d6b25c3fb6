"""Filling a DOCX template with docxtpl, safely and with a message a curator can act on.

An organisation's template is written by a person: a Jinja expression in it runs on the
server. The sandbox refuses attribute tricks (`{{ x.__class__ }}`), autoescaping keeps a «&»
or «<» in a name from breaking the document's XML, and an unknown placeholder is an error
rather than an empty gap in a signed order. Whatever a broken file or template raises becomes
one ValidationError in Russian; a server error would tell the curator nothing.
"""

import io
import zipfile

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from docx.opc.exceptions import PackageNotFoundError
from docxtpl import DocxTemplate
from jinja2 import StrictUndefined, TemplateError
from jinja2.sandbox import SandboxedEnvironment
from lxml.etree import LxmlError

# What a broken file or template raises inside python-docx, docxtpl and Jinja.
RENDERING_ERRORS = (
    TemplateError,
    PackageNotFoundError,
    zipfile.BadZipFile,
    LxmlError,
    KeyError,
    ValueError,
    TypeError,
    AttributeError,
    IndexError,
)


def render_docx(template: bytes, context: dict) -> bytes:
    """The template filled with the context, as the bytes of a .docx file."""
    environment = SandboxedEnvironment(undefined=StrictUndefined, autoescape=True)
    try:
        document = DocxTemplate(io.BytesIO(template))
        document.render(context, jinja_env=environment, autoescape=True)
        buffer = io.BytesIO()
        document.save(buffer)
    except TemplateError as error:
        raise ValidationError(
            _(
                "The template could not be filled: %(detail)s. Check the placeholders against "
                "the list on the template's page: each is written as {{ name }}, and a table "
                "row repeats between {%%tr for … %%} and {%%tr endfor %%}."
            )
            % {"detail": _detail(error)},
            code="template",
        ) from error
    except RENDERING_ERRORS as error:
        raise ValidationError(
            _(
                "The template could not be read as a Word document (.docx). Save it in Word "
                "or LibreOffice as «Документ Word (.docx)» and upload it again."
            ),
            code="template_file",
        ) from error
    return buffer.getvalue()


def _detail(error: TemplateError) -> str:
    message = str(error.message or error)
    if "is undefined" in message or "has no attribute" in message:
        quoted = message.split("'")
        name = quoted[-2] if len(quoted) >= 3 else message
        return _("unknown placeholder «%(name)s»") % {"name": name}
    return _("error in the template's markup (%(message)s)") % {"message": message}
