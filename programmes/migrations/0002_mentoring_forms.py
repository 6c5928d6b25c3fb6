"""The forms of mentoring named by the methodology (Р-145); organisations may add more."""

from django.db import migrations

FORMS = [
    ("ученик – ученик", "Взаимодействие обучающихся: успевающий и активный обучающийся помогает другому."),
    ("учитель – учитель", "Опытный педагог помогает молодому специалисту или педагогу, осваивающему новое."),
    ("студент – ученик", "Студент колледжа или вуза помогает обучающемуся школы."),
    ("работодатель – ученик", "Представитель предприятия помогает обучающемуся в выборе профессии."),
    ("учитель – ученик", "Педагог сопровождает обучающегося в учёбе и проектах."),
    ("студент – студент", "Студент старшего курса помогает студенту младшего курса."),
    ("работодатель – студент", "Представитель предприятия помогает студенту в профессиональном становлении."),
]


def add_forms(apps, schema_editor):
    MentoringForm = apps.get_model("programmes", "MentoringForm")
    for name, description in FORMS:
        MentoringForm.objects.get_or_create(name=name, defaults={"description": description})


class Migration(migrations.Migration):
    dependencies = [("programmes", "0001_initial")]

    operations = [migrations.RunPython(add_forms, migrations.RunPython.noop)]
