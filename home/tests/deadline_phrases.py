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

  A second search (December 2026) went through schools' own event plans, whose tables
  open their pages: calendar plans of upbringing work, themed months and weeks, prevention
  plans, a plan for young specialists, exam schedules of regional centres and a district
  education department; each row group below names its page. 146 real cells besides the 23
  seeds: 169 real phrases, 161 of them (95 %) recognised, the rest listed as known gaps in
  the test. Parser forms added for them: times of day beside a date, spaces and trailing
  dots inside dates («3 .05. 2015», «19.01.-23.01.2014»), «с … – по …», «1 декада сентября»,
  «1 неделя» of the plan's period, «каждый понедельник», «1 раз в триместр», «в течение
  месячника», and lists with «в течение года» in them. Before they were added the parser
  read 98 of the 124 new cells (79 %): that, not 95 %, is how it fared on unseen plans.
- ``COMPOSED``: written before the second search, the way the real ones are: the same
  vocabulary (months with and without «г.», «в течение …», quarters and terms in Roman and Arabic numerals, «ежегодно», «по
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
    # --- found in published plans: a second search (schools' event plans above all) ---
    # план-график подготовки и проведения итогового сочинения (изложения), РЦОКО Республики Алтай,
    # 2021–2022
    # https://rcoko.ru/sochinenie/plan-graphic
    ("1 декабря 2021", K.DATE, FOUND),
    ("2 февраля 2022", K.DATE, FOUND),
    ("19 мая 2022", K.DATE, FOUND),
    ("до 17 ноября 2021", K.BY_DATE, FOUND),
    ("до 19 января 2022", K.BY_DATE, FOUND),
    ("до 20 апреля 2022", K.BY_DATE, FOUND),
    ("до 25 ноября 2021", K.BY_DATE, FOUND),
    ("до 27 февраля 2022", K.BY_DATE, FOUND),
    ("до 28 мая 2022", K.BY_DATE, FOUND),
    # расписание проведения итогового собеседования (основной/дополнительные сроки), МКОУ
    # Усишинская СОШ, Дагестан, 2021/22
    # https://usishin.dagestanschool.ru/?section_id=118
    ("9 февраля 2022 года", K.DATE, FOUND),
    ("9 марта 2022 года", K.DATE, FOUND),
    ("16 мая 2022 года", K.DATE, FOUND),
    # сроки подачи заявлений и проведения итогового собеседования, администрация Суоярвского
    # округа (Карелия), 2021–2022
    # https://suojarvi.ru/news/itogovoe-sobesedovanie-po-russkomu-jazyku-v-9-klasse-2021-2022-uchebnyj-god
    ("Не позднее 26 января 2022 г", K.BY_DATE, FOUND),
    ("9 февраля 2022 г", K.DATE, FOUND),
    # календарный план воспитательной работы НОО (ФОП), МБОУ «Специализированная школа №2» г.
    # Феодосии, 2023–2024
    # https://feospecschool2.krymschool.ru/file/card?id=1417
    ("сентябрь, в течение года", K.WHOLE_PERIOD, FOUND),
    ("В течение учебного года", K.WHOLE_PERIOD, FOUND),
    ("01.09", K.DATE, FOUND),
    ("08.09", K.DATE, FOUND),
    ("04.10", K.DATE, FOUND),
    # календарный план воспитательной работы, основная школа (5–9 кл.), школа №31 Подольск,
    # 2023–2024
    # https://31.schoolpodolsk.ru/file/card?id=5432
    ("1 сентября", K.DATE, FOUND),
    ("Каждый понедельник", K.RECURRING, FOUND),
    ("3 сентября", K.DATE, FOUND),
    ("2-4 октября", K.PERIOD, FOUND),
    ("10-13 октября", K.PERIOD, FOUND),
    ("5 октября", K.DATE, FOUND),
    ("13-20 ноября", K.PERIOD, FOUND),
    ("12-15 декабря", K.PERIOD, FOUND),
    ("19-22 декабря", K.PERIOD, FOUND),
    ("27-29 декабря", K.PERIOD, FOUND),
    # календарный план мероприятий воспитательной работы, МКДОУ Быковский детский сад №5 «Аленка»,
    # 2024–2025
    # https://bykovoi5.tvoysadik.ru/file/card?id=3017
    ("01 сентября", K.DATE, FOUND),
    ("03 сентября", K.DATE, FOUND),
    ("1 неделя", K.PERIOD, FOUND),
    ("2 неделя", K.PERIOD, FOUND),
    # план работы с молодыми специалистами и вновь прибывшими учителями на учебный год (школа,
    # колонка «месяц»)
    # https://www.pandia.org/text/78/043/23410.php
    ("октябрь-ноябрь", K.PERIOD, FOUND),
    ("февраль-март", K.PERIOD, FOUND),
    ("апрель", K.MONTH, FOUND),
    ("май", K.MONTH, FOUND),
    ("август", K.MONTH, FOUND),
    ("сентябрь", K.MONTH, FOUND),
    # план мероприятий по профилактике ДДТТ, МБОУ «Октябрьская СОШ» (Чувашия), 2018–2019
    # https://okt-marpos.edu21.cap.ru/news/2018/12/01/event_1029506/?id=32fc339c-287a-4c27-9b54-d24d1adc380e
    ("Сентябрь, Октябрь, январь, март.", K.SEVERAL, FOUND),
    # план мероприятий к 80-летию Красноярского края (колонка «Дата»), МБОУ Краснотуранская НОШ
    # им. В.К. Фуги, 2014
    # https://velikol.ru/80-letie-krasnoyarskogo-kraya/
    ("26.09.2014", K.DATE, FOUND),
    ("13.10 -15.10.2014", K.PERIOD, FOUND),
    ("13.10 – 17.10.2014", K.PERIOD, FOUND),
    ("24.11-28.11.2014", K.PERIOD, FOUND),
    ("19.01.-23.01.2014", K.PERIOD, FOUND),
    # план основных мероприятий к 85-летию Московской области, МБОУ НШ №13 г.о. Железнодорожный,
    # 2014
    # https://lib-5.ru/urok2/urok-126555.php
    ("Сентябрь-октябрь", K.PERIOD, FOUND),
    # план мероприятий по профилактике суицидального поведения обучающихся (школьный сайт, колонка
    # «Сроки выполнения»)
    # https://90.86367.3535.ru/news/5592.html
    ("Октябрь, январь, апрель", K.SEVERAL, FOUND),
    ("2 раза в год, октябрь, апрель", K.RECURRING, FOUND),
    ("2 раза в год, в осенне-весенний период", K.RECURRING, FOUND),
    # план мероприятий по гражданско-патриотическому воспитанию (колонка «Срок исполнения»), сайт
    # гимназии №1, 2009–2010
    # https://mgymnasium1.narod.ru/p29aa1.html
    ("1.09.09г.", K.DATE, FOUND),
    ("1 октября", K.DATE, FOUND),
    ("ноябрь", K.MONTH, FOUND),
    ("декабрь", K.MONTH, FOUND),
    ("январь", K.MONTH, FOUND),
    ("февраль", K.MONTH, FOUND),
    # план мероприятий ко Дню знаний (колонка «Дата и время проведения»), администрация г.о. с
    # участием Поволжского управления МОН Самарской области (ПУМОНСО)
    # https://samara-gov.ru/doc/36123
    ("31 августа 10:00", K.DATE, FOUND),
    ("01 сентября 08:30 - 12:30", K.DATE, FOUND),
    # план мероприятий, посвящённых 65-летию Победы (колонка «Дата»), сайт школы
    # (schkolaur.ucoz.ru), 2010
    # https://schkolaur.ucoz.ru/load/65_pobede/1-1-0-3
    ("Март-апрель", K.PERIOD, FOUND),
    ("12 марта", K.DATE, FOUND),
    ("23 апреля", K.DATE, FOUND),
    ("9 мая", K.DATE, FOUND),
    # план мероприятий ко Дню Победы (колонка «Сроки»), МБОУ СОШ №63, 2013
    # http://shkola63.clan.su/index/plan_9_maja/0-74
    ("С 25.04. – 7.05.", K.PERIOD, FOUND),
    ("25.04.13.", K.DATE, FOUND),
    ("С 25.04. – 8.05.13.", K.PERIOD, FOUND),
    ("29.04.13.", K.DATE, FOUND),
    # план месячника оборонно-массовой и военно-патриотической работы (колонка «Дата проведения»),
    # Лознянская школа (Белгородская обл.), 2022–2023
    # https://shkolaloznyanskaya-r31.gosweb.gosuslugi.ru/roditelyam-i-uchenikam/novosti/novosti-193_172.html
    ("в ходе проведения месячника", K.WHOLE_PERIOD, FOUND),
    ("23.01-23.02.2023", K.PERIOD, FOUND),
    ("15.02.2023-23.02.2023 г", K.PERIOD, FOUND),
    ("25.01.2023", K.DATE, FOUND),
    # план работы месячника оборонно-массовой и военно-патриотической работы (колонка «Сроки
    # проведения»), школа Тюкалинского района (Омская обл.), 2021
    # https://oumalin.tuk.obr55.ru/vospitanie/19-dokumentt/699-plan-raboty-mesyachnika-oboronno-massovoj-i-voenno-patrioticheskoj-raboty
    ("25.01.2021", K.DATE, FOUND),
    ("15.02.2021", K.DATE, FOUND),
    ("01.02.2021 – 11.02.2021 классный тур; 15.02.2021 – 25.02.2021 школьный тур", None, FOUND),
    ("В течение месяца", K.WHOLE_PERIOD, FOUND),
    # план мероприятий месячника оборонно-массовой работы (колонка «Дата проведения»), МБОУ ООШ
    # №19 х. Свободный Мир (Краснодарский край), 2019
    # https://school19.most.kubannet.ru/2019/01/25/%d0%bf%d0%bb%d0%b0%d0%bd-%d0%bc%d0%b5%d1%80%d0%be%d0%bf%d1%80%d0%b8%d1%8f%d1%82%d0%b8%d0%b9-%d0%bc%d0%b5%d1%81%d1%8f%d1%87%d0%bd%d0%b8%d0%ba%d0%b0-%d0%be%d0%b1%d0%be%d1%80%d0%be%d0%bd%d0%bd%d0%be
    ("23.01.19", K.DATE, FOUND),
    ("28.01.", K.DATE, FOUND),
    ("18.02", K.DATE, FOUND),
    # план месячника оборонно-массовой и спортивной работы (колонка «Срок исполнения»), МБОУ
    # «Карабай-Шемуршинская СОШ» (Чувашия), 2022
    # https://karshem-shemur.edu21.cap.ru/banneri/page_170132/
    ("21.01.2022", K.DATE, FOUND),
    ("В течение месячника", K.WHOLE_PERIOD, FOUND),
    ("В течение периода", K.WHOLE_PERIOD, FOUND),
    # план мероприятий к 79-й годовщине Победы (колонка «Сроки, место проведения»), МОБУ
    # «Сясьстройская СОШ №2», 2024
    # https://syasschool2.nubex.ru/zhizn-shkoli/news/37893.html
    ("7 мая 2024 года", K.DATE, FOUND),
    # планы министерств школьного самоуправления на год (список «срок — дело»), блог Середкинской
    # школы, 2017–2018
    # http://seredkaschool.blogspot.com/2017/11/blog-post_38.html
    ("1 раз в триместр", K.RECURRING, FOUND),
    ("Декабрь и январь", K.SEVERAL, FOUND),
    ("Апрель и май", K.SEVERAL, FOUND),
    ("Февраль и март", K.SEVERAL, FOUND),
    # МБОУ СОШ № 6 (Кубань), план работы школьного музея на 2014-2015 учебный год, column «Сроки
    # проведения»
    # http://shkola6.ucoz.com/index/shkolnyj_muzej/0-187
    ("В течение календарного года", K.WHOLE_PERIOD, FOUND),
    ("1 раз в четверть", K.RECURRING, FOUND),
    ("Весь период", K.WHOLE_PERIOD, FOUND),
    # МАОУ СОШ №4 (Забайкальский край), план мероприятий к 75-й годовщине Победы (2020), column
    # «Сроки»
    # http://www.sveka4.edusite.ru/p328aa1_pr.html
    ("до 21 мая", K.BY_DATE, FOUND),
    ("до 11 мая", K.BY_DATE, FOUND),
    ("до 20 мая", K.BY_DATE, FOUND),
    ("с 28 апреля по 22 мая", K.PERIOD, FOUND),
    ("апрель - май", K.PERIOD, FOUND),
    # Луковниковская школа (Тверская обл.), план мероприятий школьного музея к годовщине Победы,
    # column «Дата проведения»
    # https://lukownikowoschool.ru/vneurochnaya_deyatelnost/6118/6316
    ("сентябрь-апрель", K.PERIOD, FOUND),
    ("Сентябрь- март", K.PERIOD, FOUND),
    ("Ноябрь- май", K.PERIOD, FOUND),
    # МБОУ «Ротовская ООШ» (Псковская обл.), план мероприятий к 70-й годовщине Победы (2015),
    # column «Сроки проведения»; stored text flattens the table into lines
    # https://369.81148.3535.ru/news/5510.html
    ("По плану", None, FOUND),
    ("до 3 .05. 2015г", K.BY_DATE, FOUND),
    ("Апрель- май 2015г", K.PERIOD, FOUND),
    ("Февраль-март 2015", K.PERIOD, FOUND),
    ("февраль 2015г", K.MONTH, FOUND),
    ("20 февраля 2015г", K.DATE, FOUND),
    ("Январь-март 2015г", K.PERIOD, FOUND),
    # МОУ «СОШ № 19», план основных мероприятий к 65-й годовщине Победы, column «Срок исполнения»;
    # stored text flattens the table
    # https://moy-school192007.narod.ru/17_1.htm
    ("октябрь, в течение года", K.WHOLE_PERIOD, FOUND),
    # ГБОУ школа № 553 (Санкт-Петербург), план внутришкольных мероприятий к 70-летию Победы,
    # column «Дата, время»; cell broken over two lines in stored text, joined with one space
    # http://spbschool553.com/plan-meropriyatiy-k-70-letiyu-pobedyi-vnutrishkolnyie-meropriyatiya/
    ("07.05.2015 15.00", K.DATE, FOUND),
    ("08.05.2015, 09:00", K.DATE, FOUND),
    ("14.04-13.05.2015", K.PERIOD, FOUND),
    ("22.04.2015", K.DATE, FOUND),
    # Гимназия № 96 (Челябинск), план подготовки и проведения Рождественской программы 25.12.2013,
    # column «Сроки»
    # https://gymn96chel.ru/news/plan_podgotovki_i_provedenija_rozhdestvenskoj_programmy_25_12_2013g/2013-12-17-604
    ("до 24.12.2013г.", K.BY_DATE, FOUND),
    ("До 27.12.2013", K.BY_DATE, FOUND),
    ("25.12. 2013г.", K.DATE, FOUND),
    ("до 30.12.2013г.", K.BY_DATE, FOUND),
    ("12.00, 13.00, 15.00", None, FOUND),
    ("9.00 и 11.00", None, FOUND),
    ("до 21.12.2013г.", K.BY_DATE, FOUND),
    # МБОУ Калининская СОШ №7 (Ростовская обл.), план мероприятий ко Дню славянской письменности и
    # культуры (2014), column «Дата проведения»
    # http://school7-61.ru/school_life/Plan%20Den%20slavyanskoi%20pismennosti/
    ("19.05.2014", K.DATE, FOUND),
    ("20.04.2014", K.DATE, FOUND),
    ("21.05.2014", K.DATE, FOUND),
    # МОУ «Кошки-Куликеевская СОШ» (Чувашия), план мероприятий недели чувашского языка (апрель
    # 2011), column «Дата проведения»
    # https://kkulikeev-yaltch.edu21.cap.ru/news/2011/04/22/news_118236/?id=a51ef9b7-4b4d-4e3d-8d34-c3f57b37bf8e
    ("22.04.11", K.DATE, FOUND),
    ("25.04.11", K.DATE, FOUND),
    ("28.04.11", K.DATE, FOUND),
    # МБДОУ «Детский сад №3 «Зоренька»» (Урмары, Чувашия), план мероприятий «Месячника
    # безопасности» 01–30.09.2018, column «Сроки проведения»
    # https://ds3-urmary.edu21.cap.ru/news/2018/10/23/event_1029144/?id=357a09cc-f1ec-439f-bae4-f9a5e6318798
    ("1 декада сентября", K.PERIOD, FOUND),
    ("С 4.09. – по 20.09.", K.PERIOD, FOUND),
    ("10 сентября", K.DATE, FOUND),
    # ДОУ, план мероприятий по обеспечению безопасности в зимний период 2019/2020 учебного года
    # (published on maam.ru, the kindergarten's page), column «Срок исполнения»; stored text wraps
    # the cell
    # https://21102.maam.ru/maps/news/332572.html
    ("До 20. 11.2019", K.BY_DATE, FOUND),
    # district education department (Мордовский р-н, Тамбовская обл.), NOT a school: план
    # мероприятий к 70-й годовщине Победы, column «Срок»
    # https://mordovoobraz.68edu.ru/index.php/deyatelnost/vospit_rab/patriotizmo/65yeasrwin/1017-план-подготовки-и-проведения-мероприятий-по-празднованию-70-ой-годовщины-победы-в-великой-отечественной-войне-в-2013-2015-году
    ("постоянно (2013-2015 г.г.)", K.WHOLE_PERIOD, FOUND),
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
