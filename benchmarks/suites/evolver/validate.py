#!/usr/bin/env python3
"""Measures FAIL_TO_PASS / PASS_TO_PASS of this suite's tasks on the bare host.

For each task it runs the test command three times, each in a fresh temp copy:
  visible  repo/ as the agent gets it (visible tests must all pass),
  base     repo/ with hidden/ laid over it (the empty agent),
  gold     repo/ + gold.patch (git apply), then hidden/ laid over it.
FAIL_TO_PASS = tests not passing (or absent) in base and passing in gold;
PASS_TO_PASS = passing in both. With --write the lists go into task.json.

Usage: validate.py [--write] [task_id ...]
       validate.py --time=N [task_id ...]   time the gold run N times (bare host)
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET

SUITE = os.path.dirname(os.path.abspath(__file__))
PYTEST_LINE = re.compile(r"^(PASSED|FAILED|ERROR|SKIPPED|XFAIL|XPASS)\s+(\S+(?:\[[^\]]*\])?)(?:\s+-\s.*)?$", re.M)


def parse_pytest(output):
    results = {}
    for outcome, test_id in PYTEST_LINE.findall(output.replace("\r", "")):
        passed = outcome in ("PASSED", "XFAIL")
        results[test_id] = results.get(test_id, True) and passed
    return results


def parse_trx(results_dir):
    results = {}
    for root, _, files in os.walk(results_dir):
        for name in files:
            if not name.endswith(".trx"):
                continue
            for el in ET.parse(os.path.join(root, name)).iter():
                if el.tag.endswith("UnitTestResult"):
                    results[el.get("testName")] = el.get("outcome") == "Passed"
    return results


def overlay(src, dst):
    for root, _, files in os.walk(src):
        rel = os.path.relpath(root, src)
        os.makedirs(os.path.join(dst, rel), exist_ok=True)
        for name in files:
            shutil.copy2(os.path.join(root, name), os.path.join(dst, rel, name))


def run(task, task_dir, hidden, gold):
    work = tempfile.mkdtemp(prefix="evolver-validate-")
    try:
        repo = os.path.join(work, "repo")
        shutil.copytree(os.path.join(task_dir, "repo"), repo)
        if gold:
            patch = os.path.join(task_dir, "gold.patch")
            subprocess.run(["git", "apply", "--check", patch], cwd=repo, check=True)
            subprocess.run(["git", "apply", patch], cwd=repo, check=True)
        if hidden and os.path.isdir(os.path.join(task_dir, "hidden")):
            overlay(os.path.join(task_dir, "hidden"), repo)
        results_dir = os.path.join(work, "results")
        os.makedirs(results_dir)
        env = dict(os.environ, EVOLVER_RESULTS_DIR=results_dir, PYTHONDONTWRITEBYTECODE="1",
                   PATH="/usr/bin:/bin:" + os.environ.get("PATH", ""),
                   DOTNET_CLI_TELEMETRY_OPTOUT="1", DOTNET_NOLOGO="1")
        start = time.monotonic()
        proc = subprocess.run(["bash", "-c", task["test_command"]], cwd=repo, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                              timeout=task["timeouts"]["test_seconds"])
        seconds = time.monotonic() - start
        if task["test_format"] == "pytest":
            results = parse_pytest(proc.stdout)
            # An id the summary regex cannot read (e.g. "]" or " - " inside a parameter id) would be lost.
            reported = len(re.findall(r"^(?:PASSED|FAILED|ERROR|SKIPPED|XFAIL|XPASS) ", proc.stdout, re.M))
            if reported != len(results):
                raise SystemExit(f"{task['instance_id']}: {reported} tests reported but {len(results)} parsed")
        else:
            results = parse_trx(results_dir)
        return results, seconds, proc.stdout
    finally:
        shutil.rmtree(work, ignore_errors=True)


def validate(task_id, write):
    task_dir = os.path.join(SUITE, "tasks", task_id)
    path = os.path.join(task_dir, "task.json")
    with open(path) as f:
        task = json.load(f)
    ok = True
    visible, _, out_v = run(task, task_dir, hidden=False, gold=False)
    base, _, _ = run(task, task_dir, hidden=True, gold=False)
    gold, seconds, out_g = run(task, task_dir, hidden=True, gold=True)
    f2p = sorted(t for t, p in gold.items() if p and not base.get(t, False))
    p2p = sorted(t for t, p in gold.items() if p and base.get(t, False))
    failing_gold = sorted(t for t, p in gold.items() if not p)
    if not visible or not all(visible.values()):
        ok = False
        print(f"  {task_id}: visible tests do not all pass on the pristine repo\n{out_v[-3000:]}")
    if not f2p:
        ok = False
        print(f"  {task_id}: no FAIL_TO_PASS test")
    if not gold:
        ok = False
        print(f"  {task_id}: the gold run reported no test\n{out_g[-3000:]}")
    if failing_gold:
        ok = False
        print(f"  {task_id}: gold run fails {failing_gold}\n{out_g[-3000:]}")
    if write:
        task["FAIL_TO_PASS"], task["PASS_TO_PASS"] = f2p, p2p
        with open(path, "w") as f:
            json.dump(task, f, indent=2)
            f.write("\n")
    else:
        for key, measured in (("FAIL_TO_PASS", f2p), ("PASS_TO_PASS", p2p)):
            if sorted(task.get(key, [])) != measured:
                ok = False
                print(f"  {task_id}: {key} in task.json differs from measured {measured}")
    # The empty agent resolves the task only if every FAIL_TO_PASS test already passes on the base.
    empty_resolves = all(base.get(t, False) for t in task.get("FAIL_TO_PASS", f2p))
    if empty_resolves:
        ok = False
        print(f"  {task_id}: the empty agent would resolve it")
    print(f"{'ok  ' if ok else 'FAIL'} {task_id}: F2P={len(f2p)} P2P={len(p2p)} visible={len(visible)} gold_run={seconds:.2f}s")
    return ok


def time_gold(task_id, repeats):
    """Runs the gold run ``repeats`` times and prints the fastest and the median wall time."""
    task_dir = os.path.join(SUITE, "tasks", task_id)
    with open(os.path.join(task_dir, "task.json")) as f:
        task = json.load(f)
    times = sorted(run(task, task_dir, hidden=True, gold=True)[1] for _ in range(repeats))
    print(f"{task_id}: min={times[0]:.2f}s median={times[len(times) // 2]:.2f}s runs={repeats}")
    return True


def main(argv):
    write = "--write" in argv
    repeats = next((int(a.split("=", 1)[1]) for a in argv if a.startswith("--time=")), 0)
    ids = [a for a in argv if not a.startswith("--")] or sorted(os.listdir(os.path.join(SUITE, "tasks")))
    results = [time_gold(i, repeats) if repeats else validate(i, write) for i in ids]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
