#!/bin/sh
# Installs the Debian packages listed in scripts/deps.txt (needs root).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
pkgs=$(grep -v '^#' "$here/deps.txt" | tr '\n' ' ')
SUDO=
[ "$(id -u)" -eq 0 ] || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $pkgs >/dev/null
# FRR's Debian package starts a system service; the lab runs its own daemons in namespaces.
if command -v systemctl >/dev/null 2>&1 && systemctl is-active -q frr 2>/dev/null; then
    $SUDO systemctl stop frr || true
fi
echo "erdiag: packages installed"
