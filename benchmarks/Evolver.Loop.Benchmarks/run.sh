#!/usr/bin/env bash
# Evolution-loop benchmarks: real runs of `evolver run` (Docker sandbox, git archive, repair seed, gp) on base.json,
# differing in one setting each, then summarize.py reads every run's state and prints the tables for the README.
#   benchmarks/Evolver.Loop.Benchmarks/run.sh [OUT_DIR] [RUN ...]
# RUN names (default: all): staged full parallel1 power_law novelty. The dgm/staged/parallel-2 run serves as the
# baseline of all three comparisons. Each run's archive is OUT_DIR/<run>; a run already finished there is kept.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
out="${1:-/tmp/evolver-loop-bench}"
shift || true
runs=("$@")
[ ${#runs[@]} -eq 0 ] && runs=(staged full parallel1 power_law novelty)
mkdir -p "$out"
cli=(dotnet run -c Release --project "$repo/src/Evolver.Cli" --)
[ -n "${EVOLVER_CLI:-}" ] && cli=(dotnet "$EVOLVER_CLI")

flags_of() {
  case "$1" in
    staged) echo "--selector dgm --parallel 2" ;;
    full) echo "--selector dgm --parallel 2 --stages all" ;;
    parallel1) echo "--selector dgm --parallel 1" ;;
    power_law) echo "--selector power_law --parallel 2" ;;
    novelty) echo "--selector novelty --parallel 2" ;;
    *) echo "unknown run $1 (staged, full, parallel1, power_law, novelty)" >&2; exit 2 ;;
  esac
}

cd "$repo"
for run in "${runs[@]}"; do
  flags="$(flags_of "$run")"
  archive="$out/$run"
  if "${cli[@]}" status "$archive" --json 2>/dev/null | grep -q '"status": "finished"'; then
    echo "== $run: finished before, kept"
    continue
  fi
  echo "== $run: $flags ($(date -u +%FT%TZ), load $(cut -d' ' -f1-3 /proc/loadavg))"
  # The load average, sampled every 30 s while the run goes, for the README's conditions.
  ( while sleep 30; do cut -d' ' -f1 /proc/loadavg >> "$out/$run.load"; done ) &
  sampler=$!
  if [ -d "$archive" ]; then
    "${cli[@]}" resume "$archive" | tail -n 8
  else
    # shellcheck disable=SC2086
    "${cli[@]}" run --config "$here/base.json" --archive "$archive" $flags | tail -n 8
  fi
  kill "$sampler"
  echo "   load after: $(cut -d' ' -f1-3 /proc/loadavg)"
done

python3 "$here/summarize.py" "$out" "${cli[@]}"
