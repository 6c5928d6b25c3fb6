"""Documents of one record downloaded from its inspect page: a plan's DOCX, a pair's journal.

Each is an instance action of the record's ModelAdmin (ScopedModelAdmin.instance_actions), so
the model's right and the record's organisation are checked before the view runs: curators
and auditors of the organisation download, nobody else. The button shows on the inspect page.
"""

from django.contrib.admin.utils import quote
from wagtail_modeladmin.helpers import ButtonHelper
from wagtail_modeladmin.views import InspectView, InstanceSpecificView


class DownloadView(InstanceSpecificView):
    """A GET answered with a file made from `self.instance` by `make_response`."""

    http_method_names = ["get", "head"]

    def make_response(self):
        raise NotImplementedError

    def get(self, request, *args, **kwargs):
        return self.make_response()


class DownloadButtonHelper(ButtonHelper):
    """Adds a button per `downloads` entry ({action: label}) to the record's inspect page."""

    downloads: dict = {}

    def get_buttons_for_obj(self, obj, exclude=None, classnames_add=None, classnames_exclude=None):
        buttons = super().get_buttons_for_obj(obj, exclude, classnames_add, classnames_exclude)
        if not isinstance(self.view, InspectView):
            return buttons
        for action, label in self.downloads.items():
            if action in (exclude or []):
                continue
            buttons.append(
                {
                    "url": self.url_helper.get_action_url(action, quote(obj.pk)),
                    "label": label,
                    "classname": self.finalise_classname(
                        ["button-secondary", *(classnames_add or [])], classnames_exclude
                    ),
                    "title": label,
                }
            )
        return buttons
