# pragma version 0.4.0
# A KIP-7-style token (Klaytn's fungible token standard, KIP-7 with KIP-13 interface detection) for the
# end-to-end suite: ERC-20 functions plus safeTransfer/safeTransferFrom, which call onKIP7Received on
# contract recipients, and supportsInterface.

interface KIP7Receiver:
    def onKIP7Received(operator: address, sender: address, amount: uint256, data: Bytes[1024]) -> bytes4: nonpayable

event Transfer:
    sender: indexed(address)
    receiver: indexed(address)
    value: uint256

event Approval:
    owner: indexed(address)
    spender: indexed(address)
    value: uint256

KIP13_ID: constant(bytes4) = 0x01ffc9a7
KIP7_ID: constant(bytes4) = 0x65787371
KIP7_RECEIVED: constant(bytes4) = 0x9d188c22

name: public(String[32])
symbol: public(String[8])
decimals: public(uint8)
totalSupply: public(uint256)
balanceOf: public(HashMap[address, uint256])
allowance: public(HashMap[address, HashMap[address, uint256]])

@deploy
def __init__(supply: uint256):
    self.name = "KIP7 Test"
    self.symbol = "KT7"
    self.decimals = 18
    self.totalSupply = supply
    self.balanceOf[msg.sender] = supply
    log Transfer(empty(address), msg.sender, supply)

@view
@external
def supportsInterface(interfaceId: bytes4) -> bool:
    return interfaceId == KIP13_ID or interfaceId == KIP7_ID

@internal
def _transfer(sender: address, receiver: address, amount: uint256):
    assert receiver != empty(address), "KIP7: transfer to the zero address"
    assert self.balanceOf[sender] >= amount, "KIP7: transfer amount exceeds balance"
    self.balanceOf[sender] -= amount
    self.balanceOf[receiver] += amount
    log Transfer(sender, receiver, amount)

@internal
def _checkReceived(sender: address, receiver: address, amount: uint256, data: Bytes[1024]):
    if receiver.is_contract:
        answer: bytes4 = extcall KIP7Receiver(receiver).onKIP7Received(msg.sender, sender, amount, data)
        assert answer == KIP7_RECEIVED, "KIP7: transfer to non KIP7Receiver implementer"

@external
def transfer(receiver: address, amount: uint256) -> bool:
    self._transfer(msg.sender, receiver, amount)
    return True

@external
def safeTransfer(receiver: address, amount: uint256, data: Bytes[1024] = b""):
    self._transfer(msg.sender, receiver, amount)
    self._checkReceived(msg.sender, receiver, amount, data)

@external
def approve(spender: address, amount: uint256) -> bool:
    self.allowance[msg.sender][spender] = amount
    log Approval(msg.sender, spender, amount)
    return True

@external
def transferFrom(sender: address, receiver: address, amount: uint256) -> bool:
    assert self.allowance[sender][msg.sender] >= amount, "KIP7: insufficient allowance"
    self.allowance[sender][msg.sender] -= amount
    self._transfer(sender, receiver, amount)
    return True

@external
def safeTransferFrom(sender: address, receiver: address, amount: uint256, data: Bytes[1024] = b""):
    assert self.allowance[sender][msg.sender] >= amount, "KIP7: insufficient allowance"
    self.allowance[sender][msg.sender] -= amount
    self._transfer(sender, receiver, amount)
    self._checkReceived(sender, receiver, amount, data)
