#!/usr/bin/env bash
# Builds Mailpit (an SMTP server with an HTTP API to read what it received) into
# .tools/bin, where the mail tests (`npm run test:mail`) look for it. Needs Go; installs
# Debian's golang when there is none, and Go fetches Mailpit and the toolchain it asks for
# through the module proxy. Idempotent: quiet when the right version is present.
set -euo pipefail

MAILPIT_VERSION="v1.33.1"
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="$repo_root/.tools/bin"
mailpit="$bin/mailpit"

if [ -x "$mailpit" ] && "$mailpit" version --no-release-check 2>/dev/null | grep -q "${MAILPIT_VERSION}"; then
  exit 0
fi

if ! command -v go >/dev/null 2>&1; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
  fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends golang-go ca-certificates >/dev/null
fi

mkdir -p "$bin"
# The version is stamped as Mailpit's own release build does, so `mailpit version` names it.
GOTOOLCHAIN=auto GOBIN="$bin" go install \
  -ldflags "-X github.com/axllent/mailpit/config.Version=${MAILPIT_VERSION}" \
  "github.com/axllent/mailpit@${MAILPIT_VERSION}"
"$mailpit" version --no-release-check
