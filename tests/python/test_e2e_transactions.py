"""End to end through the Kaia SDK (web3py-ext) and web3.py, unchanged, against `klay dev`: every
transaction type the SDK builds, basic and fee-delegated with a separate fee payer, legacy, EIP-2930 and
EIP-1559; receipts, and balances checked to the peb (sender, fee payer, recipient)."""

import pytest
from eth_account import Account
from eth_keys import keys as ec
from web3py_ext.transaction.transaction import TxType, empty_tx, fill_transaction

KLAY = 10**18


def send(w3, tx, signers, fee_payer=None, gas=None):
    """Fills, signs (several sender keys make a multisig), optionally fee-payer-signs, sends and waits.
    With `gas` the SDK's estimate is skipped: anchored data is not init code, and eth_estimateGas (which
    the SDK's fill_transaction always calls) runs it as a creation, as a Klaytn node does."""
    if gas is None:
        tx = fill_transaction(tx, w3)
    else:
        tx = tx | {"gas": gas, "gasPrice": w3.eth.gas_price, "chainId": w3.eth.chain_id,
                   "nonce": w3.eth.get_transaction_count(tx["from"])}
    signed = Account.sign_transaction(tx, signers[0].key)
    for key in signers[1:]:
        signed = Account.sign_transaction(signed.rawTransaction, key.key)
    raw = signed.rawTransaction
    if fee_payer is not None:
        raw = Account.sign_transaction_as_feepayer(raw, fee_payer.address, fee_payer.key).rawTransaction
    tx_hash = w3.eth.send_raw_transaction(raw)
    receipt = w3.eth.wait_for_transaction_receipt(tx_hash, timeout=60)
    return receipt


def compressed(account):
    """The account's public key, SEC1-compressed, as the SDK's key dicts take it."""
    return "0x" + ec.PrivateKey(bytes(account.key)).public_key.to_compressed_bytes().hex()


def klay_receipt(node, tx_hash):
    return node.call("klay_getTransactionReceipt", [tx_hash.hex() if hasattr(tx_hash, "hex") else tx_hash])["result"]


def fee(receipt):
    return receipt["gasUsed"] * receipt["effectiveGasPrice"]


@pytest.fixture
def sender(keys):
    return keys[1]


@pytest.fixture
def payer(keys):
    return keys[9]


def test_value_transfer_to_the_peb(w3, node, keys, sender):
    recipient = Account.create()
    before = w3.eth.get_balance(sender.address)
    tx = empty_tx(TxType.VALUE_TRANSFER) | {"from": sender.address, "to": recipient.address, "value": 12345}
    receipt = send(w3, tx, [sender])
    assert receipt["status"] == 1
    assert receipt["gasUsed"] == 21000
    assert w3.eth.get_balance(recipient.address) == 12345
    assert w3.eth.get_balance(sender.address) == before - 12345 - fee(receipt)
    klay = klay_receipt(node, receipt["transactionHash"])
    assert klay["type"] == "TxTypeValueTransfer" and klay["status"] == "0x1" and klay["gasUsed"] == "0x5208"


def test_fee_delegated_value_transfer_charges_the_fee_payer(w3, keys, sender, payer):
    recipient = Account.create()
    sender_before, payer_before = w3.eth.get_balance(sender.address), w3.eth.get_balance(payer.address)
    tx = empty_tx(TxType.FEE_DELEGATED_VALUE_TRANSFER) | {"from": sender.address, "to": recipient.address, "value": 777}
    receipt = send(w3, tx, [sender], fee_payer=payer)
    assert receipt["status"] == 1 and receipt["gasUsed"] == 31000
    assert w3.eth.get_balance(sender.address) == sender_before - 777
    assert w3.eth.get_balance(payer.address) == payer_before - fee(receipt)
    assert w3.eth.get_balance(recipient.address) == 777


def test_memo_and_fee_delegated_memo(w3, sender, payer):
    recipient = Account.create()
    memo = empty_tx(TxType.VALUE_TRANSFER_MEMO) | {"from": sender.address, "to": recipient.address, "value": 1, "data": "0x68656c6c6f"}
    assert send(w3, memo, [sender])["gasUsed"] == 21500
    payer_before = w3.eth.get_balance(payer.address)
    delegated = empty_tx(TxType.FEE_DELEGATED_VALUE_TRANSFER_MEMO) | {"from": sender.address, "to": recipient.address, "value": 1,
                                                                     "data": "0x68656c6c6f"}
    receipt = send(w3, delegated, [sender], fee_payer=payer)
    assert receipt["gasUsed"] == 31500
    assert w3.eth.get_balance(payer.address) == payer_before - fee(receipt)


def test_cancel_and_anchoring(w3, node, sender, payer):
    nonce = w3.eth.get_transaction_count(sender.address)
    cancel = empty_tx(TxType.CANCEL) | {"from": sender.address}
    receipt = send(w3, cancel, [sender])
    assert receipt["gasUsed"] == 21000 and w3.eth.get_transaction_count(sender.address) == nonce + 1
    delegated_cancel = empty_tx(TxType.FEE_DELEGATED_CANCEL) | {"from": sender.address}
    assert send(w3, delegated_cancel, [sender], fee_payer=payer)["gasUsed"] == 31000
    data = "0x" + "ab" * 168
    anchoring = empty_tx(TxType.CHAIN_DATA_ANCHORING) | {"from": sender.address, "data": data}
    receipt = send(w3, anchoring, [sender], gas=100000)
    assert receipt["gasUsed"] == 37800
    assert klay_receipt(node, receipt["transactionHash"])["type"] == "TxTypeChainDataAnchoring"
    delegated = empty_tx(TxType.FEE_DELEGATED_CHAIN_DATA_ANCHORING) | {"from": sender.address, "data": data}
    assert send(w3, delegated, [sender], fee_payer=payer, gas=100000)["gasUsed"] == 47800


def test_account_update_to_multisig_then_multisig_transfer(w3, node, keys):
    owner = Account.create()
    funding = empty_tx(TxType.VALUE_TRANSFER) | {"from": keys[2].address, "to": owner.address, "value": 10 * KLAY}
    send(w3, funding, [keys[2]])
    members = [Account.create() for _ in range(3)]
    multisig = {"type": 4, "threshold": 2, "keys": [{"weight": 1, "key": compressed(m)} for m in members]}
    update = empty_tx(TxType.ACCOUNT_UPDATE) | {"from": owner.address, "key": multisig}
    receipt = send(w3, update, [owner])
    assert receipt["status"] == 1 and receipt["gasUsed"] == 21000 + 3 * 20000
    key = node.call("klay_getAccountKey", [owner.address, "latest"])["result"]
    assert key["keyType"] == 4 and key["key"]["threshold"] == 2
    # One signature is refused by the pool; two of three are enough.
    recipient = Account.create()
    single = fill_transaction(empty_tx(TxType.VALUE_TRANSFER) | {"from": owner.address, "to": recipient.address, "value": 5}, w3)
    raw = Account.sign_transaction(single, members[0].key).rawTransaction
    refused = node.call("klay_sendRawTransaction", ["0x" + bytes(raw).hex()])
    assert refused["error"]["message"] == "invalid sender: invalid account key"
    receipt = send(w3, empty_tx(TxType.VALUE_TRANSFER) | {"from": owner.address, "to": recipient.address, "value": 5},
                   [members[0], members[2]])
    assert receipt["status"] == 1 and receipt["gasUsed"] == 36000
    assert w3.eth.get_balance(recipient.address) == 5


def test_fee_delegated_account_update(w3, keys, payer):
    owner = Account.create()
    send(w3, empty_tx(TxType.VALUE_TRANSFER) | {"from": keys[3].address, "to": owner.address, "value": KLAY}, [keys[3]])
    new_key = Account.create()
    update = empty_tx(TxType.FEE_DELEGATED_ACCOUNT_UPDATE) | {"from": owner.address, "key": {"type": 2, "key": compressed(new_key)}}
    owner_before = w3.eth.get_balance(owner.address)
    receipt = send(w3, update, [owner], fee_payer=payer)
    assert receipt["gasUsed"] == 51000
    assert w3.eth.get_balance(owner.address) == owner_before


@pytest.mark.parametrize("kind", ["legacy", "accessList", "dynamicFee"])
def test_ethereum_transaction_types(w3, keys, kind):
    sender, recipient = keys[4], Account.create()
    before = w3.eth.get_balance(sender.address)
    tx = {"from": sender.address, "to": recipient.address, "value": 99, "chainId": w3.eth.chain_id,
          "nonce": w3.eth.get_transaction_count(sender.address), "gas": 50000}
    if kind == "legacy":
        tx["gasPrice"] = w3.eth.gas_price
    elif kind == "accessList":
        tx |= {"type": 1, "gasPrice": w3.eth.gas_price, "accessList": [{"address": recipient.address, "storageKeys": []}]}
    else:
        tx |= {"type": 2, "maxFeePerGas": w3.eth.gas_price, "maxPriorityFeePerGas": 0}
    signed = Account.sign_transaction(tx, sender.key)
    receipt = w3.eth.wait_for_transaction_receipt(w3.eth.send_raw_transaction(signed.rawTransaction), timeout=60)
    assert receipt["status"] == 1
    assert receipt["gasUsed"] == 21000 + (2400 if kind == "accessList" else 0)
    assert w3.eth.get_balance(recipient.address) == 99
    assert w3.eth.get_balance(sender.address) == before - 99 - fee(receipt)
    assert receipt["type"] == {"legacy": 0, "accessList": 1, "dynamicFee": 2}[kind]


def test_personal_send_transaction_with_an_unlocked_account(w3, node, keys):
    recipient = Account.create()
    assert keys[5].address.lower() in [a.lower() for a in node.call("personal_listAccounts")["result"]]
    result = node.call("personal_sendTransaction", [{"from": keys[5].address, "to": recipient.address, "value": hex(4242)}, ""])
    receipt = w3.eth.wait_for_transaction_receipt(result["result"], timeout=60)
    assert receipt["status"] == 1
    assert w3.eth.get_balance(recipient.address) == 4242
