"""The auditor's view of the programme's change history (django-simple-history).

Reading only: nothing here writes or changes a history row. The page of one record replaces
wagtail-modeladmin's log view (`views`), the journal reads every tracked model at once
(`journal`, `admin`), and both show versions as «who, when, what was → what became» (`diff`).
"""
