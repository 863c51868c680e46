#!/usr/bin/env bash
# Rebuilds gpu/threshold_grid.ptx from gpu/threshold_grid.cu with clang's NVPTX backend (no CUDA toolkit needed).
# The output is deterministic (same clang, same bytes) and committed; ActorArb.Actors embeds it and the driver JITs
# it for the device at load time. sm_60 / PTX ISA 5.0 is old enough for every driver that runs a Pascal or newer GPU.
#
# -ffp-contract=off keeps every multiply and add separate (mul.rn/add.rn, which ptxas may not fuse either), so the
# GPU rounds exactly like the C# reference; the script refuses an output that contains a fused multiply-add.
#
# Usage: gpu/build-ptx.sh [output.ptx]   (default: gpu/threshold_grid.ptx beside this script)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-$here/threshold_grid.ptx}"
clang="${CLANG:-clang}"

if ! command -v "$clang" >/dev/null 2>&1; then
  echo "build-ptx.sh: clang with the NVPTX backend is required ('$clang' is not on PATH)" >&2
  exit 1
fi

tmp="$(mktemp)"
trap 'rm -f "$tmp"' EXIT
"$clang" -x cuda --cuda-device-only -nocudainc -nocudalib --cuda-gpu-arch=sm_60 \
  -O3 -ffp-contract=off -S "$here/threshold_grid.cu" -o "$tmp"

if grep -q 'fma\.' "$tmp"; then
  echo "build-ptx.sh: the PTX contains a fused multiply-add; the GPU would not match the CPU reference" >&2
  exit 1
fi
if grep -Eq '\b(mul|add|sub)\.f64' "$tmp"; then
  echo "build-ptx.sh: the PTX has a double multiply/add without .rn, which ptxas may fuse" >&2
  exit 1
fi
if ! grep -q '^\.visible \.entry threshold_grid(' "$tmp"; then
  echo "build-ptx.sh: the PTX has no threshold_grid entry" >&2
  exit 1
fi

cat "$tmp" >"$out"
echo "build-ptx.sh: wrote $out"
