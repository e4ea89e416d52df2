"""Fixtures shared by the end-to-end suites."""

import pytest
from eth_account import Account
from web3 import Web3
from web3py_ext import extend  # noqa: F401  (patches web3/eth_account with Klaytn's types and methods)

from dev_node import MNEMONIC, DevNode

Account.enable_unaudited_hdwallet_features()


@pytest.fixture(scope="session")
def node():
    """One `klay dev --instant` for the session (chain id 1001: the SDK needs 256…65535)."""
    dev = DevNode("--instant", chain_id=1001, accounts=10)
    yield dev
    assert dev.stop() == 0, dev.output()


@pytest.fixture(scope="session")
def w3(node):
    return Web3(Web3.HTTPProvider(node.http, request_kwargs={"timeout": 60}))


@pytest.fixture(scope="session")
def keys():
    """The dev accounts: the mnemonic's m/44'/60'/0'/0/i, as anvil and hardhat derive them."""
    return [Account.from_mnemonic(MNEMONIC, account_path=f"m/44'/60'/0'/0/{i}") for i in range(10)]
