"""DOCX documents of the programme: orders and mentoring agreements, filled from templates.

`defaults` builds the templates the portal ships, `contexts` says what each kind of document
is filled with (and lists the placeholders for the upload screen), `render` fills a template
with docxtpl and turns whatever a broken template raises into a Russian message.
"""
