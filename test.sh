#!/usr/bin/env bash
# The whole test suite, on a fresh Debian machine or a developer's. Builds in Release with warnings as errors,
# then runs every test project. Shared market data in ../shared/data is used when present; tests that need it
# pass with a note when it is absent.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "test.sh: the .NET 10 SDK is required (https://dot.net); 'dotnet' is not on PATH" >&2
  exit 1
fi

dotnet build ActorArb.sln -c Release -nologo -clp:ErrorsOnly
dotnet test ActorArb.sln -c Release --no-build -nologo --logger "console;verbosity=minimal"
