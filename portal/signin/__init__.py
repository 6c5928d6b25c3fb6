"""Signing in: throttling failed attempts, the lockouts screen, idle staff sessions."""
