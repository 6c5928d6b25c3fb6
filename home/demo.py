"""Demo content of the section, built from the two real roadmaps kept in fixtures/seeds.

Every step looks for what it would create first, so loading the demo twice changes nothing.
"""

import datetime
import io
import json
from pathlib import Path

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.db import transaction
from docx import Document as DocxDocument
from wagtail.models import Collection, CollectionViewRestriction, Page

from home.models import (
    DocumentKind,
    DocumentsPage,
    EventStatus,
    HomePage,
    MentoringDocument,
    RegulationsPage,
    RoadmapEvent,
    RoadmapPage,
)
from home.services import ascii_slug, mentoring_section_get_or_create, roadmap_import

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEEDS = FIXTURES / "seeds"
COLLECTION_NAME = "Наставничество"
INTERNAL_COLLECTION_NAME = "Внутренние документы"

ROADMAP_SEEDS = [
    {
        "file": "000_1c6819adc6d14504.txt",
        "title": "Дорожная карта на 2022–2023 гг.",
        "organisation": "Гимназия «Жуковка»",
        "order": ("16/1-О", "2022-08-22"),
    },
    {
        "file": "004_2a77d13b6357ae68.txt",
        "title": "План мероприятий (дорожная карта) на 2023–2024 гг.",
        "organisation": "",
        "order": ("26", "2023-02-28"),
    },
]

# (key, title, kind, number, date, internal, paragraphs)
DOCUMENTS = [
    (
        "order-implementation",
        "Приказ о внедрении целевой модели наставничества",
        DocumentKind.ORDER,
        "16/1-О",
        "2022-08-22",
        False,
        [
            "В целях реализации методологии (целевой модели) наставничества обучающихся приказываю:",
            "1. Внедрить целевую модель наставничества с 01.09.2022.",
            "2. Назначить куратором внедрения целевой модели наставничества заместителя директора по УВР.",
            "3. Утвердить дорожную карту внедрения целевой модели наставничества.",
        ],
    ),
    (
        "order-regulations",
        "Приказ об утверждении Положения о наставничестве",
        DocumentKind.ORDER,
        "16/2-О",
        "2022-08-22",
        False,
        ["Утвердить Положение о наставничестве (приложение)."],
    ),
    (
        "protocol-council",
        "Протокол заседания педагогического совета",
        DocumentKind.PROTOCOL,
        "1",
        "2022-08-30",
        True,
        [
            "Слушали: об информировании педагогов о целях и возможностях программы наставничества.",
            "Решили: принять информацию к сведению, провести сбор согласий на обработку персональных данных.",
        ],
    ),
    (
        "memo-mentor",
        "Памятка наставнику",
        DocumentKind.METHODICAL,
        "",
        "2022-11-15",
        False,
        [
            "Встречайтесь с наставляемым не реже одного раза в две недели.",
            "После каждой встречи заполните форму обратной связи.",
            "Согласуйте с наставляемым индивидуальный план развития.",
        ],
    ),
    (
        "order-pairs",
        "Приказ о закреплении наставнических пар и групп",
        DocumentKind.ORDER,
        "48-О",
        "2022-12-20",
        True,
        [
            "Закрепить наставнические пары и группы согласно приложению.",
            "Куратору организовать встречи-знакомства в январе 2023 года.",
        ],
    ),
]


def _docx_bytes(title: str, paragraphs: list[str]) -> bytes:
    document = DocxDocument()
    document.add_heading(title, level=1)
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _collections(internal_groups: list[Group]) -> tuple[Collection, Collection]:
    root = Collection.get_first_root_node()
    public = root.get_children().filter(name=COLLECTION_NAME).first()
    if public is None:
        public = root.add_child(name=COLLECTION_NAME)
    internal = public.get_children().filter(name=INTERNAL_COLLECTION_NAME).first()
    if internal is None:
        internal = public.add_child(name=INTERNAL_COLLECTION_NAME)
    if not CollectionViewRestriction.objects.filter(collection=internal).exists():
        restriction = CollectionViewRestriction.objects.create(
            collection=internal, restriction_type=CollectionViewRestriction.GROUPS
        )
        restriction.groups.set(internal_groups)
    return public, internal


def _documents(public: Collection, internal: Collection) -> dict[str, MentoringDocument]:
    documents = {}
    for key, title, kind, number, date, is_internal, paragraphs in DOCUMENTS:
        collection = internal if is_internal else public
        document = MentoringDocument.objects.filter(title=title, collection=collection).first()
        if document is None:
            document = MentoringDocument(
                title=title,
                collection=collection,
                kind=kind,
                number=number,
                document_date=datetime.date.fromisoformat(date),
            )
            document.file.save(
                f"{key}.docx", ContentFile(_docx_bytes(title, paragraphs)), save=False
            )
            document.save()
        documents[key] = document
    for seed in ROADMAP_SEEDS:
        title = f"{seed['title']} (исходный файл)"
        if not MentoringDocument.objects.filter(title=title, collection=public).exists():
            number, date = seed["order"]
            document = MentoringDocument(
                title=title,
                collection=public,
                kind=DocumentKind.ROADMAP,
                number=number,
                document_date=datetime.date.fromisoformat(date),
            )
            document.file.save(
                seed["file"], ContentFile((SEEDS / seed["file"]).read_bytes()), save=False
            )
            document.save()
    return documents


def _publish(page: Page) -> None:
    page.save_revision().publish()


def _child(parent: Page, model, **fields) -> Page:
    """The parent's child of this type and title, created and published when missing."""
    existing = model.objects.child_of(parent).filter(title=fields["title"]).first()
    if existing:
        return existing
    page = model(slug=ascii_slug(fields["title"], parent=parent), **fields)
    parent.add_child(instance=page)
    _publish(page)
    return page


def _regulations_body(sections: list[dict], documents: dict[str, MentoringDocument]) -> list[dict]:
    def block(kind, value):
        if kind == "document":
            return {"type": "document", "value": {"document": documents[value].pk, "title": ""}}
        return {"type": kind, "value": value}

    return [
        {
            "type": "section",
            "value": {
                "title": section["title"],
                "content": [block(kind, value) for kind, value in section["content"]],
            },
        }
        for section in sections
    ]


def _mark_progress(
    page: RoadmapPage, documents: dict[str, MentoringDocument], today: datetime.date
) -> None:
    """Past events are done, but two are left in progress so the overdue list has something."""
    events = list(
        RoadmapEvent.objects.filter(stage__page=page).order_by("stage__sort_order", "sort_order")
    )
    left_open = {events[len(events) // 2].pk, events[-1].pk}
    for event in events:
        if event.pk in left_open:
            event.status = EventStatus.IN_PROGRESS
        elif event.deadline_end and event.deadline_end < today:
            event.status = EventStatus.DONE
        if event is events[0]:
            event.evidence_document = documents["order-implementation"]
        event.save()


@transaction.atomic
def load_home_demo(*, internal_groups: list[Group], today: datetime.date, log=print) -> None:
    home = HomePage.objects.first()
    if not home.intro:
        home.intro = (
            "<p>Портал программы наставничества: положение, дорожные карты, документы, "
            "анкеты и согласия участников.</p>"
        )
        _publish(home)
    section = mentoring_section_get_or_create()
    if not section.intro:
        section.intro = (
            "<p>Раздел «Наставничество» реализации целевой модели наставничества "
            "(распоряжение Минпросвещения России от 25.12.2019 № Р-145).</p>"
        )
        _publish(section)
    public, internal = _collections(internal_groups)
    documents = _documents(public, internal)
    log(f"Документы: {MentoringDocument.objects.count()}")

    regulations = json.loads((FIXTURES / "demo_regulations.json").read_text(encoding="utf-8"))
    _child(
        section,
        RegulationsPage,
        title=regulations["title"],
        approved_by=regulations["approved_by"],
        approval_order_number=regulations["approval_order_number"],
        approval_order_date=datetime.date.fromisoformat(regulations["approval_order_date"]),
        intro=regulations["intro"],
        body=_regulations_body(regulations["sections"], documents),
    )
    for seed in ROADMAP_SEEDS:
        if RoadmapPage.objects.child_of(section).filter(title=seed["title"]).exists():
            continue
        path = SEEDS / seed["file"]
        with path.open("rb") as handle:
            page = roadmap_import(
                file=handle,
                filename=path.name,
                parent=section,
                title=seed["title"],
                organisation=seed["organisation"],
            )
        _mark_progress(page, documents, today)
        # Publish what is in the database now, statuses included.
        _publish(RoadmapPage.objects.get(pk=page.pk))
        log(f"Дорожная карта: {page.title}")
    _child(section, DocumentsPage, title="Документы", collection=public)
