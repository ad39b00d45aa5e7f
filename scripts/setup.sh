#!/usr/bin/env bash
# Idempotent host set-up, run first by ./evolver.sh and ./test.sh (and so by CI):
#   - as root: installs what is missing among docker.io, debootstrap, git, python3-pytest,
#     python3-pytest-timeout and chromium (for the web UI's browser tests; apt lists are refreshed
#     only when an install needs it), and starts
#     dockerd in the background when no engine answers;
#   - as another user: checks that Docker is usable and says what to do when it is not;
#   - restores the solution's NuGet packages.
# Sandbox images are not built here: the harness builds them on first use (SandboxImages).
set -euo pipefail
cd "$(dirname "$0")/.."

log() { echo "setup: $*" >&2; }
die() { echo "setup: error: $*" >&2; exit 1; }

DOCKERD_LOG=${EVOLVER_DOCKERD_LOG:-/var/log/evolver-dockerd.log}
DOCKERD_WAIT_SECONDS=${EVOLVER_DOCKERD_WAIT_SECONDS:-60}

docker_answers() { command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; }

# What each capability needs, as "check-command|package".
requirements=(
  "command -v dockerd|docker.io"
  "command -v debootstrap|debootstrap"
  "test -f /usr/share/keyrings/debian-archive-keyring.gpg|debian-archive-keyring"
  "command -v git|git"
  "/usr/bin/python3 -c 'import pytest'|python3-pytest"
  "/usr/bin/python3 -c 'import pytest_timeout'|python3-pytest-timeout"
  "test -x /usr/bin/chromium|chromium"
)

missing_packages() {
  local entry
  for entry in "${requirements[@]}"; do
    if ! bash -c "${entry%%|*}" >/dev/null 2>&1; then
      echo "${entry##*|}"
    fi
  done
}

apt_install() {
  export DEBIAN_FRONTEND=noninteractive NEEDRESTART_MODE=a
  # Refresh the lists only when they cannot serve the install.
  if ! ls /var/lib/apt/lists/*_Packages* >/dev/null 2>&1; then
    apt-get update -q >&2
  fi
  if ! apt-get install -y -q "$@" >&2; then
    log "install failed with the current package lists; refreshing them and retrying"
    apt-get update -q >&2
    apt-get install -y -q "$@" >&2
  fi
}

start_dockerd() {
  command -v dockerd >/dev/null 2>&1 || die "dockerd is not installed (package docker.io)"
  log "no Docker engine answers; starting dockerd (log: $DOCKERD_LOG)"
  # setsid and closed descriptors: the engine outlives this script and never holds its output open.
  setsid nohup dockerd >>"$DOCKERD_LOG" 2>&1 </dev/null &
  local waited=0
  until docker_answers; do
    if (( waited >= DOCKERD_WAIT_SECONDS )); then
      tail -n 20 "$DOCKERD_LOG" >&2 || true
      die "dockerd did not answer within ${DOCKERD_WAIT_SECONDS}s; see $DOCKERD_LOG"
    fi
    sleep 1
    waited=$((waited + 1))
  done
  log "dockerd answers after ${waited}s"
}

if [[ $(id -u) -ne 0 ]]; then
  if ! docker_answers; then
    die "Docker is not usable by $(id -un). Install docker.io and debootstrap (sudo apt-get install docker.io debootstrap), start the engine, and either run this as root (sudo $0) or add yourself to the docker group (sudo usermod -aG docker $(id -un), then log in again)."
  fi
  mapfile -t missing < <(missing_packages)
  if (( ${#missing[@]} > 0 )); then
    log "warning: missing ${missing[*]}; building the sandbox base image needs debootstrap and root"
  fi
else
  mapfile -t missing < <(missing_packages)
  if (( ${#missing[@]} > 0 )); then
    log "installing ${missing[*]}"
    apt_install "${missing[@]}"
  fi
  if ! docker_answers; then
    start_dockerd
  fi
fi

command -v dotnet >/dev/null 2>&1 || die "the .NET SDK (dotnet) is not on PATH"
log "restoring NuGet packages"
dotnet restore Evolver.sln --verbosity quiet >&2
log "ready"
