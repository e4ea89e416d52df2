import KlayPrimitives

/// A block number-or-hash parameter (Klaytn's `rpc.BlockNumberOrHash`). Both members are nil when the
/// argument was `null` or an object naming neither.
public struct RPCBlockNumberOrHash: Hashable, Sendable {
    /// The block number form.
    public var blockNumber: RPCBlockNumber?
    /// The block hash form.
    public var blockHash: Hash?
    /// With a hash: whether the block must be canonical.
    public var requireCanonical: Bool

    public init(blockNumber: RPCBlockNumber? = nil, blockHash: Hash? = nil, requireCanonical: Bool = false) {
        self.blockNumber = blockNumber
        self.blockHash = blockHash
        self.requireCanonical = requireCanonical
    }
}
