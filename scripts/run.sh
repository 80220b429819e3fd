#!/usr/bin/env bash
# Runs Capsule: builds the web client if needed, then starts the server with embedded SQLite under
# .data/ (or $CAPSULE_DATA_DIR) and the samples published as demo programs, and prints the URL.
# Extra arguments go to the server, e.g. scripts/run.sh --urls http://0.0.0.0:8080
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

ensure_client_built
export CAPSULE_DATA_DIR="${CAPSULE_DATA_DIR:-$PWD/.data}"
step "Starting Capsule (data in $CAPSULE_DATA_DIR)"
exec dotnet run --project src/Capsule.Server -c Release -- \
  --urls "${CAPSULE_URLS:-http://127.0.0.1:5000}" \
  --Capsule:DemoSamples="$PWD/samples" "$@"
