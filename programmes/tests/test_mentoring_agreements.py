"""Art. 351.8 of the Labour Code: an employee mentor needs a consent and an agreement first."""

import datetime
import io

import docx
import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from portal.tests.factories import user_with_role
from programmes.models import (
    MentoringAgreement,
    MentoringForm,
    OrderKind,
    Pair,
    PairStatus,
    ParticipantCategory,
    is_employee_form,
    needs_agreement,
)
from programmes.services.agreements import agreement_generate_document, agreement_save
from programmes.services.orders import order_approve_pairs
from programmes.tests.factories import (
    MentoringAgreementFactory,
    OrderFactory,
    PartnerOrganisationFactory,
    ProgrammeFactory,
    pair_with_mentees,
)

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2023, 10, 15)


def ru(error: ValidationError) -> str:
    with translation.override("ru"):
        return " ".join(str(message) for message in error.messages)


def teachers_programme():
    form = MentoringForm.objects.get_or_create(name="учитель – учитель")[0]
    return ProgrammeFactory(form=form)


def test_the_employee_forms_are_recognised_however_the_dash_is_typed():
    assert is_employee_form("учитель – учитель")
    assert is_employee_form("Учитель-учитель")
    assert is_employee_form("педагог — педагог")
    assert not is_employee_form("учитель – ученик")


def test_who_needs_an_agreement():
    teachers = pair_with_mentees(programme=teachers_programme())
    pupils = pair_with_mentees()
    partner_programme = ProgrammeFactory()
    partner = pair_with_mentees(
        programme=partner_programme,
        mentor__category=ParticipantCategory.PARTNER,
        mentor__partner_organisation=PartnerOrganisationFactory(
            organisation=partner_programme.organisation
        ),
    )

    assert needs_agreement(teachers) and needs_agreement(partner)
    assert not needs_agreement(pupils)


def test_a_teacher_pair_is_not_approved_without_the_agreement_and_the_message_names_it():
    pair = pair_with_mentees(programme=teachers_programme(), mentor__last_name="Гончарова")
    order = OrderFactory(organisation=pair.programme.organisation, kind=OrderKind.APPROVAL)

    with pytest.raises(ValidationError) as refused:
        order_approve_pairs(
            order=order, pairs=[pair], user=user_with_role("curator"), reason="", today=TODAY
        )

    message = ru(refused.value)
    assert "Гончарова" in message and "351.8" in message
    assert Pair.objects.get(pk=pair.pk).status == PairStatus.DRAFT

    pair.status, pair.order = PairStatus.APPROVED, order
    with pytest.raises(ValidationError) as invalid:
        pair.full_clean()
    assert "Гончарова" in ru(invalid.value)


def test_with_the_agreement_the_teacher_pair_is_approved():
    pair = pair_with_mentees(programme=teachers_programme())
    MentoringAgreementFactory(pair=pair)
    order = OrderFactory(organisation=pair.programme.organisation, kind=OrderKind.APPROVAL)

    order_approve_pairs(
        order=order, pairs=[pair], user=user_with_role("curator"), reason="", today=TODAY
    )

    assert Pair.objects.get(pk=pair.pk).status == PairStatus.APPROVED


def agreement(**fields):
    values = {
        "pair": pair_with_mentees(programme=teachers_programme()),
        "consent_date": datetime.date(2023, 9, 20),
        "number": "1-Н",
        "date": datetime.date(2023, 9, 25),
        "content": "Сопровождение молодого педагога",
        "period_start": datetime.date(2023, 10, 1),
        "period_end": datetime.date(2024, 6, 30),
    }
    return MentoringAgreement(**{**values, **fields})


def test_the_agreement_states_the_extra_pay_or_that_there_is_none():
    with pytest.raises(ValidationError) as silent:
        agreement().full_clean()
    assert "extra_pay" in silent.value.message_dict

    with pytest.raises(ValidationError) as both:
        agreement(extra_pay=1000, without_extra_pay=True).full_clean()
    assert "without_extra_pay" in both.value.message_dict

    agreement(without_extra_pay=True).full_clean()
    agreement(extra_pay=1000).full_clean()


def test_the_agreement_follows_the_consent_and_is_not_dated_ahead():
    later = datetime.date.today() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as refused:
        agreement(extra_pay=1000, consent_date=later, date=later).full_clean()
    assert {"consent_date", "date"} <= set(refused.value.message_dict)

    with pytest.raises(ValidationError) as reversed_order:
        agreement(extra_pay=1000, consent_date=datetime.date(2023, 9, 30)).full_clean()
    assert "consent_date" in reversed_order.value.message_dict


def test_the_agreement_docx_states_content_period_form_and_pay():
    curator = user_with_role("curator")
    saved = agreement_save(
        agreement=agreement(without_extra_pay=True, content="Посещение и разбор уроков"),
        user=curator,
        reason="Подписано",
    )

    document = agreement_generate_document(agreement=saved, user=curator)

    with document.file.open("rb") as file:
        text = "\n".join(p.text for p in docx.Document(io.BytesIO(file.read())).paragraphs)
    assert "351.8" in text
    assert saved.pair.mentor.full_name in text
    assert "Посещение и разбор уроков" in text
    assert "учитель – учитель" in text
    assert "с 01.10.2023 по 30.06.2024" in text
    assert "без доплаты" in text
    assert document.title == "Соглашение о наставничестве № 1-Н от 25.09.2023"
    assert saved.history.latest().history_user == curator
