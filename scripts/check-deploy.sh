#!/usr/bin/env bash
# Validates infra/deploy/compose.yaml with `docker compose config` (or Debian's
# docker-compose, installed when neither is present): no engine is needed. The example
# settings are used, with every required secret filled by a placeholder.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
deploy="$repo_root/infra/deploy"

if docker compose version >/dev/null 2>&1; then
  compose=(docker compose)
else
  if ! command -v docker-compose >/dev/null 2>&1; then
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then
      SUDO="sudo"
    fi
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq --no-install-recommends docker-compose >/dev/null
  fi
  compose=(docker-compose)
fi

env_file="$(mktemp)"
trap 'rm -f "$env_file"' EXIT
sed 's/^\([A-Z_]*\)=$/\1=placeholder-0123456789abcdef0123456789abcdef/' "$deploy/.env.example" >"$env_file"
"${compose[@]}" -f "$deploy/compose.yaml" --env-file "$env_file" config --quiet
echo "infra/deploy/compose.yaml is valid ($("${compose[@]}" version --short 2>/dev/null || echo compose))"
