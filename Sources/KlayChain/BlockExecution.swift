import KlayPrimitives
import KlayTypes

/// What executing a block's transactions produced: the transactions that were applied (all of them
/// on import; on building, those that fit), their receipts, and the totals the header commits to.
public struct BlockExecution: Sendable {
    public var transactions: [RecoveredTransaction] = []
    public var receipts: [Receipt] = []
    public var gasUsed: UInt64 = 0
    public var bloom: Bloom = .zero
    /// On building: the transactions left out and why (invalid now, e.g. a nonce gap or a spent balance).
    public var skipped: [(hash: Hash, error: TransactionError)] = []
    /// On building: the time budget ran out before every candidate was tried.
    public var budgetExhausted = false

    public init() {}
}
