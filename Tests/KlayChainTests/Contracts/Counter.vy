# pragma version 0.4.0
# A counter for the chain tests: storage writes, an event with an indexed topic, a revert path.

event Incremented:
    caller: indexed(address)
    value: uint256

value: public(uint256)
owner: public(address)

@deploy
def __init__(start: uint256):
    self.value = start
    self.owner = msg.sender

@external
def increment(by: uint256) -> uint256:
    assert by > 0, "zero step"
    self.value += by
    log Incremented(msg.sender, self.value)
    return self.value
