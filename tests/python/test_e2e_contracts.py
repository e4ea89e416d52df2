"""Vyper-compiled ERC-20 and KIP-7-style tokens (tests/python/contracts, compiled with
`vyper 0.4.0 --evm-version shanghai -f abi,bytecode`) deployed with SmartContractDeploy (plain and
fee-delegated) and through web3.py, used with SmartContractExecution and eth transactions, read with
eth_call/estimateGas, and their events found through eth_getLogs and a WebSocket `logs` subscription."""

import asyncio
import json
from pathlib import Path

import pytest
import websockets
from eth_account import Account
from web3py_ext.transaction.transaction import TxType, empty_tx

from test_e2e_transactions import fee, send

COMPILED = json.loads((Path(__file__).parent / "contracts" / "compiled.json").read_text())["contracts"]
SUPPLY = 10**24


def deploy(w3, name, deployer, tx_type=TxType.SMART_CONTRACT_DEPLOY, fee_payer=None):
    factory = w3.eth.contract(abi=COMPILED[name]["abi"], bytecode=COMPILED[name]["bytecode"])
    data = factory.constructor(SUPPLY).data_in_transaction
    tx = empty_tx(tx_type) | {"from": deployer.address, "data": data}
    receipt = send(w3, tx, [deployer], fee_payer=fee_payer)
    assert receipt["status"] == 1
    return w3.eth.contract(address=receipt["contractAddress"], abi=COMPILED[name]["abi"]), receipt


@pytest.fixture(scope="module")
def token(w3, keys):
    contract, _ = deploy(w3, "Token", keys[6])
    return contract


def test_deploy_creates_the_token(w3, keys, token):
    assert token.functions.totalSupply().call() == SUPPLY
    assert token.functions.balanceOf(keys[6].address).call() == SUPPLY
    assert token.functions.symbol().call() == "TST"
    assert len(w3.eth.get_code(token.address)) > 0


def test_execution_transfers_and_logs(w3, node, keys, token):
    recipient = Account.create()
    data = token.encodeABI(fn_name="transfer", args=[recipient.address, 1000])
    estimate = w3.eth.estimate_gas({"from": keys[6].address, "to": token.address, "data": data})
    tx = empty_tx(TxType.SMART_CONTRACT_EXECUTION) | {"from": keys[6].address, "to": token.address, "data": data}
    receipt = send(w3, tx, [keys[6]])
    assert receipt["status"] == 1
    assert receipt["gasUsed"] <= estimate
    assert token.functions.balanceOf(recipient.address).call() == 1000
    [log] = receipt["logs"]
    assert log["address"] == token.address
    transfer_topic = w3.keccak(text="Transfer(address,address,uint256)")
    assert log["topics"][0] == transfer_topic
    found = w3.eth.get_logs({"fromBlock": receipt["blockNumber"], "toBlock": receipt["blockNumber"],
                             "address": token.address, "topics": ["0x" + bytes(transfer_topic).hex()]})
    assert [entry["transactionHash"] for entry in found] == [receipt["transactionHash"]]
    # The Klaytn namespace sees the same log.
    klay_logs = node.call("klay_getLogs", [{"fromBlock": hex(receipt["blockNumber"]), "address": token.address}])["result"]
    assert klay_logs[0]["transactionHash"] == "0x" + bytes(receipt["transactionHash"]).hex()


def test_fee_delegated_execution_charges_the_fee_payer(w3, keys, token):
    payer = keys[9]
    payer_before, sender_before = w3.eth.get_balance(payer.address), w3.eth.get_balance(keys[6].address)
    data = token.encodeABI(fn_name="transfer", args=[keys[7].address, 5])
    tx = empty_tx(TxType.FEE_DELEGATED_SMART_CONTRACT_EXECUTION) | {"from": keys[6].address, "to": token.address, "data": data}
    receipt = send(w3, tx, [keys[6]], fee_payer=payer)
    assert receipt["status"] == 1
    assert w3.eth.get_balance(payer.address) == payer_before - fee(receipt)
    assert w3.eth.get_balance(keys[6].address) == sender_before


def test_revert_reaches_eth_call_with_its_reason(w3, keys, token):
    poor = Account.create()
    with pytest.raises(Exception) as failure:
        token.functions.transfer(keys[6].address, 1).call({"from": poor.address})
    assert "insufficient balance" in str(failure.value)


def test_kip7_token_through_web3_and_fee_delegated_deploy(w3, keys):
    kip7, receipt = deploy(w3, "KIP7Token", keys[7], TxType.FEE_DELEGATED_SMART_CONTRACT_DEPLOY, fee_payer=keys[9])
    assert kip7.functions.supportsInterface(bytes.fromhex("65787371")).call() is True
    assert kip7.functions.supportsInterface(bytes.fromhex("01ffc9a7")).call() is True
    recipient = Account.create()
    # A plain Ethereum-style transaction built by web3.py's contract API.
    tx = kip7.functions.safeTransfer(recipient.address, 250).build_transaction({
        "from": keys[7].address, "nonce": w3.eth.get_transaction_count(keys[7].address),
        "gasPrice": w3.eth.gas_price, "chainId": w3.eth.chain_id})
    signed = Account.sign_transaction(tx, keys[7].key)
    receipt = w3.eth.wait_for_transaction_receipt(w3.eth.send_raw_transaction(signed.rawTransaction), timeout=60)
    assert receipt["status"] == 1
    assert kip7.functions.balanceOf(recipient.address).call() == 250


def test_websocket_logs_subscription(w3, node, keys, token):
    recipient = Account.create()

    async def run():
        async with websockets.connect(node.ws) as socket:
            await socket.send(json.dumps({"jsonrpc": "2.0", "id": 1, "method": "eth_subscribe",
                                          "params": ["logs", {"address": token.address}]}))
            subscription = json.loads(await socket.recv())["result"]
            data = token.encodeABI(fn_name="transfer", args=[recipient.address, 7])
            tx = empty_tx(TxType.SMART_CONTRACT_EXECUTION) | {"from": keys[6].address, "to": token.address, "data": data}
            receipt = await asyncio.get_running_loop().run_in_executor(None, send, w3, tx, [keys[6]])
            message = json.loads(await asyncio.wait_for(socket.recv(), timeout=30))
            assert message["method"] == "eth_subscription"
            assert message["params"]["subscription"] == subscription
            assert message["params"]["result"]["transactionHash"] == "0x" + bytes(receipt["transactionHash"]).hex()
            assert message["params"]["result"]["address"].lower() == token.address.lower()

    asyncio.run(run())
