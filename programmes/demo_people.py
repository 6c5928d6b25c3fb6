"""The demo organisation's people and programmes, as rows (programmes/demo.py loads them)."""

import datetime

from programmes.models import ParticipantCategory

MENTORS = [
    # last, first, patronymic, category, group/position, competences
    (
        "Кузнецова",
        "Анна",
        "Сергеевна",
        ParticipantCategory.TEACHER,
        "учитель математики",
        "Олимпиадная математика, проектная деятельность",
    ),
    (
        "Орлова",
        "Татьяна",
        "Викторовна",
        ParticipantCategory.TEACHER,
        "учитель русского языка",
        "Подготовка к итоговому сочинению, школьная газета",
    ),
    (
        "Белов",
        "Игорь",
        "Андреевич",
        ParticipantCategory.TEACHER,
        "учитель физики",
        "Робототехника, исследовательские работы",
    ),
    (
        "Гончарова",
        "Елена",
        "Павловна",
        ParticipantCategory.TEACHER,
        "учитель начальных классов",
        "Адаптация молодых педагогов, классное руководство",
    ),
    (
        "Лебедев",
        "Артём",
        "Олегович",
        ParticipantCategory.STUDENT,
        "10 «А»",
        "Информатика, программирование на Python",
    ),
    (
        "Соловьёва",
        "Дарья",
        "Игоревна",
        ParticipantCategory.STUDENT,
        "11 «Б»",
        "Английский язык, дебаты",
    ),
    (
        "Зайцев",
        "Максим",
        "Юрьевич",
        ParticipantCategory.PARTNER,
        "инженер-конструктор",
        "Инженерное проектирование, профориентация",
    ),
]

MENTEES = [
    (
        "Смирнов",
        "Павел",
        "Дмитриевич",
        ParticipantCategory.STUDENT,
        "7 «А»",
        "Подтянуть математику, подготовиться к олимпиаде",
        datetime.date(2013, 4, 12),
    ),
    (
        "Иванова",
        "Полина",
        "Алексеевна",
        ParticipantCategory.STUDENT,
        "7 «А»",
        "Уверенность при выступлениях",
        datetime.date(2013, 9, 3),
    ),
    (
        "Петров",
        "Егор",
        "Николаевич",
        ParticipantCategory.STUDENT,
        "8 «Б»",
        "Робототехника, участие в соревнованиях",
        datetime.date(2012, 1, 25),
    ),
    (
        "Новикова",
        "Софья",
        "Романовна",
        ParticipantCategory.STUDENT,
        "8 «Б»",
        "Программирование с нуля",
        datetime.date(2012, 6, 30),
    ),
    (
        "Морозов",
        "Кирилл",
        "Сергеевич",
        ParticipantCategory.STUDENT,
        "6 «В»",
        "Адаптация после перехода из другой школы",
        datetime.date(2014, 11, 8),
    ),
    (
        "Волкова",
        "Мария",
        "Евгеньевна",
        ParticipantCategory.STUDENT,
        "9 «А»",
        "Выбор профиля обучения и профессии",
        datetime.date(2011, 3, 17),
    ),
    (
        "Фёдоров",
        "Никита",
        "Андреевич",
        ParticipantCategory.STUDENT,
        "9 «А»",
        "Инженерные специальности",
        datetime.date(2011, 8, 2),
    ),
    (
        "Алексеева",
        "Виктория",
        "Игоревна",
        ParticipantCategory.YOUNG_SPECIALIST,
        "учитель английского языка",
        "Дисциплина на уроке, работа с родителями",
        datetime.date(2001, 5, 21),
    ),
    (
        "Павлов",
        "Денис",
        "Михайлович",
        ParticipantCategory.STUDENT,
        "7 «Б»",
        "Английский язык",
        datetime.date(2013, 2, 14),
    ),
]


PROGRAMMES = [
    # key, title, form of mentoring, goals
    (
        "student",
        "Шаг вперёд: ученик – ученик",
        "ученик – ученик",
        "Повышение успеваемости и адаптация обучающихся",
    ),
    (
        "teacher",
        "Школа молодого педагога",
        "учитель – учитель",
        "Профессиональное становление молодых специалистов",
    ),
    (
        "mixed",
        "Точка роста: учитель – ученик",
        "учитель – ученик",
        "Развитие математического и инженерного мышления, профориентация",
    ),
]

# Pupils who have not been paired yet: «Подбор пар» in «Шаг вперёд» suggests their mentors.
MATCHING_MENTORS = [
    (
        "Ершова",
        "Алина",
        "Сергеевна",
        ParticipantCategory.STUDENT,
        "10 «Б»",
        "Математика, ОГЭ\nОлимпиадная математика",
    ),
    (
        "Тихонов",
        "Глеб",
        "Андреевич",
        ParticipantCategory.STUDENT,
        "11 «А»",
        "Русский язык: подготовка к итоговому сочинению\nШкольная газета",
    ),
    (
        "Киселёва",
        "Ульяна",
        "Павловна",
        ParticipantCategory.STUDENT,
        "9 «В»",
        "Биология, исследовательские проекты",
    ),
]
MATCHING_MENTEES = [
    (
        "Богданов",
        "Артём",
        "Ильич",
        ParticipantCategory.STUDENT,
        "7 «В»",
        "Подготовка к ОГЭ по математике",
        datetime.date(2013, 5, 5),
    ),
    (
        "Сергеева",
        "Алиса",
        "Олеговна",
        ParticipantCategory.STUDENT,
        "6 «А»",
        "Проект по биологии",
        datetime.date(2014, 2, 2),
    ),
    (
        "Котов",
        "Илья",
        "Денисович",
        ParticipantCategory.STUDENT,
        "8 «А»",
        "Сочинение по русскому языку",
        datetime.date(2012, 7, 7),
    ),
    (
        "Макарова",
        "Ева",
        "Артёмовна",
        ParticipantCategory.STUDENT,
        "5 «Б»",
        "Олимпиада по математике",
        datetime.date(2015, 1, 1),
    ),
]
# Whom they chose after the group meeting (mentee, mentor by last name); both ways is mutual.
MATCHING_CHOICES = [("Богданов", "Ершова"), ("Ершова", "Богданов"), ("Котов", "Тихонов")]
