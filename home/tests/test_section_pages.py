import datetime

import pytest
from django.core.files.base import ContentFile
from wagtail.models import Collection

from home.models import DocumentKind, DocumentsPage, MentoringDocument, RegulationsPage
from home.services import ascii_slug, mentoring_section_get_or_create
from home.tests.factories import roadmap_page

pytestmark = pytest.mark.django_db


def regulations_page(**fields) -> RegulationsPage:
    section = mentoring_section_get_or_create()
    page = RegulationsPage(
        title="Положение о наставничестве",
        slug="polozhenie",
        approved_by="приказом директора",
        approval_order_number="16/2-О",
        approval_order_date=datetime.date(2022, 8, 22),
        body=[
            {
                "type": "section",
                "value": {
                    "title": "Общие положения",
                    "content": [
                        {"type": "clause", "value": "<p>Первый пункт.</p>"},
                        {"type": "bullet_list", "value": ["наставник", "наставляемый"]},
                        {"type": "clause", "value": "<p>Второй пункт.</p>"},
                    ],
                },
            },
            {
                "type": "section",
                "value": {
                    "title": "Формы наставничества",
                    "content": [
                        {"type": "clause", "value": "<p>Формы перечислены в таблице.</p>"},
                        {
                            "type": "table",
                            "value": {
                                "data": [
                                    ["Форма", "Наставник"],
                                    ["ученик — ученик", "старшеклассник"],
                                ],
                                "first_row_is_table_header": True,
                                "first_col_is_header": False,
                            },
                        },
                    ],
                },
            },
        ],
        **fields,
    )
    section.add_child(instance=page)
    return page


def test_regulations_are_numbered_with_a_table_of_contents(client):
    page = regulations_page()

    content = client.get(page.url).content.decode()

    assert '<a href="#section-1">1. Общие положения</a>' in content
    assert '<a href="#section-2">2. Формы наставничества</a>' in content
    assert [item.number for item in page.numbered_sections()[0].items] == ["1.1.", "", "1.2."]
    assert "2.1." in content
    assert "<th" in content and "ученик — ученик" in content
    assert "16/2-О" in content and "22.08.2022" in content


def test_home_page_leads_to_the_section(client):
    section = mentoring_section_get_or_create()
    section.show_in_menus = True
    section.save_revision().publish()

    content = client.get("/").content.decode()

    assert section.url in content


def test_section_lists_its_published_children_only(client):
    published = roadmap_page(title="Опубликованная")
    draft = roadmap_page(title="Черновик", live=False)

    content = client.get(published.get_parent().url).content.decode()

    assert published.title in content
    assert draft.title not in content


def test_slugs_are_transliterated_and_unique():
    section = mentoring_section_get_or_create()
    roadmap_page(title="Дорожная карта")

    assert section.slug == "nastavnichestvo"
    assert ascii_slug("Дорожная карта", parent=section) == "dorozhnaya-karta-2"


@pytest.fixture
def documents_page():
    collection = Collection.get_first_root_node().add_child(name="Наставничество")
    for title, kind, date in [
        ("Приказ о внедрении", DocumentKind.ORDER, datetime.date(2022, 8, 22)),
        ("Приказ о парах", DocumentKind.ORDER, datetime.date(2023, 1, 10)),
        ("Протокол совета", DocumentKind.PROTOCOL, datetime.date(2023, 8, 30)),
    ]:
        document = MentoringDocument(
            title=title, kind=kind, document_date=date, number="1", collection=collection
        )
        document.file.save("doc.txt", ContentFile(b"text"), save=True)
    page = DocumentsPage(title="Документы", slug="dokumenty", collection=collection)
    mentoring_section_get_or_create().add_child(instance=page)
    return page


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", {"Приказ о внедрении", "Приказ о парах", "Протокол совета"}),
        ("?kind=order", {"Приказ о внедрении", "Приказ о парах"}),
        ("?year=2023", {"Приказ о парах", "Протокол совета"}),
        ("?kind=protocol&year=2022", set()),
        ("?kind=nonsense&year=abc", {"Приказ о внедрении", "Приказ о парах", "Протокол совета"}),
    ],
)
def test_documents_page_filters_by_kind_and_year(client, documents_page, query, expected):
    response = client.get(documents_page.url + query)

    listed = {document.title for document in response.context["documents"]}
    assert listed == expected
    assert response.context["years"] == [2023, 2022]


def test_documents_page_shows_number_and_date(client, documents_page):
    content = client.get(documents_page.url).content.decode()

    assert "22.08.2022" in content
    assert "Приказ о внедрении" in content


def test_search_finds_roadmap_events_and_documents(client, documents_page):
    roadmap_page(title="Дорожная карта 2023")

    response = client.get("/search/", {"q": "Протокол"})

    titles = {page.title for page in response.context["pages"]}
    assert "Дорожная карта 2023" in titles  # the events' result is «Протокол»
    assert [d.title for d in response.context["documents"]] == ["Протокол совета"]


def test_empty_search_shows_the_form_without_results(client):
    response = client.get("/search/", {"q": ""})

    assert response.status_code == 200
    assert not response.context["pages"]
