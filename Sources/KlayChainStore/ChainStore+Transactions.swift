import KlayPrimitives
import KlayStorage
import KlayTypes

/// Finding transactions by hash and by sender tx hash.
extension ChainStore {
    /// Where transaction `hash` sits in the chain, or nil if it is not in a stored block.
    public func transactionLocation(hash: Hash) throws(ChainStoreError) -> TransactionLocation? {
        let key = ChainKeys.txLookup(hash)
        guard let bytes = try value(key) else { return nil }
        guard let location = TransactionLocation(encoded: bytes) else {
            throw .corrupt(table: .txLookup, key: key, reason: "expected block hash(32) ‖ number(8) ‖ index(8), found \(bytes.count) bytes")
        }
        return location
    }

    /// Transaction `hash` with its place in the chain and its sender, or nil if it is not in a stored block.
    public func transaction(hash: Hash) throws(ChainStoreError) -> IndexedTransaction? {
        guard let location = try transactionLocation(hash: hash) else { return nil }
        let transactions = try requiredBody(hash: location.blockHash, number: location.blockNumber)
        guard location.index < transactions.count, transactions[location.index].hash == hash else {
            throw .corrupt(table: .txLookup, key: ChainKeys.txLookup(hash),
                           reason: "transaction \(location.index) of block \(location.blockNumber) is not this one")
        }
        let transaction = transactions[location.index]
        var sender = transaction.from
        if let senders = try senders(hash: location.blockHash, number: location.blockNumber) {
            guard senders.count == transactions.count else {
                throw .corrupt(table: .txSenders, key: ChainKeys.senders(location.blockNumber, location.blockHash),
                               reason: "\(senders.count) senders for \(transactions.count) transactions")
            }
            sender = senders[location.index]
        }
        return IndexedTransaction(transaction: transaction, location: location, sender: sender)
    }

    /// The hash of the fee-delegated transaction whose sender tx hash (the hash without the fee payer's
    /// part) is `senderTxHash`, or nil if none is indexed. Only blocks written with sender-tx-hash
    /// indexing on are indexed.
    public func transactionHash(senderTxHash: Hash) throws(ChainStoreError) -> Hash? {
        try hashValue(.senderTxHash, ChainKeys.senderTxHash(senderTxHash))
    }
}
