"""Matching of mentors and mentees («подбор пар»): computed, explained, never stored.

pool.py      who takes part, as plain values read once from the database
words.py     requests and competences as lemmas (pymorphy3), so word forms meet
rules.py     the hard rules: who may mentor whom in the programme's form, the curator's verdicts
scoring.py   the weighted criteria as one matrix, and each pair's score explained in Russian
solver.py    the whole pool at once: a min-cost flow (OR-Tools) under the mentors' capacities
engine.py    the suggestion: locks kept, rejections honoured, every unmatched mentee explained
report.py    the comparison of mentor and mentee questionnaires as XLSX

The writes (accepting a suggestion, locking, rejecting) are services in
programmes/services/matching.py; the screen is programmes/admin/matching.py.
"""
