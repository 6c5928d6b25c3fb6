"""Admin screens of the questionnaires: invitations (registered in wagtail_hooks)."""
