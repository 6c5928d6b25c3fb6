"""Wiring of the programme's records into the Wagtail admin (registered in wagtail_hooks)."""
