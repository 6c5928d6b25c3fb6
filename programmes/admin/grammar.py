"""modeladmin's generated labels, made from the model's declared forms (portal.grammar).

modeladmin puts a model's verbose_name into its phrases as it is: «Добавить участник»,
«Невозможно создать пара или группа», «Участник '…' создана». The view classes and the button
helper here take every such label from the model's `Noun` instead; ScopedModelAdmin
(programmes.admin.base) uses them for every list, and its templates under
programmes/templates/modeladmin/ read `view.noun` for the labels made in templates.
"""

from django.db import models, transaction
from django.shortcuts import redirect
from django.utils.functional import cached_property
from wagtail.admin import messages
from wagtail.log_actions import log
from wagtail_modeladmin.views import CreateView, DeleteView, EditView, InspectView

from portal.grammar import noun_of
from programmes.admin.values import shown


class NounMixin:
    """`noun`: the forms of the view's model, for its titles, messages and templates."""

    @cached_property
    def noun(self):
        return noun_of(self.model)


class RecordCreateView(NounMixin, CreateView):
    def get_meta_title(self):
        return self.noun.creating()

    def get_success_message(self, instance):
        return self.noun.created(instance)

    def get_error_message(self):
        return self.noun.not_created()


class RecordEditView(NounMixin, EditView):
    def get_meta_title(self):
        return self.noun.editing()

    def get_success_message(self, instance):
        return self.noun.updated(instance)

    def get_error_message(self):
        return self.noun.not_saved()


class RecordDeleteView(NounMixin, DeleteView):
    def get_meta_title(self):
        return self.noun.deleting()

    def confirmation_message(self):
        return self.noun.confirm_delete()

    def post(self, request, *args, **kwargs):
        """modeladmin's deletion, with the message in the noun's gender.

        A record others protect is left to modeladmin, which lists what refers to it.
        """
        message = self.noun.deleted(self.instance)
        try:
            with transaction.atomic():
                log(instance=self.instance, action="wagtail.delete")
                self.delete_instance()
        except models.ProtectedError:
            return super().post(request, *args, **kwargs)
        messages.success(request, message)
        return redirect(self.index_url)


class RecordInspectView(NounMixin, InspectView):
    def get_meta_title(self):
        return self.noun.inspecting()

    def get_field_display_value(self, field_name, field=None):
        # modeladmin shows a yes/no field as «True»/«False».
        value = super().get_field_display_value(field_name, field)
        return shown(value) if isinstance(value, bool) or value is None else value


class NounButtonHelper:
    """Put before a ButtonHelper: its buttons' labels and titles in the noun's cases."""

    def _relabel(self, button, *, label=None, title):
        if label is not None:
            button["label"] = label
        button["title"] = title
        return button

    @cached_property
    def noun(self):
        return noun_of(self.model)

    def add_button(self, *args, **kwargs):
        return self._relabel(
            super().add_button(*args, **kwargs), label=self.noun.add(), title=self.noun.add()
        )

    def inspect_button(self, *args, **kwargs):
        return self._relabel(super().inspect_button(*args, **kwargs), title=self.noun.inspect())

    def edit_button(self, *args, **kwargs):
        return self._relabel(super().edit_button(*args, **kwargs), title=self.noun.edit())

    def delete_button(self, *args, **kwargs):
        return self._relabel(super().delete_button(*args, **kwargs), title=self.noun.delete())


def with_nouns(button_helper_class):
    """The button helper class with its labels taken from the model's noun."""
    if issubclass(button_helper_class, NounButtonHelper):
        return button_helper_class
    return type(f"Noun{button_helper_class.__name__}", (NounButtonHelper, button_helper_class), {})
