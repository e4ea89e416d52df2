"""Load: 5 000 transactions from 100 accounts sent concurrently over HTTP to `klay dev`; every one must
land. Each sender thread keeps one HTTP connection open (as SDK clients do) and sends its account's
transactions one request each. A WebSocket `newHeads` subscription timestamps each block as it arrives;
a transaction's latency is from its submission to the arrival of the block that holds it. Prints the
sustained rate (first submission to the block holding the last transaction) and the p99 latency.
`make bench-rpc` runs it against a release build for the figures; under `make test` (debug build) only
the landing of every transaction is checked."""

import http.client
import json
import os
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from eth_account import Account
from websockets.sync.client import connect

from dev_node import MNEMONIC, DevNode, rpc

SENDERS = int(os.environ.get("LOAD_SENDERS", "100"))
PER_SENDER = int(os.environ.get("LOAD_PER_SENDER", "50"))


@pytest.fixture(scope="module")
def load_node():
    node = DevNode("--instant", chain_id=1001, accounts=SENDERS)
    yield node
    assert node.stop() == 0, node.output()


class BlockClock(threading.Thread):
    """Records when each new head arrives over a WebSocket subscription."""

    def __init__(self, url):
        super().__init__(daemon=True)
        self.socket = connect(url)
        self.socket.send(json.dumps({"jsonrpc": "2.0", "id": 1, "method": "eth_subscribe", "params": ["newHeads"]}))
        assert "result" in json.loads(self.socket.recv())
        self.arrivals = {}

    def run(self):
        try:
            for message in self.socket:
                head = json.loads(message)["params"]["result"]
                self.arrivals[int(head["number"], 16)] = time.monotonic()
        except Exception:  # the socket closes at the end of the test
            pass


def test_five_thousand_transactions_from_a_hundred_accounts(load_node):
    url = load_node.http
    gas_price = int(rpc(url, "eth_gasPrice")["result"], 16)
    keys = [Account.from_mnemonic(MNEMONIC, account_path=f"m/44'/60'/0'/0/{i}") for i in range(SENDERS)]
    sink = Account.create().address
    batches = []
    for key in keys:
        batch = []
        for nonce in range(PER_SENDER):
            tx = {"nonce": nonce, "gasPrice": gas_price, "gas": 21000, "to": sink, "value": 1, "chainId": 1001}
            batch.append("0x" + bytes(Account.sign_transaction(tx, key.key).rawTransaction).hex())
        batches.append(batch)
    total = SENDERS * PER_SENDER

    clock = BlockClock(load_node.ws)
    clock.start()
    submitted = {}

    def submit(batch):
        connection = http.client.HTTPConnection("127.0.0.1", load_node.http_port, timeout=60)
        for raw in batch:
            started = time.monotonic()
            body = json.dumps({"jsonrpc": "2.0", "id": 1, "method": "eth_sendRawTransaction", "params": [raw]})
            connection.request("POST", "/", body, {"Content-Type": "application/json"})
            answer = json.loads(connection.getresponse().read())
            assert "result" in answer, answer
            submitted[answer["result"]] = started
        connection.close()

    start = time.monotonic()
    with ThreadPoolExecutor(max_workers=SENDERS) as pool:
        list(pool.map(submit, batches))
    deadline = time.monotonic() + 600
    while int(rpc(url, "eth_getBalance", [sink, "latest"])["result"], 16) < total and time.monotonic() < deadline:
        time.sleep(0.05)
    assert int(rpc(url, "eth_getBalance", [sink, "latest"])["result"], 16) == total, "not every transaction landed"
    time.sleep(0.5)
    clock.socket.close()

    latencies, last_block = [], 0
    for tx_hash, started in submitted.items():
        receipt = rpc(url, "eth_getTransactionReceipt", [tx_hash])["result"]
        assert receipt["status"] == "0x1"
        number = int(receipt["blockNumber"], 16)
        last_block = max(last_block, number)
        latencies.append(clock.arrivals[number] - started)
    latencies.sort()
    elapsed = clock.arrivals[last_block] - start
    p99 = latencies[int(len(latencies) * 0.99) - 1]
    print(f"\nload: {total} transactions from {SENDERS} accounts in {elapsed:.2f} s = {total / elapsed:.0f} tx/s; "
          f"p99 submit-to-block {p99 * 1000:.0f} ms")
