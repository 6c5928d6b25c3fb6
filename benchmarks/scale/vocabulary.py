"""What the invented records say: people's names, addresses, companies and the word lists.

Names come from Faker's ru_RU lists and addresses and companies from a Faker seeded with the
dataset's seed, built once per seed, so an organisation's records are the same whatever was
generated before it. The word lists (subjects, interests, meeting topics, outcomes, reasons)
are fixed, so the texts read like a school's records rather than lorem ipsum.
"""

import functools
import re
from dataclasses import dataclass
from decimal import Decimal

from anyascii import anyascii
from faker import Faker
from faker.providers.person.ru_RU import Provider as RussianNames

from programmes.models import MeetingKind


@dataclass(frozen=True)
class Pools:
    # Faker's ru_RU surnames are paired by position: Смирнов / Смирнова.
    last_male: tuple[str, ...]
    last_female: tuple[str, ...]
    first_male: tuple[str, ...]
    first_female: tuple[str, ...]
    middle_male: tuple[str, ...]
    middle_female: tuple[str, ...]
    latin: dict[str, str]
    streets: tuple[str, ...]
    cities: tuple[str, ...]
    companies: tuple[str, ...]


def _latin(name: str) -> str:
    return re.sub(r"[^a-z]", "", anyascii(name).lower()) or "user"


@functools.cache
def pools(*, seed: int) -> Pools:
    """Names from Faker's ru_RU lists, addresses and companies from a seeded Faker: built once."""
    fake = Faker("ru_RU")
    fake.seed_instance(seed)
    names = RussianNames
    every_name = (
        *names.last_names_male,
        *names.last_names_female,
        *names.first_names_male,
        *names.first_names_female,
    )
    return Pools(
        last_male=tuple(names.last_names_male),
        last_female=tuple(names.last_names_female),
        first_male=tuple(names.first_names_male),
        first_female=tuple(names.first_names_female),
        middle_male=tuple(names.middle_names_male),
        middle_female=tuple(names.middle_names_female),
        latin={name: _latin(name) for name in every_name},
        streets=tuple(fake.street_address() for _ in range(400)),
        cities=tuple(sorted({fake.city_name() for _ in range(60)})),
        companies=tuple(sorted({fake.company() for _ in range(80)})),
    )


SUBJECTS = (
    "математики",
    "русского языка и литературы",
    "физики",
    "информатики",
    "истории и обществознания",
    "биологии",
    "химии",
    "английского языка",
    "начальных классов",
    "географии",
    "физической культуры",
    "музыки",
)
# Mentees are mostly from the middle school.
GRADES = (1, 2, 3, 4, *range(5, 10), *range(5, 10), *range(5, 10), 10, 11)
POSITIONS = ("инженер-конструктор", "программист", "технолог", "менеджер проектов", "экономист")
COMPETENCES = (
    "Олимпиадная подготовка, исследовательские проекты",
    "Подготовка к ОГЭ и ЕГЭ, индивидуальные образовательные маршруты",
    "Классное руководство, работа с родителями",
    "Робототехника и программирование",
    "Проектная деятельность, публичные выступления",
    "Профориентация, знакомство с производством",
    "Адаптация молодых педагогов, методическая работа",
    "Школьное самоуправление, волонтёрство",
)
INTERESTS = (
    "Шахматы, чтение",
    "Футбол, компьютерные игры",
    "Рисование, музыка",
    "Программирование",
    "Театральная студия",
    "Туризм и краеведение",
    "Волонтёрство",
    "Биология, экология",
    "",
)
REQUESTS = (
    "Подтянуть математику",
    "Подготовиться к олимпиаде",
    "Освоиться в новом классе",
    "Выбрать профиль обучения и профессию",
    "Научиться выступать перед аудиторией",
    "Программирование с нуля",
    "Разговорный английский",
    "Дисциплина на уроке, работа с родителями",
)
TOPICS = {
    MeetingKind.INTRODUCTION: "Знакомство, ожидания от работы в паре",
    MeetingKind.TRIAL: "Пробное занятие",
    MeetingKind.PLANNING: "Составление индивидуального плана развития",
    MeetingKind.FINAL: "Подведение итогов, самооценка результатов",
}
WORKING_TOPICS = (
    "Разбор олимпиадных задач",
    "Подготовка проекта к защите",
    "Работа над ошибками контрольной",
    "Репетиция выступления",
    "Экскурсия на предприятие партнёра",
    "Разбор урока, обратная связь",
    "Планирование следующего этапа",
    "Тренировка по вариантам ОГЭ",
)
OUTCOMES = (
    "Цели встречи достигнуты, задание на следующую встречу согласовано.",
    "Разобрали трудные места, наставляемый справился с заданием самостоятельно.",
    "Составлен план на месяц, определены сроки.",
    "Подготовлен черновик проекта.",
    "Наставляемый выступил с докладом, обсудили замечания.",
)
OUTCOME_ADDITIONS = (
    " Материалы отправлены наставляемому.",
    " Куратор ознакомлен.",
    " Следующая встреча — по расписанию.",
    " Родители проинформированы.",
)
COMMENTS = (
    "Встреча была полезной.",
    "Хотелось бы больше практики.",
    "Всё понятно, спасибо!",
    "Было интересно.",
    "Нужно больше времени на задачи.",
)
GOALS = {
    "student": "Повышение успеваемости и адаптация обучающихся",
    "teacher": "Профессиональное становление молодого специалиста",
    "teacher_student": "Индивидуальный образовательный маршрут",
    "employer": "Профориентация и профессиональные пробы",
}
LEAVING_REASONS = ("Перевод в другую школу", "Заявление родителей", "Смена формы наставничества")
TERMINATION_REASONS = (
    "Наставляемый перешёл в другую школу",
    "Заявление наставника: смена места работы",
    "Несовместимость участников пары",
)
WITHDRAWAL_REASONS = ("Заявление участника", "Заявление законного представителя")
USER_AGENTS = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/124.0 YaBrowser/24.4",
    "Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 Chrome/123.0 Mobile Safari/537.36",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 Safari/604.1",
)
CONSENT_TEXT = (
    "Я даю согласие на обработку моих персональных данных (персональных данных моего ребёнка) "
    "в целях участия в программе наставничества."
)
COURSES = (
    ("Наставничество в образовательной организации", Decimal("36.0")),
    ("Школа юного наставника", Decimal("16.0")),
    ("Методика сопровождения молодых педагогов", Decimal("72.0")),
)
