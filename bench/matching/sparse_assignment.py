"""Two independent exact solvers on the SAME sparse candidate graph as the product's round.

Usage: python3 sparse_assignment.py GRAPH_DIR HROMADA_CAPACITY
GRAPH_DIR holds little-endian arrays written by bench/matching/run.ts:
  edge_hromada.i32, edge_eu.i32 (node indices), edge_score.f64, eu_capacity.i32 (one per EU node).
The problem is the product's: maximise the total score, each hromada at most HROMADA_CAPACITY new partners,
each EU municipality at most its capacity, each pair at most once, nobody has to be matched.

- HiGHS LP (scipy.optimize.linprog): the bipartite b-matching polytope is integral (totally unimodular
  constraint matrix), so the LP optimum is the exact integer optimum; no capacity expansion needed.
- LAPJVsp (scipy.sparse.csgraph.min_weight_full_bipartite_matching): a sparse Jonker-Volgenant solver,
  the closest relative of ours. It needs a full matching, so EU columns are expanded by capacity and
  every hromada gets a private "stays unmatched" column; all weights are shifted by a constant (which
  adds the same amount to every full matching) because LAPJVsp treats explicit zeros as missing.
  Only defined here for HROMADA_CAPACITY = 1 (row copies could take the same pair twice).

Prints one JSON line: per solver the total, the first call in this process (cold: SciPy's lazy
initialisation included) and the median of three further calls (warm), in seconds.
"""
import json
import os
import sys
import time

import numpy as np
from scipy.optimize import linprog
from scipy.sparse import coo_matrix, csr_matrix, vstack
from scipy.sparse.csgraph import min_weight_full_bipartite_matching


def load(graph_dir: str):
    def read(name: str, dtype: str) -> np.ndarray:
        return np.fromfile(os.path.join(graph_dir, name), dtype=dtype)

    return (
        read("edge_hromada.i32", "<i4"),
        read("edge_eu.i32", "<i4"),
        read("edge_score.f64", "<f8"),
        read("eu_capacity.i32", "<i4"),
    )


def timed(solve):
    """Cold = the first call; warm = median of the next three (the machine may be shared)."""
    started = time.perf_counter()
    total = solve()
    cold = time.perf_counter() - started
    warm = []
    for _ in range(3):
        started = time.perf_counter()
        again = solve()
        warm.append(time.perf_counter() - started)
        if abs(again - total) > 1e-9 * max(1.0, abs(total)):
            raise RuntimeError("solver is not deterministic on the same input")
    return {"total": total, "coldSeconds": cold, "warmSeconds": sorted(warm)[1]}


def lp_solver(eh, ee, score, eu_cap, hromada_cap):
    # Pairs scoring <= 0 are never used by a max-weight round; leaving them out changes nothing.
    keep = score > 0
    eh, ee, score = eh[keep], ee[keep], score[keep]
    edges = len(score)
    rows, cols = int(eh.max()) + 1, len(eu_cap)
    cols_idx = np.arange(edges)
    a_ub = vstack(
        [
            csr_matrix((np.ones(edges), (eh, cols_idx)), shape=(rows, edges)),
            csr_matrix((np.ones(edges), (ee, cols_idx)), shape=(cols, edges)),
        ]
    ).tocsr()
    b_ub = np.concatenate([np.full(rows, hromada_cap, dtype=float), eu_cap.astype(float)])

    def solve():
        res = linprog(-score, A_ub=a_ub, b_ub=b_ub, bounds=(0, 1), method="highs")
        if res.status != 0:
            raise RuntimeError(f"HiGHS: {res.message}")
        x = res.x
        if np.max(np.minimum(np.abs(x), np.abs(1 - x))) > 1e-6:
            raise RuntimeError("LP optimum is fractional: the graph is not a bipartite b-matching")
        return float(score[x > 0.5].sum())

    return solve


def lapjvsp_solver(eh, ee, score, eu_cap):
    keep = score > 0
    eh, ee, score = eh[keep], ee[keep], score[keep]
    rows = int(eh.max()) + 1
    # Column slots: capacity copies of every EU node, then one "unmatched" column per hromada.
    first_slot = np.concatenate([[0], np.cumsum(eu_cap)[:-1]]).astype(np.int64)
    slots = int(eu_cap.sum())
    copies = eu_cap[ee]
    edge_rows = np.repeat(eh, copies)
    edge_cols = np.concatenate([first_slot[e] + np.arange(c) for e, c in zip(ee, copies)]) if len(ee) else []
    edge_w = np.repeat(score, copies)
    shift = 1.0  # every weight > 0, so no entry is an explicit zero
    all_rows = np.concatenate([edge_rows, np.arange(rows)])
    all_cols = np.concatenate([edge_cols, slots + np.arange(rows)])
    all_w = np.concatenate([edge_w + shift, np.full(rows, shift)])
    matrix = coo_matrix((all_w, (all_rows, all_cols)), shape=(rows, slots + rows)).tocsr()

    def solve():
        r, c = min_weight_full_bipartite_matching(matrix, maximize=True)
        chosen = np.asarray(matrix[r, c]).ravel() - shift
        return float(chosen[c < slots].sum())

    return solve


def main() -> None:
    graph_dir, hromada_cap = sys.argv[1], int(sys.argv[2])
    eh, ee, score, eu_cap = load(graph_dir)
    out = {"edges": int(len(score)), "lp": timed(lp_solver(eh, ee, score, eu_cap, hromada_cap))}
    if hromada_cap == 1:
        out["lapjvsp"] = timed(lapjvsp_solver(eh, ee, score, eu_cap))
    print(json.dumps(out))


if __name__ == "__main__":
    main()
