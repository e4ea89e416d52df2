import KlayTypes

/// What the core asks of the node in answer to an event.
public enum CoreAction: Sendable, Equatable {
    /// Send this message to the other validators. The core has already handled its own copy.
    case broadcast(IstanbulMessage)
    /// The block is final: its header carries the committed seals and the round. Insert it, then
    /// send `.start` for the next height.
    case commit(Block)
}
