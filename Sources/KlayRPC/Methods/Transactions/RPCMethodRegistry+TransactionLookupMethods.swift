import KlayChainStore
import KlayNode
import KlayPrimitives
import KlayTypes

extension RPCMethodRegistry {
    /// Registers the `klay` transaction-reading methods (`api/api_public_transaction_pool.go`):
    /// `getTransactionByHash`, `getTransactionBySenderTxHash`, `getTransactionByBlockNumberAndIndex`,
    /// `getTransactionByBlockHashAndIndex`, `getRawTransactionByHash`,
    /// `getRawTransactionByBlockNumberAndIndex`, `getRawTransactionByBlockHashAndIndex`,
    /// `getTransactionReceipt`, `getTransactionReceiptBySenderTxHash`, `pendingTransactions` and
    /// `getDecodedAnchoringTransactionByHash`.
    public func registerTransactionLookupMethods(_ node: NodeServices) {
        register("klay", "getTransactionByHash") { params throws(RPCError) in
            let (hash) = try params.decode(.hash)
            return Self.klayTransaction(hash, node: node)
        }
        register("klay", "getTransactionBySenderTxHash") { params throws(RPCError) in
            let (senderTxHash) = try params.decode(.hash)
            return Self.klayTransaction(node.transactionHash(senderTxHash: senderTxHash), node: node)
        }
        register("klay", "getTransactionByBlockNumberAndIndex") { params throws(RPCError) in
            let (number, index) = try params.decode(.blockNumber, .uint)
            return Self.klayTransaction(in: try node.requireBlock(number), index: index)
        }
        register("klay", "getTransactionByBlockHashAndIndex") { params throws(RPCError) in
            let (hash, index) = try params.decode(.hash, .uint)
            return Self.klayTransaction(in: try node.requireBlock(hash: hash), index: index)
        }
        register("klay", "getRawTransactionByHash") { params throws(RPCError) in
            let (hash) = try params.decode(.hash)
            // Go writes a nil hexutil.Bytes as "0x".
            return .data(node.findTransaction(hash)?.transaction.rawBytes ?? [])
        }
        register("klay", "getRawTransactionByBlockNumberAndIndex") { params throws(RPCError) in
            let (number, index) = try params.decode(.blockNumber, .uint)
            return .data(Self.transaction(in: try node.requireBlock(number), index: index)?.rawBytes ?? [])
        }
        register("klay", "getRawTransactionByBlockHashAndIndex") { params throws(RPCError) in
            let (hash, index) = try params.decode(.hash, .uint)
            return .data(Self.transaction(in: try node.requireBlock(hash: hash), index: index)?.rawBytes ?? [])
        }
        register("klay", "getTransactionReceipt") { params throws(RPCError) in
            let (hash) = try params.decode(.hash)
            return Self.klayReceipt(hash, node: node)
        }
        register("klay", "getTransactionReceiptBySenderTxHash") { params throws(RPCError) in
            let (senderTxHash) = try params.decode(.hash)
            return Self.klayReceipt(node.transactionHash(senderTxHash: senderTxHash), node: node)
        }
        register("klay", "pendingTransactions") { _ in
            .array(node.pendingLocalTransactions().map { KlayTransactionJSON.transaction($0.transaction, at: nil) })
        }
        register("klay", "getDecodedAnchoringTransactionByHash") { params throws(RPCError) in
            let (hash) = try params.decode(.hash)
            guard let transaction = node.findTransaction(hash)?.transaction else { throw .server("can't find the transaction") }
            guard transaction.type.descriptor.family == .chainDataAnchoring else { throw .server("invalid transaction type") }
            return try AnchoredDataJSON.decoded(transaction.input)
        }
    }

    /// The transaction object of `hash` from the chain (without block context, as Klaytn passes none) or
    /// the pool; null when unknown.
    static func klayTransaction(_ hash: Hash, node: NodeServices) -> JSONValue {
        switch node.findTransaction(hash) {
        case .included(let indexed)?: KlayTransactionJSON.transaction(indexed.transaction, at: indexed.location)
        case .pooled(let pooled)?: KlayTransactionJSON.transaction(pooled.transaction, at: nil)
        case nil: .null
        }
    }

    /// Transaction `index` of `block`, or nil past its end.
    static func transaction(in block: Block, index: UInt64) -> Transaction? {
        index < UInt64(block.transactions.count) ? block.transactions[Int(index)] : nil
    }

    /// The transaction object of transaction `index` of `block`, or null past its end.
    static func klayTransaction(in block: Block, index: UInt64) -> JSONValue {
        guard index < UInt64(block.transactions.count) else { return .null }
        return KlayTransactionJSON.transaction(in: block, index: Int(index))
    }

    /// The receipt object of transaction `hash`, or null when it is not in a stored block.
    static func klayReceipt(_ hash: Hash, node: NodeServices) -> JSONValue {
        guard let found = node.includedReceipt(hash) else { return .null }
        return KlayReceiptJSON.receipt(found.receipt.receipt, of: found.transaction, at: found.receipt.location,
                                       header: found.header, logs: found.receipt.logs)
    }
}
