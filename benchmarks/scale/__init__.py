"""Municipal-scale data for benchmarks: many organisations' records, invented but consistent.

Benchmarks need a school's or a municipality's worth of programme records with their
history, and they only measure something real if that data keeps the records' rules (those
of the models' `clean()` and of programmes.services). The package generates such data in
bulk, deterministically and resumably, and checks it:

- profiles: how much to generate, and the lookups of what was generated;
- vocabulary, programme_kinds: what the invented records say and which programmes they run;
- calendar: the programme year the records live in;
- generator: one organisation's records and their history, built in memory;
- writing: records and history rows into the database in big batches;
- results: what generating an organisation hands back;
- tables, consistency: the tables filled, and the check of the rules over them.

The package is also a small Django app (apps.py) so that `manage.py generate_scale_data`
(management/commands/) runs with every settings module. Django imports this module before
the models are ready, so it imports nothing: the other modules import from the submodules
(the questionnaires' part of the data is in questionnaires).
"""
