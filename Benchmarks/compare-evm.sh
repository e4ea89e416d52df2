#!/usr/bin/env bash
# Times the EVM benchmarks (state-test format) on klaytn-swift and on revm (pyrevm) in one run, checks
# that both use the same gas, and prints seconds per run and the ratio pyrevm / klay (above 1.0 means
# klaytn-swift is faster). Expects a release build of klay; builds nothing.
#
# Both sides time batches of runs (one untimed warm-up, at least 5 batches and --seconds per case) and
# report the fastest batch's time per run (the median is in the JSON too; on this shared 2-core machine
# the fastest batch is the figure least skewed by other processes). Each run starts from the pre-state:
#   klay   applies the whole transaction (checks, nonce, gas purchase, execution, refund, fees,
#          end-of-transaction cleanup) on a fresh StateDB over the committed pre-state, reading the
#          accounts and code through the trie in memory (not the commit);
#   pyrevm snapshots its journal, runs `message_call` (intrinsic gas, execution and refund, but no
#          nonce bump, gas purchase or fee payment, base fee 0) and reverts; accounts stay in revm's
#          in-memory cache between runs, and each run pays pyrevm's fixed per-call cost (printed as
#          "(empty call)"), which dominates the cases that take a few tens of microseconds.
# Usage: Benchmarks/compare-evm.sh [path/to/klay] [seconds-per-case] [benchmark files...]
set -euo pipefail
cd "$(dirname "$0")/.."
klay=${1:-.build/release/klay}
seconds=${2:-2}
shift $(( $# > 2 ? 2 : $# ))
if [ $# -gt 0 ]; then files=("$@"); else files=(../shared/vectors/evm-benchmarks/main/*.json); fi
python=${PYTHON:-python3}
venv=.venv

[ -x "$klay" ] || { echo "error: $klay not found; build it with: swift build -c release --product klay" >&2; exit 1; }
[ -x "$venv/bin/python" ] || "$python" -m venv "$venv"
"$venv/bin/python" -c "import pyrevm" 2>/dev/null ||
    "$venv/bin/python" -m pip install -q --disable-pip-version-check -r Benchmarks/requirements.txt

out=.build/bench
mkdir -p "$out"
# File by file, klay then pyrevm, so load from other processes skews both sides alike.
"$venv/bin/python" Benchmarks/evm_pyrevm.py --overhead --seconds "$seconds" > "$out/evm-pyrevm.jsonl"
: > "$out/evm-klay.jsonl"
for file in "${files[@]}"; do
    "$klay" bench evm --json --seconds "$seconds" "$file" >> "$out/evm-klay.jsonl"
    "$venv/bin/python" Benchmarks/evm_pyrevm.py --seconds "$seconds" "$file" >> "$out/evm-pyrevm.jsonl"
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) (2 cores; other work skews the figures)"

python3 - "$out/evm-klay.jsonl" "$out/evm-pyrevm.jsonl" <<'PY'
import json, sys
def load(path):
    return {(r["name"], r["index"]): r for r in map(json.loads, open(path))}
klay, ref = load(sys.argv[1]), load(sys.argv[2])
overhead = ref.pop(("(empty call)", 0), None)
print(f"{'benchmark':22} {'idx':>3} {'gasUsed':>11} {'gas':>4} {'klay ms':>10} {'pyrevm ms':>10} {'pyrevm/klay':>11}  post")
failed = False
total_klay = total_ref = median_klay = median_ref = 0.0
for key in sorted(klay):
    k, r = klay[key], ref.get(key)
    if r is None:
        print(f"{key[0]:22} {key[1]:>3} missing in pyrevm's results"); failed = True; continue
    same = k["gasUsed"] == r["gasUsed"]
    failed |= not same or not k.get("postStateMatches", True)
    total_klay += k["secondsPerRun"]; total_ref += r["secondsPerRun"]
    median_klay += k.get("medianSecondsPerRun", k["secondsPerRun"]); median_ref += r.get("medianSecondsPerRun", r["secondsPerRun"])
    gas = "ok" if same else f"DIFF (pyrevm {r['gasUsed']})"
    post = "ok" if k.get("postStateMatches", True) else "MISMATCH"
    print(f"{key[0]:22} {key[1]:>3} {k['gasUsed']:>11} {gas:>4} {k['secondsPerRun'] * 1e3:>10.4f} "
          f"{r['secondsPerRun'] * 1e3:>10.4f} {r['secondsPerRun'] / k['secondsPerRun']:>11.3f}  {post}")
print(f"{'total (sum of per-run times)':42} {total_klay * 1e3:>10.4f} {total_ref * 1e3:>10.4f} {total_ref / total_klay:>11.3f}")
print(f"{'total of the median batches':42} {median_klay * 1e3:>10.4f} {median_ref * 1e3:>10.4f} {median_ref / median_klay:>11.3f}")
print(f"klay total time is {total_klay / total_ref:.3f}x pyrevm's (issue: <= 1.5x, target 1.0x)")
if overhead:
    print(f"pyrevm fixed cost per call (empty call): {overhead['secondsPerRun'] * 1e6:.1f} us")
sys.exit(1 if failed else 0)
PY
