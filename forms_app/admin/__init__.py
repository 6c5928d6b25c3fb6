"""The admin screens of the questionnaires: what staff do with them in Wagtail's admin.

Choosing the kind of a new questionnaire, handing out invitation links in bulk, and reading,
exporting and deleting the answers are for curators and editors behind Wagtail's login and
page permissions. They are kept apart from forms_app/public, which strangers reach by a link,
so that what staff may do with participants' answers and what the open internet may do are
read and reviewed each on its own; wagtail_hooks.py wires these screens in. The results
report keeps its screen in forms_app/reports, beside the figures and the workbook it shows.
This `__init__` imports nothing: Django's admin autodiscovery imports it at start-up, and the
page model loads the answers list from here late, so neither should pull in more.
"""
