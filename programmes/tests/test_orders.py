"""Orders: approving pairs by an order (all or none), their DOCX, the organisation's templates."""

import datetime
import io

import docx
import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from portal.tests.factories import user_with_role
from programmes.docx.defaults import default_template
from programmes.models import (
    IncentiveKind,
    Order,
    OrderKind,
    OrderTemplate,
    Pair,
    PairStatus,
    TemplateKind,
)
from programmes.services.orders import (
    order_approve_pairs,
    order_generate_document,
    order_save,
    order_template_save,
)
from programmes.tests.factories import (
    ConsentFactory,
    IncentiveDecisionFactory,
    OrderFactory,
    OrganisationFactory,
    PairMenteeFactory,
    ProgrammeFactory,
    pair_with_mentees,
)

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2023, 10, 15)


def ru(error: ValidationError) -> str:
    with translation.override("ru"):
        return " ".join(str(message) for message in error.messages)


def docx_of(document) -> docx.document.Document:
    with document.file.open("rb") as file:
        return docx.Document(io.BytesIO(file.read()))


def text_of(document) -> str:
    parsed = docx_of(document)
    cells = [cell.text for table in parsed.tables for row in table.rows for cell in row.cells]
    return "\n".join([paragraph.text for paragraph in parsed.paragraphs] + cells)


@pytest.fixture
def curator():
    return user_with_role("curator")


@pytest.fixture
def programme():
    return ProgrammeFactory(max_mentees_per_mentor=5)


def draft_pair(programme, **fields):
    return pair_with_mentees(programme=programme, **fields)


def approval_order(programme):
    return OrderFactory(organisation=programme.organisation, kind=OrderKind.APPROVAL)


# --- approving pairs ------------------------------------------------------------------------


def test_approving_by_the_order_sets_status_and_order_with_author_and_reason(programme, curator):
    pairs = [draft_pair(programme), draft_pair(programme, mentees=2)]
    order = approval_order(programme)

    order_approve_pairs(
        order=order, pairs=pairs, user=curator, reason="Приказ № 48-О подписан", today=TODAY
    )

    for pair in pairs:
        stored = Pair.objects.get(pk=pair.pk)
        assert (stored.status, stored.order) == (PairStatus.APPROVED, order)
        latest = stored.history.latest()
        assert (latest.history_user, latest.history_change_reason) == (
            curator,
            "Приказ № 48-О подписан",
        )


def test_one_pair_that_cannot_be_approved_leaves_every_pair_unchanged(programme, curator):
    ready = draft_pair(programme)
    unready = draft_pair(programme, consents=False, mentor__last_name="Безсогласная")
    order = approval_order(programme)
    history_before = Pair.history.count()

    with pytest.raises(ValidationError) as refused:
        order_approve_pairs(
            order=order, pairs=[ready, unready], user=curator, reason="Приказ", today=TODAY
        )

    assert "Безсогласная" in ru(refused.value)
    assert "согласия" in ru(refused.value)
    assert set(Pair.objects.values_list("status", flat=True)) == {PairStatus.DRAFT}
    assert not Pair.objects.exclude(order=None).exists()
    assert Pair.history.count() == history_before


def test_only_draft_pairs_of_the_orders_organisation_are_approved(programme, curator):
    foreign = draft_pair(ProgrammeFactory())
    order = approval_order(programme)

    with pytest.raises(ValidationError) as refused:
        order_approve_pairs(order=order, pairs=[foreign], user=curator, reason="", today=TODAY)

    assert "другой организации" in ru(refused.value)
    assert Pair.objects.get(pk=foreign.pk).status == PairStatus.DRAFT


def test_an_incentive_order_approves_no_pairs(programme, curator):
    order = OrderFactory(organisation=programme.organisation, kind=OrderKind.INCENTIVE)

    with pytest.raises(ValidationError):
        order_approve_pairs(
            order=order, pairs=[draft_pair(programme)], user=curator, reason="", today=TODAY
        )


def test_an_approved_pair_needs_an_approval_order_of_its_own_organisation(programme):
    pair = draft_pair(programme)
    pair.status = PairStatus.APPROVED
    pair.order = OrderFactory(kind=OrderKind.APPROVAL)  # another organisation's

    with pytest.raises(ValidationError) as refused:
        pair.full_clean()

    assert "order" in refused.value.message_dict


def test_the_kind_of_an_order_that_pairs_refer_to_cannot_change(programme, curator):
    order = approval_order(programme)
    order_approve_pairs(
        order=order, pairs=[draft_pair(programme)], user=curator, reason="", today=TODAY
    )
    order.kind = OrderKind.TERMINATION

    with pytest.raises(ValidationError) as refused:
        order_save(order=order, user=curator)

    assert "kind" in refused.value.message_dict


def test_an_order_number_and_date_are_one_order_per_organisation(programme, curator):
    first = approval_order(programme)
    twin = Order(
        organisation=first.organisation,
        kind=OrderKind.APPROVAL,
        number=first.number,
        date=first.date,
        signatory_name="Иванова М. П.",
    )

    with pytest.raises(ValidationError):
        order_save(order=twin, user=curator)


# --- the DOCX -------------------------------------------------------------------------------


def test_the_approval_orders_docx_lists_each_pair_with_mentor_and_mentees(programme, curator):
    pair = draft_pair(programme, mentor__last_name="Кузнецова", mentor__first_name="Анна")
    joined = PairMenteeFactory(pair=pair, mentee__last_name="Смирнов", mentee__first_name="Павел")
    ConsentFactory(participant=joined.mentee)
    other = draft_pair(programme, mentor__last_name="Белов")
    order = approval_order(programme)
    order_approve_pairs(order=order, pairs=[pair, other], user=curator, reason="", today=TODAY)

    document = order_generate_document(order=order, user=curator)

    assert document.title.startswith("Приказ № ")
    table = docx_of(document).tables[0]
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0][:3] == ["№ п/п", "Наставник", "Наставляемые"]
    assert len(rows) == 3
    kuznetsova = next(row for row in rows if row[1].startswith("Кузнецова Анна"))
    assert "Смирнов Павел" in kuznetsova[2]
    assert kuznetsova[3] == programme.form.name
    assert kuznetsova[4] == programme.title
    text = text_of(document)
    assert "ПРИКАЗ" in text
    assert f"№ {order.number}" in text
    assert "приказываю:" in text
    assert order.signatory_name in text


def test_the_incentive_order_lists_mentors_and_decisions(programme, curator):
    order = OrderFactory(organisation=programme.organisation, kind=OrderKind.INCENTIVE)
    decision = IncentiveDecisionFactory(
        mentor__organisation=programme.organisation,
        mentor__last_name="Орлова",
        kind=IncentiveKind.PAYMENT,
        amount=5000,
        order=order,
    )

    text = text_of(order_generate_document(order=order, user=curator))

    assert "О поощрении наставников" in text
    assert decision.mentor.full_name in text
    assert "5 000,00" in text


def test_regenerating_replaces_the_document_and_the_history_records_it(programme, curator):
    order = approval_order(programme)
    first = order_generate_document(order=order, user=curator)
    first_pk = first.pk

    second = order_generate_document(order=order, user=curator)

    order.refresh_from_db()
    assert order.document == second
    assert not type(first).objects.filter(pk=first_pk).exists()
    documents = list(order.history.order_by("history_id").values_list("document_id", flat=True))
    assert documents[-2:] == [first_pk, second.pk]
    assert second.collection.get_view_restrictions().exists()


def test_the_organisations_own_template_is_used(programme, curator):
    source = docx.Document()
    source.add_paragraph("Наш бланк: приказ {{ order.number }} — {{ organisation.short_name }}")
    buffer = io.BytesIO()
    source.save(buffer)
    order_template_save(
        template=OrderTemplate(
            organisation=programme.organisation,
            kind=TemplateKind.APPROVAL,
            file=SimpleUploadedFile("blank.docx", buffer.getvalue()),
        ),
        user=curator,
    )
    order = approval_order(programme)

    text = text_of(order_generate_document(order=order, user=curator))

    assert f"Наш бланк: приказ {order.number} — {programme.organisation.short_name}" in text


def bad_template(text: str) -> SimpleUploadedFile:
    source = docx.Document()
    source.add_paragraph(text)
    buffer = io.BytesIO()
    source.save(buffer)
    return SimpleUploadedFile("bad.docx", buffer.getvalue())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("{{ order.nomer }}", "неизвестная подстановка «nomer»"),
        ("{% for row in pairs %}", "не удалось заполнить"),
        ("{{ order.__class__.__mro__ }}", "не удалось заполнить"),
    ],
)
def test_a_bad_template_is_refused_on_upload_with_a_russian_message(
    programme, curator, text, expected
):
    template = OrderTemplate(
        organisation=programme.organisation, kind=TemplateKind.APPROVAL, file=bad_template(text)
    )

    with pytest.raises(ValidationError) as refused:
        order_template_save(template=template, user=curator)

    assert expected in ru(refused.value)
    assert not OrderTemplate.objects.exists()


def test_a_template_that_breaks_later_gives_a_russian_message_and_keeps_the_document(
    programme, curator
):
    order = approval_order(programme)
    kept = order_generate_document(order=order, user=curator)
    template = OrderTemplate.objects.create(
        organisation=programme.organisation,
        kind=TemplateKind.APPROVAL,
        file=SimpleUploadedFile("broken.docx", b"PK\x03\x04 not really a docx"),
    )

    with pytest.raises(ValidationError) as refused:
        order_generate_document(order=order, user=curator)

    assert "Документ Word" in ru(refused.value)
    order.refresh_from_db()
    assert order.document == kept
    assert template.pk


def test_a_broken_template_in_the_admin_is_a_message_not_a_server_error(client, programme):
    curator = user_with_role("curator")
    programme.organisation.members.add(curator)
    client.force_login(curator)
    order = approval_order(programme)
    OrderTemplate.objects.create(
        organisation=programme.organisation,
        kind=TemplateKind.APPROVAL,
        file=SimpleUploadedFile("broken.docx", b"not a docx at all"),
    )

    response = client.post(f"/admin/programmes/order/docx/{order.pk}/", follow=True)

    assert response.status_code == 200
    assert "Документ Word" in response.content.decode()


def test_the_upload_screen_lists_the_placeholders(client, programme):
    curator = user_with_role("curator")
    programme.organisation.members.add(curator)
    client.force_login(curator)

    page = client.get("/admin/programmes/ordertemplate/create/").content.decode()

    for placeholder in ("order.number", "row.mentees", "agreement.extra_pay", "{%tr endfor %}"):
        assert placeholder in page


def test_every_shipped_template_renders_its_kind(programme, curator):
    for kind in OrderKind:
        order = OrderFactory(organisation=programme.organisation, kind=kind)
        assert order_generate_document(order=order, user=curator).file
    assert default_template(TemplateKind.AGREEMENT).startswith(b"PK")


# --- who gets the generated file ------------------------------------------------------------


def test_a_generated_order_is_served_to_its_organisations_staff_only(client, programme):
    order = approval_order(programme)
    document = order_generate_document(order=order, user=None)
    own_auditor = user_with_role("auditor")
    programme.organisation.members.add(own_auditor)
    other_curator = user_with_role("curator")
    OrganisationFactory().members.add(other_curator)

    client.force_login(own_auditor)
    assert client.get(document.url).status_code == 200
    client.force_login(other_curator)
    assert client.get(document.url).status_code == 404
    client.force_login(user_with_role("editor"))
    assert client.get(document.url).status_code == 404


# --- the admin's approval page --------------------------------------------------------------


def test_the_curator_approves_ticked_pairs_from_the_orders_page(client, programme):
    curator = user_with_role("curator")
    programme.organisation.members.add(curator)
    client.force_login(curator)
    pairs = [draft_pair(programme), draft_pair(programme)]
    order = approval_order(programme)

    page = client.get(f"/admin/programmes/order/approve/{order.pk}/")
    response = client.post(
        f"/admin/programmes/order/approve/{order.pk}/",
        {"pairs": [pairs[0].pk], "reason": "Приказ подписан"},
    )

    assert page.status_code == 200 and pairs[1].mentor.full_name in page.content.decode()
    assert response.status_code == 302
    statuses = dict(Pair.objects.values_list("pk", "status"))
    assert statuses == {pairs[0].pk: PairStatus.APPROVED, pairs[1].pk: PairStatus.DRAFT}


def test_the_auditor_reads_orders_and_may_neither_approve_nor_generate(client, programme):
    auditor = user_with_role("auditor")
    programme.organisation.members.add(auditor)
    client.force_login(auditor)
    pair = draft_pair(programme)
    order = approval_order(programme)

    listing = client.get("/admin/programmes/order/").content.decode()
    approve = client.post(f"/admin/programmes/order/approve/{order.pk}/", {"pairs": [pair.pk]})
    generate = client.post(f"/admin/programmes/order/docx/{order.pk}/")

    assert order.number in listing
    assert "Сформировать DOCX" not in listing
    assert approve.status_code != 200 and generate.status_code != 200
    assert Pair.objects.get(pk=pair.pk).status == PairStatus.DRAFT
    assert Order.objects.get(pk=order.pk).document is None
