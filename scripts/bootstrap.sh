#!/bin/sh
# Installs the packages, generates the build system, configures and builds ./erdiag.
set -eu
cd "$(dirname "$0")/.."
sh scripts/install-deps.sh
[ -x configure ] || ./autogen.sh >/dev/null
[ -f Makefile ] || ./configure -q 2>&1 | grep -v "cannot remove 'core'" || true
make -j"$(nproc)" >/dev/null
echo "erdiag: built ./erdiag ($(./erdiag --version))"
