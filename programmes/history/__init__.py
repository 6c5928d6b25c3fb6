"""The auditor's view of the programme's change history (django-simple-history).

- `diff`: readable versions of history rows: who, when, what changed from what to what;
- `journal`: the selector behind the global change journal, scoped to the user's organisations;
- `views`: the history page of one record, a drop-in `history_view_class` for a ModelAdmin;
- `admin`: the journal's admin view, its XLSX export, URLs and menu item.
"""
