"""Load: 5 000 transactions from 100 accounts sent concurrently over HTTP to `klay dev`; every one must
land. Prints the sustained rate (submit of the first to receipt of the last) and the p99 time from
submit to receipt. `make bench-rpc` runs the same against a release build for the figures; under
`make test` (debug build) only the count is checked."""

import os
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from eth_account import Account

from dev_node import MNEMONIC, DevNode, rpc

SENDERS = int(os.environ.get("LOAD_SENDERS", "100"))
PER_SENDER = int(os.environ.get("LOAD_PER_SENDER", "50"))


@pytest.fixture(scope="module")
def load_node():
    node = DevNode("--instant", chain_id=1001, accounts=SENDERS)
    yield node
    assert node.stop() == 0, node.output()


def test_five_thousand_transactions_from_a_hundred_accounts(load_node):
    url = load_node.http
    gas_price = int(rpc(url, "eth_gasPrice")["result"], 16)
    keys = [Account.from_mnemonic(MNEMONIC, account_path=f"m/44'/60'/0'/0/{i}") for i in range(SENDERS)]
    sink = Account.create().address
    raws = []
    for key in keys:
        for nonce in range(PER_SENDER):
            tx = {"nonce": nonce, "gasPrice": gas_price, "gas": 21000, "to": sink, "value": 1, "chainId": 1001}
            raws.append((key.address, "0x" + bytes(Account.sign_transaction(tx, key.key).rawTransaction).hex()))

    submitted = {}

    def submit(batch):
        hashes = []
        for _, raw in batch:
            started = time.monotonic()
            answer = rpc(url, "eth_sendRawTransaction", [raw])
            assert "result" in answer, answer
            submitted[answer["result"]] = started
            hashes.append(answer["result"])
        return hashes

    by_sender = [raws[i * PER_SENDER:(i + 1) * PER_SENDER] for i in range(SENDERS)]
    start = time.monotonic()
    with ThreadPoolExecutor(max_workers=32) as pool:
        hashes = [h for batch in pool.map(submit, by_sender) for h in batch]
    landed = {}
    deadline = time.monotonic() + 600
    pending = set(hashes)
    while pending and time.monotonic() < deadline:
        for tx_hash in list(pending):
            receipt = rpc(url, "eth_getTransactionReceipt", [tx_hash])["result"]
            if receipt is not None:
                assert receipt["status"] == "0x1"
                landed[tx_hash] = time.monotonic()
                pending.discard(tx_hash)
        if pending:
            time.sleep(0.05)
    assert not pending, f"{len(pending)} of {len(hashes)} transactions never landed"
    elapsed = max(landed.values()) - start
    latencies = sorted(landed[h] - submitted[h] for h in hashes)
    p99 = latencies[int(len(latencies) * 0.99) - 1]
    assert rpc(url, "eth_getBalance", [sink, "latest"])["result"] == hex(len(hashes))
    print(f"\nload: {len(hashes)} transactions from {SENDERS} accounts in {elapsed:.2f} s = {len(hashes) / elapsed:.0f} tx/s; "
          f"p99 submit-to-receipt {p99 * 1000:.0f} ms")
