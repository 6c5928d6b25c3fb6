"""The portal has no models of its own.

This module exists because Django sends ``post_migrate`` only to apps with a models module,
and that signal is what keeps the role groups in sync (see ``portal.apps``).
"""
