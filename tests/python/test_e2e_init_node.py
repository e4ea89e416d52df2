"""`klay init` with a private network's genesis file — a contract in `alloc` at 0x0…0 (as private
networks ship Klaytn's address book there), a funded account, one validator in `extraData` — then
`klay node` with that validator's key: blocks flow and the RPC answers from the initialised state."""

import json
import signal
import subprocess
import tempfile
import time
from pathlib import Path

import rlp
from eth_account import Account

from dev_node import KLAY, free_port, rpc

CONTRACT = json.loads((Path(__file__).parent / "contracts" / "compiled.json").read_text())["contracts"]["Token"]


def genesis(validator, funded):
    extra = b"\x00" * 32 + rlp.encode([[bytes.fromhex(validator[2:])], b"\x00" * 65, []])
    config = {
        "chainId": 2019, "istanbulCompatibleBlock": 0, "londonCompatibleBlock": 0, "ethTxTypeCompatibleBlock": 0,
        "magmaCompatibleBlock": 0, "koreCompatibleBlock": 0, "shanghaiCompatibleBlock": 0, "cancunCompatibleBlock": 0,
        "istanbul": {"epoch": 604800, "policy": 2, "sub": 22}, "unitPrice": 25000000000, "deriveShaImpl": 2,
        "governance": {"governingNode": validator, "governanceMode": "single",
                       "reward": {"mintingAmount": 9600000000000000000, "ratio": "34/54/12", "useGiniCoeff": True,
                                  "deferredTxFee": True, "stakingUpdateInterval": 86400,
                                  "proposerUpdateInterval": 3600, "minimumStake": 5000000}},
    }
    return {
        "config": config, "timestamp": "0x5e2d6d10", "extraData": "0x" + extra.hex(), "governanceData": None,
        "blockScore": "0x1", "number": "0x0", "gasUsed": "0x0",
        "parentHash": "0x" + "00" * 32,
        "alloc": {
            "0000000000000000000000000000000000000000": {"code": CONTRACT["bytecode"], "balance": "0x0"},
            funded[2:]: {"balance": "0x446c3b15f9926687d2c40534fdb564000000000000"},
        },
    }


def test_init_then_node_produces_blocks_and_answers(tmp_path):
    validator, user = Account.create(), Account.create()
    genesis_file = tmp_path / "genesis.json"
    genesis_file.write_text(json.dumps(genesis(validator.address, user.address)))
    datadir = tmp_path / "data"
    init = subprocess.run([str(KLAY), "init", "--datadir", str(datadir), str(genesis_file)], capture_output=True, text=True)
    assert init.returncode == 0, init.stderr
    assert "Successfully wrote genesis state" in init.stdout

    port = free_port()
    log = open(tmp_path / "node.log", "w+")
    node = subprocess.Popen([str(KLAY), "node", "--datadir", str(datadir), "--nodekeyhex", bytes(validator.key).hex(),
                             "--rpc", "--rpcport", str(port), "--rpcapi", "klay,eth,net,web3"], stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 60
        height = 0
        while time.time() < deadline and height < 3:
            try:
                height = int(rpc(url, "klay_blockNumber", timeout=2)["result"], 16)
            except OSError:
                pass
            assert node.poll() is None, Path(log.name).read_text()
            time.sleep(0.5)
        assert height >= 3, Path(log.name).read_text()
        assert rpc(url, "eth_chainId")["result"] == hex(2019)
        assert rpc(url, "eth_getCode", ["0x" + "00" * 20, "latest"])["result"] == CONTRACT["bytecode"]
        assert int(rpc(url, "klay_getBalance", [user.address, "latest"])["result"], 16) > 0
        block = rpc(url, "klay_getBlockByNumber", ["0x1", False])["result"]
        assert block["reward"].lower() == validator.address.lower()
        # The block's committed seal verifies: its proposer is the validator.
        assert rpc(url, "eth_getBlockByNumber", ["0x1", False])["result"]["miner"].lower() == validator.address.lower()
    finally:
        node.send_signal(signal.SIGINT)
        assert node.wait(timeout=30) == 0, Path(log.name).read_text()
        log.close()
