import KlayPrimitives
import KlayStorage
import KlayTypes

/// Reading receipts and logs.
extension ChainStore {
    /// The receipts of block `hash`, in transaction order, or nil if the block is unknown.
    public func receipts(blockHash hash: Hash) throws(ChainStoreError) -> [Receipt]? {
        if let receipts = receiptCache[hash] { return receipts }
        guard let number = try blockNumber(hash: hash) else { return nil }
        return try requiredReceipts(hash: hash, number: number)
    }

    /// The receipts of the canonical block at `number`, or nil beyond the head.
    public func receipts(number: UInt64) throws(ChainStoreError) -> [Receipt]? {
        guard let hash = try canonicalHash(number: number) else { return nil }
        return try requiredReceipts(hash: hash, number: number)
    }

    /// The receipt of transaction `transactionHash` with its place in the chain and its logs numbered
    /// within the block, or nil if the transaction is not in a stored block.
    public func receipt(transactionHash: Hash) throws(ChainStoreError) -> IndexedReceipt? {
        guard let location = try transactionLocation(hash: transactionHash) else { return nil }
        let receipts = try requiredReceipts(hash: location.blockHash, number: location.blockNumber)
        guard location.index < receipts.count, receipts[location.index].transactionHash == transactionHash else {
            throw .corrupt(table: .txLookup, key: ChainKeys.txLookup(transactionHash),
                           reason: "receipt \(location.index) of block \(location.blockNumber) is not this transaction's")
        }
        let firstLogIndex = receipts[..<location.index].reduce(0) { $0 + $1.logs.count }
        let receipt = receipts[location.index]
        return IndexedReceipt(receipt: receipt, location: location,
                              logs: Self.indexedLogs(of: receipt, at: location, firstLogIndex: firstLogIndex))
    }

    /// Every log of block `hash` with its block context, in block order (empty for an unknown block).
    public func logs(blockHash hash: Hash) throws(ChainStoreError) -> [IndexedLog] {
        guard let number = try blockNumber(hash: hash) else { return [] }
        var logs: [IndexedLog] = []
        for (index, receipt) in try requiredReceipts(hash: hash, number: number).enumerated() {
            let location = TransactionLocation(blockHash: hash, blockNumber: number, index: index)
            logs += Self.indexedLogs(of: receipt, at: location, firstLogIndex: logs.count)
        }
        return logs
    }

    func requiredReceipts(hash: Hash, number: UInt64) throws(ChainStoreError) -> [Receipt] {
        if let receipts = receiptCache[hash] { return receipts }
        let key = ChainKeys.receipts(number, hash)
        let bytes = try requiredValue(.receipts, key)
        let receipts: [Receipt]
        do {
            receipts = try StoredReceipts.decode(bytes)
        } catch {
            throw .corrupt(table: .receipts, key: key, reason: "\(error)")
        }
        receiptCache.insert(receipts, for: hash)
        return receipts
    }

    private static func indexedLogs(of receipt: Receipt, at location: TransactionLocation, firstLogIndex: Int) -> [IndexedLog] {
        receipt.logs.enumerated().map { offset, log in
            IndexedLog(log: log, blockHash: location.blockHash, blockNumber: location.blockNumber,
                       transactionHash: receipt.transactionHash, transactionIndex: location.index,
                       logIndex: firstLogIndex + offset)
        }
    }
}
