#!/usr/bin/env bash
# Builds the evolver-base root file system in ROOT on the host (as root).
# The caller (SandboxImages) streams `tar -C ROOT -c .` into the engine's image import
# and deletes ROOT afterwards.
#   usage: build-rootfs.sh ROOT MIRROR DOTNET_ROOT RUNTIME_VERSION
set -euo pipefail
root=$1 mirror=$2 dotnet_root=$3 runtime=$4
suite=bookworm
here=$(cd "$(dirname "$0")" && pwd)

include=$(grep -v '^\s*#' "$here/packages.txt" | grep -v '^\s*$' | paste -sd, -)
debootstrap --variant=minbase --include="$include" "$suite" "$root" "$mirror"

# The sandbox user: processes run as 1000:1000 with HOME=/tmp.
chroot "$root" groupadd --gid 1000 agent
chroot "$root" useradd --uid 1000 --gid 1000 --home-dir /tmp --no-create-home --shell /bin/bash agent
# No /repo here: the sandbox mounts a tmpfs there, and an existing directory would lend it its root-owned mode.

# The .NET runtime (no SDK) from the host, so a built C# agent runs in every image.
dn="$root/usr/share/dotnet"
install -d "$dn/host/fxr" "$dn/shared/Microsoft.NETCore.App"
cp -a "$dotnet_root/dotnet" "$dn/"
cp -a "$dotnet_root/LICENSE.txt" "$dotnet_root/ThirdPartyNotices.txt" "$dn/" 2>/dev/null || true
fxr=$(ls -1 "$dotnet_root/host/fxr" | sort -V | tail -n1)
cp -a "$dotnet_root/host/fxr/$fxr" "$dn/host/fxr/"
cp -a "$dotnet_root/shared/Microsoft.NETCore.App/$runtime" "$dn/shared/Microsoft.NETCore.App/"
ln -sf /usr/share/dotnet/dotnet "$root/usr/bin/dotnet"

# Later apt installs skip docs; what debootstrap left is dropped with the apt caches.
cat > "$root/etc/dpkg/dpkg.cfg.d/01-evolver-nodoc" <<'CFG'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/info/*
path-exclude /usr/share/locale/*
CFG
find "$root/usr/share/doc" -mindepth 2 ! -name copyright ! -type d -delete 2>/dev/null || true
rm -rf "$root"/usr/share/man/* "$root"/usr/share/info/* "$root"/usr/share/locale/*
rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/cache/apt/*.bin "$root"/var/lib/apt/lists/*
rm -rf "$root"/var/log/* "$root"/tmp/* "$root"/root/.cache
: > "$root/etc/hostname"
rm -f "$root/etc/resolv.conf"
