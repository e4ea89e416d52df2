import KlayPrimitives
import KlayTypes

/// A log with the block context the RPC reports (`blockHash`, `logIndex`, …); the store derives it from
/// where the receipt sits rather than storing it with every log.
public struct IndexedLog: Sendable, Hashable {
    /// The log as the contract emitted it.
    public let log: Log
    /// The hash of the block holding it.
    public let blockHash: Hash
    /// That block's number.
    public let blockNumber: UInt64
    /// The transaction that emitted it.
    public let transactionHash: Hash
    /// The transaction's position in the block.
    public let transactionIndex: Int
    /// The log's position among all logs of the block.
    public let logIndex: Int

    /// A log placed in its block.
    public init(log: Log, blockHash: Hash, blockNumber: UInt64, transactionHash: Hash, transactionIndex: Int, logIndex: Int) {
        self.log = log
        self.blockHash = blockHash
        self.blockNumber = blockNumber
        self.transactionHash = transactionHash
        self.transactionIndex = transactionIndex
        self.logIndex = logIndex
    }
}
