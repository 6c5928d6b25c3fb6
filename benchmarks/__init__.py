"""`make bench`: the portal under load, side by side with a bare view and a stock form page.

See benchmarks/run.py for what is measured and how.
"""
