#!/usr/bin/env bash
# Publishes the GPU check (tools/GpuCheck) as one self-contained, trimmed linux-x64 executable that runs on a CUDA
# machine without .NET: copy it there and run it (it needs only the NVIDIA driver's libcuda.so.1).
#
# Usage: gpu/publish-check.sh [output-dir]   (default: out/gpucheck under the repository root)
# Then:  <output-dir>/actorarb-gpucheck [--csv closes.csv.gz] [--buy 0.9900:0.9999:0.0001] [--sell …] [--help]
# Warnings are errors (Directory.Build.props), trim warnings included; build files go to a private artifacts folder so
# the publish never touches the solution's bin/obj.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$root/out/gpucheck}"
artifacts="$(mktemp -d)"
trap 'rm -rf "$artifacts"' EXIT

dotnet publish "$root/tools/GpuCheck" -c Release -r linux-x64 --self-contained \
  -p:PublishTrimmed=true -p:PublishSingleFile=true \
  --artifacts-path "$artifacts" -o "$out" -nologo -clp:ErrorsOnly
echo "publish-check.sh: $out/actorarb-gpucheck"
