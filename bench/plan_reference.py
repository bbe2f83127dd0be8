"""The exact reference for « Proposer un programme »: each model written by
`cargo bench --bench plan -- --export DIR` solved as a mixed-integer programme by
HiGHS (benchmark only, never shipped). The costs in the model come from the core's own
rules, so the objective is the search's: sessions left out, then the warnings' weights.

x[s, c] = 1 when session s is in cell c (only the cells where it breaks no hard rule);
each session in one cell at most, each cell holding one session at most; two sessions
that share a person never at the same time; y[a, b, t] >= x_a,t + x_b,t - 1 carries
what two sessions cost together (the same organisation at the same time).

Solved in two passes, as the core orders its costs: first the most sessions placed, then,
with that many placed, the lightest warnings (one objective with a large weight on the
sessions left out would make HiGHS's relative gap meaningless). The time limit is per pass.

Writes DIR/<name>.solution.json: status, seconds, objective, placements.
"""

import json
import pathlib
import sys
import time
from collections import defaultdict

import highspy
import numpy as np


def solve(model_file, limit):
    m = json.loads(model_file.read_text())
    cells = m["cells"]
    sessions = m["sessions"]
    big = m["unplaced"]
    tray = m["tray"]
    slots = sorted({slot for _, slot in cells})
    cells_at = defaultdict(list)
    for c, (_, slot) in enumerate(cells):
        cells_at[slot].append(c)

    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("time_limit", float(limit))
    h.setOptionValue("mip_rel_gap", 0.0)
    h.setOptionValue("threads", 1)

    # x: a session in a cell costs its cell's warnings instead of its tray cost.
    xs = []  # (session, cell)
    costs = []
    constant = 0.0
    for unplaced, warnings in tray:
        constant += warnings
    for s, c, warnings in m["unary"]:
        xs.append((s, c))
        costs.append(warnings - tray[s][1])
    n = len(xs)
    h.addVars(n, np.zeros(n), np.ones(n))
    h.changeColsIntegrality(n, np.arange(n, dtype=np.int32),
                            np.full(n, highspy.HighsVarType.kInteger))

    of_session = defaultdict(list)
    of_cell = defaultdict(list)
    at_slot = defaultdict(list)  # (session, slot) -> x indexes
    for k, (s, c) in enumerate(xs):
        of_session[s].append(k)
        of_cell[c].append(k)
        at_slot[(s, cells[c][1])].append(k)

    def row(indexes, upper, lower=-highspy.kHighsInf, values=None):
        idx = np.array(indexes, dtype=np.int32)
        val = np.ones(len(indexes)) if values is None else np.array(values, dtype=float)
        h.addRow(lower, upper, len(idx), idx, val)

    for ks in of_session.values():
        row(ks, 1)
    for ks in of_cell.values():
        if len(ks) > 1:
            row(ks, 1)
    ys = 0
    ycosts = []
    for a, b, warnings, hard in m["pairs"]:
        for slot in slots:
            ka, kb = at_slot.get((a, slot), []), at_slot.get((b, slot), [])
            if not ka or not kb:
                continue
            if hard:
                row(ka + kb, 1)
            elif warnings > 0:
                # y >= x_a + x_b - 1, y in [0, 1], cost `warnings`.
                y = h.getNumCol()
                h.addVar(0, 1)
                ycosts.append(warnings)
                row(ka + kb + [y], 1, values=[1] * (len(ka) + len(kb)) + [-1])
                ys += 1
            elif warnings < 0:
                # A pair that costs less together (none today): y <= x_a, y <= x_b.
                y = h.getNumCol()
                h.addVar(0, 1)
                ycosts.append(warnings)
                row(ka + [y], 0, lower=-highspy.kHighsInf, values=[-1] * len(ka) + [1])
                row(kb + [y], 0, lower=-highspy.kHighsInf, values=[-1] * len(kb) + [1])
                ys += 1

    began = time.monotonic()
    every = np.arange(h.getNumCol(), dtype=np.int32)
    # First pass: the most sessions placed.
    first = np.zeros(h.getNumCol())
    first[:n] = -1.0
    h.changeColsCost(len(every), every, first)
    h.run()
    placed = round(-h.getInfo().objective_function_value)
    # Second pass: that many placed, the lightest warnings.
    row(list(range(n)), highspy.kHighsInf, lower=placed)
    second = np.array(costs + ycosts, dtype=float)
    h.changeColsCost(len(every), every, second)
    h.run()
    seconds = time.monotonic() - began
    left_out = len(sessions) - placed
    status = h.modelStatusToString(h.getModelStatus())
    values = h.getSolution().col_value
    placements = []
    for k, (s, c) in enumerate(xs):
        if values[k] > 0.5:
            room, slot = cells[c]
            placements.append([sessions[s], room, slot])
    info = h.getInfo()
    objective = big * left_out + constant + info.objective_function_value
    bound = big * left_out + constant + info.mip_dual_bound
    proven = (objective - bound) / objective if objective else 0.0
    result = {
        "status": "HiGHS, optimum prouvé" if status == "Optimal"
        else f"HiGHS, arrêté ({status}) à {proven:.1%} de sa borne {bound:.0f}",
        "seconds": seconds,
        "objective": objective,
        "bound": bound,
        "placements": placements,
        "variables": n + ys,
    }
    name = model_file.name.replace(".model.json", "")
    (model_file.parent / f"{name}.solution.json").write_text(json.dumps(result))
    print(f"{name}: {result['status']} in {seconds:.1f} s, {n} x + {ys} y, "
          f"{left_out} left out, objective {result['objective']:.0f}, bound {result['bound']:.1f}")


if __name__ == "__main__":
    folder = pathlib.Path(sys.argv[1])
    limit = float(sys.argv[2]) if len(sys.argv) > 2 else 60.0
    for model_file in sorted(folder.glob("*.model.json")):
        solve(model_file, limit)
