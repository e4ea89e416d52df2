import KlayPrimitives
import KlayStorage
import KlayTypes

extension ChainStore {
    /// Adds everything the chain keeps about `block` to `batch` and makes it the head: header, body,
    /// receipts (storage form, one list per block), senders (when given), the canonical entry
    /// number → hash, hash → number, a lookup entry per transaction, and — with `indexSenderTxHashes`
    /// (Klaytn's `--sendertxhashindexing`) — senderTxHash → tx hash for the fee-delegated transactions,
    /// the only ones where the two differ.
    ///
    /// `receipts` (and `senders`, if given) must have one entry per transaction, in block order (a
    /// count mismatch is a caller bug and stops the process); each receipt's `transactionHash` is the
    /// lookup key of its transaction.
    /// Nothing is visible to readers until the caller writes the batch.
    public func write(block: Block, receipts: [Receipt], senders: [Address]?, to batch: inout WriteBatch,
                      indexSenderTxHashes: Bool) {
        let transactions = block.transactions
        precondition(receipts.count == transactions.count,
                     "block \(block.number): \(receipts.count) receipts for \(transactions.count) transactions")
        precondition(senders.map { $0.count == transactions.count } ?? true,
                     "block \(block.number): \(senders?.count ?? 0) senders for \(transactions.count) transactions")
        let hash = block.hash
        let number = block.number
        batch.put(ChainKeys.header(number, hash), block.header.encoded)
        batch.put(ChainKeys.body(number, hash), Block.encodeBody(transactions))
        batch.put(ChainKeys.receipts(number, hash), StoredReceipts.encode(receipts))
        if let senders {
            batch.put(ChainKeys.senders(number, hash), StoredSenders.encode(senders))
        }
        batch.put(ChainKeys.canonicalHash(number), hash.bytes)
        batch.put(ChainKeys.blockNumber(hash), ChainKeys.encode(number))
        for (index, transaction) in transactions.enumerated() {
            // The receipt carries the hash the processor computed once; hashing every transaction again
            // here would double the block's encoding work.
            let transactionHash = receipts[index].transactionHash
            let location = TransactionLocation(blockHash: hash, blockNumber: number, index: index)
            batch.put(ChainKeys.txLookup(transactionHash), location.encoded)
            if indexSenderTxHashes && transaction.isFeeDelegated {
                batch.put(ChainKeys.senderTxHash(transaction.senderTxHash), transactionHash.bytes)
            }
        }
        batch.put(ChainKeys.head, ChainHead(hash: hash, number: number).encoded)
    }
}
