#!/usr/bin/env bash
# Installs pabutools (the reference implementation of the Method of Equal Shares) into
# .tools/pabutools-venv, where the differential test looks for it. Safe to run again.
set -euo pipefail

PABUTOOLS_VERSION="1.2.3"
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="$repo_root/.tools/pabutools-venv"
python="$venv/bin/python"

installed_version() {
  "$python" -c 'import importlib.metadata as m; print(m.version("pabutools"))' 2>/dev/null || true
}

if [ -x "$python" ] && [ "$(installed_version)" = "$PABUTOOLS_VERSION" ]; then
  echo "pabutools $PABUTOOLS_VERSION already installed in $venv"
  exit 0
fi

# Debian's python3 leaves venv (with ensurepip) to a separate package.
if ! python3 -c 'import ensurepip, venv' 2>/dev/null; then
  apt-get update
  apt-get install -y python3-venv
fi
python3 -m venv "$venv"
"$python" -m pip install --quiet --disable-pip-version-check "pabutools==$PABUTOOLS_VERSION"
echo "pabutools $(installed_version) installed in $venv"
