#!/usr/bin/env bash
# Runs every test: client type-check and build, formatting check, then the unit, integration,
# differential (against Tencent's wcc, installed from npm into tests/oracle) and browser end-to-end
# suites of the solution, then the platform suite once more on a local PostgreSQL. Ends with one line "N passed, N failed[, N skipped]".
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

ensure_apt chromium chromium
ensure_apt zbarimg zbar-tools
ensure_npm_packages tests/oracle
postgres=$(ensure_postgres)
build_client

step "Checking C# formatting (dotnet format --verify-no-changes)"
dotnet format Capsule.slnx --verify-no-changes

step "Building the solution"
dotnet build Capsule.slnx --nologo -clp:ErrorsOnly

results=$(mktemp -d)
step "Running the test suites"
status=0
dotnet test Capsule.slnx --no-build --nologo --logger "trx" --logger "console;verbosity=minimal" \
  --results-directory "$results" || status=$?

step "Running the platform suite again on PostgreSQL"
CAPSULE_TEST_POSTGRES="$postgres" dotnet test tests/Capsule.Server.Tests --no-build --nologo \
  --logger "trx;LogFileName=postgres.trx" --logger "console;verbosity=minimal" --results-directory "$results" || status=$?
CAPSULE_TEST_POSTGRES="$postgres" dotnet test tests/Capsule.Platform.Tests --no-build --nologo --filter "FullyQualifiedName~Operations" \
  --logger "trx;LogFileName=postgres-operations.trx" --logger "console;verbosity=minimal" --results-directory "$results" || status=$?

sum() { grep -ho "<Counters [^>]*" "$results"/*.trx 2>/dev/null | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' | awk '{s+=$1} END {print s+0}'; }
total=$(sum total); passed=$(sum passed); failed=$(sum failed)
skipped=$((total - passed - failed))
summary="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && summary="$summary, $skipped skipped"
echo
echo "$summary"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ]; then
  exit 1
fi
