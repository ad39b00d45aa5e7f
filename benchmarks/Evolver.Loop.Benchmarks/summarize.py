#!/usr/bin/env python3
"""Reads the runs run.sh made (their run state, through `evolver status --json`) and prints the benchmark tables."""
import json
import os
import subprocess
import sys


def seconds(span):
    """A .NET TimeSpan string ([d.]hh:mm:ss[.fffffff]) in seconds."""
    days = 0
    if "." in span.split(":")[0]:
        d, span = span.split(".", 1)
        days = int(d)
    h, m, s = span.split(":")
    return days * 86400 + int(h) * 3600 + int(m) * 60 + float(s)


def load(out, run, cli):
    result = subprocess.run(cli + ["status", os.path.join(out, run), "--json"], capture_output=True, text=True)
    if result.returncode != 0:
        return None
    state = json.loads(result.stdout)
    history = sorted(state["history"], key=lambda h: seconds(h["finished_at"]))
    seeds = [h for h in history if h["kind"] == "seed" and h["status"] == "evaluated"]
    children = [h for h in history if h["kind"] == "child"]
    seed = max(seeds, key=lambda h: h["score"]) if seeds else None
    best, curve = (seed["score"] if seed else 0.0), []
    for child in children:
        if child["admitted"]:
            best = max(best, child["score"])
        curve.append(best)
    admitted = [h for h in history if h["admitted"]]
    top = max(admitted, key=lambda h: h["score"]) if admitted else None
    elapsed = seconds(state["budget"]["elapsed"])
    child_phase = elapsed - (seconds(seed["finished_at"]) if seed else 0)
    samples = []
    if os.path.exists(os.path.join(out, run + ".load")):
        samples = [float(x) for x in open(os.path.join(out, run + ".load")).read().split()]
    return {
        "run": run,
        "status": state["status"],
        "ended_by": state["ended_by"],
        "selector": state["config"]["selector"]["name"],
        "stages": state["config"]["stages"]["plan"],
        "parallelism": state["config"]["parallelism"],
        "seed": f'{seed["resolved"]}/{seed["tasks"]}' if seed else "-",
        "best": f'{top["id"]} {top["resolved"]}/{top["tasks"]}' if top else "-",
        "best_score": top["score"] if top else 0.0,
        "seed_score": seed["score"] if seed else 0.0,
        "children": len(children),
        "child_task_runs": state["budget"]["task_runs"],
        "elapsed_min": elapsed / 60,
        "children_per_hour": len(children) / (child_phase / 3600) if child_phase > 0 else 0.0,
        "curve": curve,
        "load": (min(samples), sum(samples) / len(samples), max(samples)) if samples else None,
    }


def main():
    out, cli = sys.argv[1], sys.argv[2:]
    runs = [r for r in ["staged", "full", "parallel1", "power_law", "novelty"] if os.path.isdir(os.path.join(out, r))]
    rows = [r for r in (load(out, run, cli) for run in runs) if r]
    print("| run | selector | stages | parallel | status | seed | best (of admitted) | children | child task runs | wall min | children/h | best after each child | load avg min/mean/max |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        curve = " ".join(f"{x:.2f}" for x in r["curve"])
        load_text = "-" if r["load"] is None else "{:.1f}/{:.1f}/{:.1f}".format(*r["load"])
        print(f'| {r["run"]} | {r["selector"]} | {r["stages"]} | {r["parallelism"]} | {r["status"]} ({r["ended_by"]}) | {r["seed"]} | {r["best"]} | '
              f'{r["children"]} | {r["child_task_runs"]} | {r["elapsed_min"]:.1f} | {r["children_per_hour"]:.1f} | {curve} | {load_text} |')
    by = {r["run"]: r for r in rows}
    if "staged" in by and "full" in by:
        s, f = by["staged"], by["full"]
        saved = 1 - s["child_task_runs"] / f["child_task_runs"] if f["child_task_runs"] else 0
        print(f'\nstaged vs full: {s["child_task_runs"]} vs {f["child_task_runs"]} child task runs ({saved:.0%} saved); '
              f'best {s["best_score"]:.3f} vs {f["best_score"]:.3f}')
    if "staged" in by and "parallel1" in by:
        print(f'throughput: {by["parallel1"]["children_per_hour"]:.1f} children/h with 1 worker, {by["staged"]["children_per_hour"]:.1f} with 2')


if __name__ == "__main__":
    main()
