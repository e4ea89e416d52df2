"""Times state-test-format EVM benchmarks on revm through pyrevm, the reference for `klay bench evm`.

For each London expectation of each file: one pyrevm EVM (London spec) gets the `pre` accounts
(balance, nonce, code, storage) and the block environment; each run then takes a journal snapshot,
executes the transaction's call (same caller, to, data, value, gas limit and gas price) with
`message_call`, reads the gas used and reverts to the snapshot, so every run starts from the pre-state
with cold accounts and slots. Runs are timed in batches as `klay bench evm` does: one untimed warm-up,
batches of about 20 ms for at least `--seconds` and 5 batches; secondsPerRun is the fastest batch's time
per run (the least skewed by other processes), medianSecondsPerRun the median batch's.

Differences from the Swift side (documented in compare-evm.sh): pyrevm's `message_call` skips the
sender's nonce bump, the up-front gas charge, the refund payout and the coinbase fee (the Swift side
does all four), runs with the block's base fee forced to 0, and reads accounts from revm's in-memory
cache (kept across runs) rather than from a trie; each pyrevm run also pays a few microseconds of
Python-to-Rust call overhead.

Prints one JSON object per case (JSON Lines): name, index (the data index), gasUsed, secondsPerRun.
"""

import argparse
import json
import statistics
import sys
import time

import pyrevm


def quantity(text):
    return int(text, 16) if text.lower().startswith("0x") else int(text)


def prepare(test, expectation):
    """A pyrevm EVM holding the test's pre-state, and the keyword arguments of the call."""
    env = test["env"]
    block = pyrevm.BlockEnv(
        number=quantity(env["currentNumber"]),
        coinbase=env["currentCoinbase"],
        timestamp=quantity(env["currentTimestamp"]),
        difficulty=quantity(env.get("currentDifficulty", "0x0")),
        basefee=quantity(env.get("currentBaseFee", "0x0")),
        gas_limit=quantity(env["currentGasLimit"]),
    )
    evm = pyrevm.EVM(env=pyrevm.Env(cfg=pyrevm.CfgEnv(chain_id=1), block=block), spec_id="London")
    for address, account in test["pre"].items():
        code = bytes.fromhex(account.get("code", "0x")[2:])
        evm.insert_account_info(address, pyrevm.AccountInfo(
            balance=quantity(account["balance"]), nonce=quantity(account.get("nonce", "0x0")),
            code=code if code else None))
        for slot, value in account.get("storage", {}).items():
            evm.insert_account_storage(address, quantity(slot), quantity(value))
    tx = test["transaction"]
    indexes = expectation["indexes"]
    call = dict(
        caller=tx["sender"],
        to=tx["to"],
        calldata=bytes.fromhex(tx["data"][indexes["data"]][2:]),
        value=quantity(tx["value"][indexes["value"]]),
        gas=quantity(tx["gasLimit"][indexes["gas"]]),
        gas_price=quantity(tx["gasPrice"]),
    )
    return evm, call


def run_once(evm, call):
    """Executes the call from the pre-state and returns its gas used (after the refund)."""
    checkpoint = evm.snapshot()
    evm.message_call(**call)
    gas_used = evm.result.gas_used
    evm.revert(checkpoint)
    return gas_used


def measure(evm, call, seconds, minimum_batches=5, batch_seconds=0.02):
    start = time.perf_counter()
    gas_used = run_once(evm, call)
    warm_up = time.perf_counter() - start
    runs_per_batch = max(1, min(10_000, int(batch_seconds / max(warm_up, 1e-9))))
    per_run = []
    budget_start = time.perf_counter()
    while len(per_run) < minimum_batches or time.perf_counter() - budget_start < seconds:
        start = time.perf_counter()
        for _ in range(runs_per_batch):
            if run_once(evm, call) != gas_used:
                raise RuntimeError("gas used changed between runs")
        per_run.append((time.perf_counter() - start) / runs_per_batch)
    return gas_used, min(per_run), statistics.median(per_run), runs_per_batch, len(per_run)


def empty_call_overhead(seconds):
    """Seconds per run of a call to code that only STOPs: pyrevm's fixed cost per execution."""
    evm = pyrevm.EVM(spec_id="London")
    evm.insert_account_info("0x" + "11" * 20, pyrevm.AccountInfo(code=b"\x00"))
    evm.insert_account_info("0x" + "22" * 20, pyrevm.AccountInfo(balance=10**18))
    call = dict(caller="0x" + "22" * 20, to="0x" + "11" * 20, calldata=b"", value=0, gas=100_000, gas_price=1)
    gas_used, seconds_per_run, *_ = measure(evm, call, seconds)
    return gas_used, seconds_per_run


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*")
    parser.add_argument("--seconds", type=float, default=2.0)
    parser.add_argument("--fork", default="London")
    parser.add_argument("--overhead", action="store_true",
                        help="first print the time of an empty call (name \"(empty call)\")")
    args = parser.parse_args()
    if args.overhead:
        gas_used, seconds_per_run = empty_call_overhead(min(args.seconds, 1.0))
        print(json.dumps({"name": "(empty call)", "index": 0, "gasUsed": gas_used, "secondsPerRun": seconds_per_run}), flush=True)
    for path in args.files:
        with open(path) as file:
            tests = json.load(file)
        for name in sorted(tests):
            test = tests[name]
            for expectation in test["post"].get(args.fork, []):
                evm, call = prepare(test, expectation)
                gas_used, fastest, median, runs, batches = measure(evm, call, args.seconds)
                print(json.dumps({"name": name, "index": expectation["indexes"]["data"], "gasUsed": gas_used,
                                  "secondsPerRun": fastest, "medianSecondsPerRun": median,
                                  "runsPerBatch": runs, "batches": batches}), flush=True)


if __name__ == "__main__":
    sys.exit(main())
