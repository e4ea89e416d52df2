import KlayPrimitives
import KlayTypes

/// A transaction found by hash, with its place in the chain and its sender.
public struct IndexedTransaction: Sendable, Equatable {
    /// The transaction as stored in the block body.
    public let transaction: Transaction
    /// Where it sits in the chain.
    public let location: TransactionLocation
    /// The sender recorded when the block was written, else the `from` field of Klaytn types; nil for an
    /// Ethereum-form transaction stored without senders (recover it from the signature).
    public let sender: Address?

    /// Bundles a transaction with its location and sender.
    public init(transaction: Transaction, location: TransactionLocation, sender: Address?) {
        self.transaction = transaction
        self.location = location
        self.sender = sender
    }
}
