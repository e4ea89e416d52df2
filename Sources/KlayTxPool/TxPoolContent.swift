import KlayPrimitives

/// The pool's transactions grouped by sender, each group in nonce order (for `txpool_content`,
/// `txpool_inspect`).
public struct TxPoolContent: Sendable {
    /// Executable transactions.
    public let pending: [Address: [PooledTransaction]]
    /// Future transactions.
    public let queued: [Address: [PooledTransaction]]
}

/// How many transactions the pool holds (for `txpool_status`).
public struct TxPoolCounts: Sendable, Equatable {
    /// Executable transactions.
    public let pending: Int
    /// Future transactions.
    public let queued: Int

    public init(pending: Int, queued: Int) {
        self.pending = pending
        self.queued = queued
    }
}

/// Where a transaction stands in the pool.
public enum TxStatus: Sendable, Equatable {
    /// Not in the pool.
    case unknown
    /// Waiting for earlier nonces (or, from Magma, for the base fee to fall to its price).
    case queued
    /// Executable on the head's state.
    case pending
}
