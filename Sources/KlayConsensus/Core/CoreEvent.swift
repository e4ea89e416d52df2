import KlayTypes

/// What can happen to the core. The node turns sockets, the miner and the chain into these.
public enum CoreEvent: Sendable {
    /// Start agreeing on the block after `parent`, voted on by `validators` (the council of `parent`'s
    /// snapshot). Sent at start-up and after every committed or imported block.
    case start(parent: Header, validators: ValidatorSet)
    /// This node's miner has a proposer-sealed block for the current height.
    case proposal(Block)
    /// A message from the network (or this node's own, echoed back).
    case message(IstanbulMessage)
}
