#!/usr/bin/env bash
# Builds FerretDB v1.24 (a MongoDB wire-protocol server on SQLite) into .tools/bin, where
# the MongoDB read-model tests look for it: MongoDB itself cannot be installed on these
# machines. Needs Go; installs Debian's golang when there is none (Go then fetches the
# toolchain FerretDB asks for through the module proxy). Idempotent: quiet when present.
set -euo pipefail

FERRETDB_VERSION="v1.24.2"
GO_TOOLCHAIN_VERSION="go1.24.3" # what FerretDB v1.24.2's go.mod names
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="$repo_root/.tools/bin"
ferretdb="$bin/ferretdb"

if [ -x "$ferretdb" ] && "$ferretdb" --version 2>/dev/null | grep -q "version: ${FERRETDB_VERSION}"; then
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

# FerretDB needs Go 1.24. A Go from 1.21 on fetches that itself (GOTOOLCHAIN=auto); an
# older one (Debian 12's is 1.19) is handed the toolchain module the same way it would
# be fetched, through the module proxy.
go_cmd=go
if ! go version | grep -Eq 'go1\.(2[1-9]|[3-9][0-9])'; then
  toolchain="golang.org/toolchain@v0.0.1-${GO_TOOLCHAIN_VERSION}.linux-$(go env GOARCH)"
  go_cmd="$(GOFLAGS=-mod=mod go mod download -json "$toolchain" | sed -n 's/^\t"Dir": "\(.*\)",$/\1/p')/bin/go"
  chmod +x "$go_cmd" "$(dirname "$go_cmd")/../pkg/tool/"*/* 2>/dev/null || true
fi

mkdir -p "$bin"
# `go install …/cmd/ferretdb@v1.24.2` builds a binary that panics at start: the module
# as published lacks the generated build/version/version.txt. So the module is fetched
# through the module proxy, that file written into a copy, and the copy built.
export GOTOOLCHAIN=auto
module_dir="$("$go_cmd" mod download -json "github.com/FerretDB/FerretDB@${FERRETDB_VERSION}" | sed -n 's/^\t"Dir": "\(.*\)",$/\1/p')"
build_dir="$(mktemp -d)"
trap 'chmod -R u+w "$build_dir"; rm -rf "$build_dir"' EXIT
cp -r "$module_dir/." "$build_dir"
chmod -R u+w "$build_dir"
echo "$FERRETDB_VERSION" >"$build_dir/build/version/version.txt"
(cd "$build_dir" && "$go_cmd" build -trimpath -o "$ferretdb" ./cmd/ferretdb)
# Its first line names the version; the whole output, not `| head`, which under pipefail
# could fail the install when ferretdb meets a closed pipe.
"$ferretdb" --version
