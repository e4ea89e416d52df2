#!/usr/bin/env bash
# Runs `klay bench primitives --json` and the C reference programs in one go and prints the ratios
# (Swift / C: above 1.0 means klaytn-swift is faster).
# Usage: Benchmarks/compare-primitives.sh [path/to/klay] [seconds-per-measurement]
set -euo pipefail
cd "$(dirname "$0")/.."
klay=${1:-.build/release/klay}
seconds=${2:-2}
out=.build/bench
mkdir -p "$out"
cc -O2 -o "$out/keccak_ref" Benchmarks/c/keccak_ref.c -lnettle
cc -O2 -o "$out/ecrecover_ref" Benchmarks/c/ecrecover_ref.c -lsecp256k1 -lnettle

swift_json=$("$klay" bench primitives --json --seconds "$seconds")
keccak_json=$("$out/keccak_ref" "$seconds")
ecrecover_json=$("$out/ecrecover_ref" "$seconds")

python3 - "$swift_json" "$keccak_json" "$ecrecover_json" <<'PY'
import json, sys
swift = json.loads(sys.argv[1])
ref = {**json.loads(sys.argv[2]), **json.loads(sys.argv[3])}
print(f"{'metric':32} {'klaytn-swift':>14} {'C reference':>14} {'ratio':>7}")
for key in ("keccak256_32B_per_s", "keccak256_1MiB_MB_per_s", "ecrecover_per_s"):
    print(f"{key:32} {swift[key]:>14,.1f} {ref[key]:>14,.1f} {swift[key] / ref[key]:>7.3f}")
print()
for key, value in swift.items():
    if key not in ref:
        print(f"{key:32} {value:>14,.1f}")
PY
