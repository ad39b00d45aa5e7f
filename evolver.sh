#!/usr/bin/env bash
# The main job: set the machine up, then run the evolver CLI (with no arguments, its default job).
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh
exec dotnet run -c Release --project src/Evolver.Cli -- "$@"
