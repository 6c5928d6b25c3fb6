"""The whole pool at once: mentees to mentors under the mentors' capacities.

A min-cost flow (OR-Tools' SimpleMinCostFlow): source → each mentee (1) → each mentor the
rules allow (1, cost minus the score) → sink (the mentor's capacity); each mentee may also go
straight to the sink, unmatched. Costs are integers and the arcs are added in the pool's order,
so the same data give the same answer. Two goals, each a strict order of priorities:

- quality: the highest total score, and among equal totals the most mentees matched; pairs
  below the curator's lowest score are not offered at all;
- coverage: the most mentees matched, and among those the highest total score.

Greedy (the best-scoring pair first) is kept as the baseline the benchmark compares with.
"""

import numpy as np
from ortools.graph.python import min_cost_flow

UNMATCHED = -1


def optimise(
    *, scores: np.ndarray, allowed: np.ndarray, capacity: np.ndarray, coverage: bool
) -> np.ndarray:
    """For each mentee the index of its mentor, or UNMATCHED."""
    n, m = allowed.shape
    assignment = np.full(n, UNMATCHED, dtype=np.int64)
    rows, columns = np.nonzero(allowed & (capacity[None, :] > 0))
    if not len(rows):
        return assignment
    gains = scores[rows, columns].astype(np.int64)
    if coverage:
        costs = -(gains + int(scores.max(initial=0)) * n + 1)
        unmatched_cost = 0
    else:
        costs = -gains * (n + 1)
        unmatched_cost = 1
    source, sink = n + m, n + m + 1
    flow = min_cost_flow.SimpleMinCostFlow()
    ones = np.ones(n, dtype=np.int64)
    mentees = np.arange(n, dtype=np.int64)
    flow.add_arcs_with_capacity_and_unit_cost(
        np.full(n, source, dtype=np.int64), mentees, ones, np.zeros(n, dtype=np.int64)
    )
    pair_arcs = flow.add_arcs_with_capacity_and_unit_cost(
        rows.astype(np.int64),
        (n + columns).astype(np.int64),
        np.ones(len(rows), dtype=np.int64),
        costs,
    )
    flow.add_arcs_with_capacity_and_unit_cost(
        mentees, np.full(n, sink, dtype=np.int64), ones, np.full(n, unmatched_cost, dtype=np.int64)
    )
    flow.add_arcs_with_capacity_and_unit_cost(
        np.arange(n, n + m, dtype=np.int64),
        np.full(m, sink, dtype=np.int64),
        capacity.astype(np.int64),
        np.zeros(m, dtype=np.int64),
    )
    flow.set_nodes_supplies(np.array([source, sink]), np.array([n, -n]))
    status = flow.solve()
    if status != flow.OPTIMAL:
        raise RuntimeError(f"matching flow not solved: {status}")
    used = flow.flows(pair_arcs) > 0
    assignment[rows[used]] = columns[used]
    return assignment


def greedy(*, scores: np.ndarray, allowed: np.ndarray, capacity: np.ndarray) -> np.ndarray:
    """The best-scoring allowed pair first, while mentee and mentor are free."""
    n, _m = allowed.shape
    assignment = np.full(n, UNMATCHED, dtype=np.int64)
    left = capacity.astype(np.int64).copy()
    rows, columns = np.nonzero(allowed)
    order = np.lexsort((columns, rows, -scores[rows, columns]))
    for i, j in zip(rows[order], columns[order], strict=True):
        if assignment[i] == UNMATCHED and left[j] > 0:
            assignment[i] = j
            left[j] -= 1
    return assignment


def total(scores: np.ndarray, assignment: np.ndarray) -> int:
    matched = assignment != UNMATCHED
    return int(scores[np.nonzero(matched)[0], assignment[matched]].sum())
