"""Admin wiring of the programme: the «Наставничество» menu group, dashboard panels."""

from wagtail_modeladmin.options import modeladmin_register

from programmes.admin.modeladmins import MentoringGroup

modeladmin_register(MentoringGroup)
