#!/usr/bin/env bash
# The whole test suite, on a fresh Debian machine or a developer's. Installs PostgreSQL from apt when the machine
# lacks it (the persistence tests start their own throwaway server on loopback; nothing is left running), builds
# in Release with warnings as errors, then runs every test project and prints one closing line with the totals.
# Shared market data in ../shared/data is used when present; tests that need it pass with a note when it is absent.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "test.sh: the .NET 10 SDK is required (https://dot.net); 'dotnet' is not on PATH" >&2
  exit 1
fi

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && ! command -v initdb >/dev/null 2>&1; then
  echo "test.sh: installing PostgreSQL (apt-get install postgresql) for the persistence tests"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -q >/dev/null
  $sudo apt-get install -y -q postgresql >/dev/null
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT

dotnet build ActorArb.sln -c Release -nologo -clp:ErrorsOnly
status=0
dotnet test ActorArb.sln -c Release --no-build -nologo --logger "console;verbosity=minimal" 2>&1 | tee "$log" || status=$?

# dotnet test prints one "Failed: N, Passed: N, Skipped: N" line per test project; add them up.
awk '/Failed: *[0-9]+, Passed: *[0-9]+, Skipped: *[0-9]+/ {
       for (i = 1; i <= NF; i++) { gsub(",", "", $(i + 1)); if ($i == "Failed:") f += $(i + 1); if ($i == "Passed:") p += $(i + 1); if ($i == "Skipped:") s += $(i + 1) }
     }
     END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit "$status"
