"""The Russian forms of a record's name, declared once on its model, for generated labels.

wagtail-modeladmin (and Django) make labels by putting a model's verbose_name into a phrase:
«Добавить %s», «%s '…' создан», «Вернуться к списку %s». Russian declines the noun and agrees
the participle with its gender, so one nominative cannot fill them: «Добавить участник»,
«Участник '…' создана». Each model a list shows declares its `Noun` next to its Meta
(`grammar = Noun(...)`), and the phrases below are the only place that builds such a label;
programmes.admin.grammar puts them into modeladmin's views, buttons and templates.

The portal speaks Russian only (settings.LANGUAGES), and a noun's cases and gender exist in
Russian only, so the forms and the phrases made of them are written in Russian here rather
than as English msgids. A leaf of portal: it imports no app, so any app's models may use it.
"""

from dataclasses import dataclass
from enum import Enum

from django.utils.text import capfirst


class Gender(Enum):
    MASCULINE = "m"
    FEMININE = "f"
    NEUTER = "n"


M, F, N = Gender.MASCULINE, Gender.FEMININE, Gender.NEUTER

# Short participles agreeing with the noun: «участник создан», «пара создана».
_PARTICIPLES = {
    "created": {M: "создан", F: "создана", N: "создано"},
    "updated": {M: "изменён", F: "изменена", N: "изменено"},
    "deleted": {M: "удалён", F: "удалена", N: "удалено"},
}


@dataclass(frozen=True)
class Noun:
    """A record's name in the cases generated labels need, and its gender.

    `nominative` and `plural` are the model's verbose_name and verbose_name_plural (a test
    holds them equal); the oblique cases are what the phrases put after a verb or a noun.
    """

    nominative: str  # участник: «Участник «…» создан»
    genitive: str  # участника: «Изменение участника»
    accusative: str  # участника: «Добавить участника»
    plural: str  # участники: the list's title
    plural_genitive: str  # участников: «Поиск участников», «к списку участников»
    gender: Gender

    # --- counts ------------------------------------------------------------------------------

    def count(self, number: int) -> str:
        """«1 приказ», «2 приказа», «5 приказов», «21 приказ»: the number agreeing with the noun."""
        last_two, last = number % 100, number % 10
        if last == 1 and last_two != 11:
            form = self.nominative
        elif 2 <= last <= 4 and not 12 <= last_two <= 14:
            form = self.genitive
        else:
            form = self.plural_genitive
        return f"{number} {form}"

    # --- titles and buttons ----------------------------------------------------------------

    def add(self) -> str:
        return f"Добавить {self.accusative}"

    def inspect(self) -> str:
        return f"Просмотреть {self.accusative}"

    def edit(self) -> str:
        return f"Изменить {self.accusative}"

    def delete(self) -> str:
        return f"Удалить {self.accusative}"

    def creating(self) -> str:
        return f"Добавление {self.genitive}"

    def editing(self) -> str:
        return f"Изменение {self.genitive}"

    def deleting(self) -> str:
        return f"Удаление {self.genitive}"

    def inspecting(self) -> str:
        return f"Просмотр {self.genitive}"

    def history(self) -> str:
        return f"История {self.genitive}"

    def search(self) -> str:
        return f"Поиск {self.plural_genitive}"

    def back_to_list(self) -> str:
        return f"Вернуться к списку {self.plural_genitive}"

    # --- messages --------------------------------------------------------------------------

    def _done(self, action: str, record) -> str:
        return f"{capfirst(self.nominative)} «{record}» {_PARTICIPLES[action][self.gender]}."

    def created(self, record) -> str:
        return self._done("created", record)

    def updated(self, record) -> str:
        return self._done("updated", record)

    def deleted(self, record) -> str:
        return self._done("deleted", record)

    def not_created(self) -> str:
        return f"Невозможно создать {self.accusative}: исправьте ошибки в форме."

    def not_saved(self) -> str:
        return f"Невозможно сохранить {self.accusative}: исправьте ошибки в форме."

    def not_deleted(self) -> str:
        return f"Невозможно удалить {self.accusative}"

    def confirm_delete(self) -> str:
        return (
            f"Вы уверены, что хотите удалить {self.accusative}? Связанные с этой записью "
            "данные тоже могут быть затронуты."
        )

    def none_yet(self) -> str:
        return f"{capfirst(self.plural)} пока не добавлены."

    def none_found(self) -> str:
        return f"Нет {self.plural_genitive}, подходящих под условия поиска."


def noun_of(model) -> Noun:
    """The model's declared forms; a model without them fails loudly, never in bad Russian."""
    noun = getattr(model, "grammar", None)
    if not isinstance(noun, Noun):
        raise TypeError(
            f"{model.__name__} declares no grammar = Noun(...) (portal.grammar) next to its Meta"
        )
    return noun
