"""Starts and stops `klay dev` for the end-to-end suites: free ports, a temporary data directory, and a
graceful SIGINT at the end whose exit status is checked."""

import json
import os
import signal
import socket
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1].parent
KLAY = Path(os.environ.get("KLAY_BINARY", REPO / ".build" / "debug" / "klay"))
MNEMONIC = "test test test test test test test test test test test junk"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rpc(url, method, params=None, timeout=30):
    """One JSON-RPC call over HTTP; returns the whole response object."""
    body = json.dumps({"jsonrpc": "2.0", "id": 1, "method": method, "params": params or []}).encode()
    request = urllib.request.Request(url, body, {"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return json.loads(response.read())


class DevNode:
    """A running `klay dev` process."""

    def __init__(self, *args, chain_id=1001, accounts=10):
        if not KLAY.exists():
            pytest.fail(f"{KLAY} is missing: build it first (`swift build --product klay`, or `make test`)")
        self.chain_id = chain_id
        self.http_port, self.ws_port = free_port(), free_port()
        self.http = f"http://127.0.0.1:{self.http_port}"
        self.ws = f"ws://127.0.0.1:{self.ws_port}"
        self.datadir = tempfile.mkdtemp(prefix="klay-e2e-")
        self.log = open(Path(self.datadir) / "node.log", "w+")
        self.process = subprocess.Popen(
            [str(KLAY), "dev", "--chain-id", str(chain_id), "--accounts", str(accounts), "--datadir", self.datadir,
             "--rpcport", str(self.http_port), "--wsport", str(self.ws_port), *args],
            stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.time() + 60
        while True:
            try:
                if rpc(self.http, "eth_chainId", timeout=2).get("result"):
                    break
            except OSError:
                pass
            if self.process.poll() is not None or time.time() > deadline:
                self.stop()
                pytest.fail(f"klay dev did not start:\n{self.output()}")
            time.sleep(0.2)

    def output(self):
        self.log.flush()
        return Path(self.log.name).read_text()

    def call(self, method, params=None):
        return rpc(self.http, method, params)

    def stop(self):
        """SIGINT, then the process must exit by itself, cleanly."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
                pytest.fail(f"klay dev did not stop within 30 s of SIGINT:\n{self.output()}")
        self.log.close()
        return self.process.returncode
