#!/usr/bin/env bash
# Sets the machine up, then runs every test project. The first run also builds the sandbox
# images (evolver-base, evolver-python, evolver-dotnet) when a test first needs them.
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh
exec dotnet test Evolver.sln -c Release \
  --logger "console;verbosity=normal" \
  --blame-hang-timeout 45m --blame-hang-dump-type none \
  "$@"
