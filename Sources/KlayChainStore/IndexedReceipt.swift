import KlayPrimitives
import KlayTypes

/// A receipt found by transaction hash, with its place in the chain and its logs in block context.
public struct IndexedReceipt: Sendable, Equatable {
    /// The receipt as stored.
    public let receipt: Receipt
    /// Where its transaction sits in the chain.
    public let location: TransactionLocation
    /// The receipt's logs, numbered within the block.
    public let logs: [IndexedLog]

    /// Bundles a receipt with its location and numbered logs.
    public init(receipt: Receipt, location: TransactionLocation, logs: [IndexedLog]) {
        self.receipt = receipt
        self.location = location
        self.logs = logs
    }
}
