#!/usr/bin/env bash
# Installs schemathesis (API fuzzing from the OpenAPI document) into
# .tools/schemathesis-venv, where scripts/fuzz-api.mjs looks for it. Safe to run again.
set -euo pipefail

SCHEMATHESIS_VERSION="4.32.5"
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="$repo_root/.tools/schemathesis-venv"

if [ -x "$venv/bin/schemathesis" ] && "$venv/bin/schemathesis" --version | grep -q "$SCHEMATHESIS_VERSION"; then
  exit 0
fi
# Debian's python3 leaves venv (with ensurepip) to a separate package.
if ! python3 -c 'import ensurepip, venv' 2>/dev/null; then
  apt-get update
  apt-get install -y python3-venv
fi
python3 -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION"
"$venv/bin/schemathesis" --version
