import KlayChainStore
import KlayNode
import KlayPrimitives
import KlayTypes

extension RPCMethodRegistry {
    /// Registers the `eth` methods that answer in Ethereum's formats or stand in for mining
    /// (`api/api_ethereum.go`): `blockNumber`, `chainId`, `syncing`, `coinbase`, `etherbase`, `mining`,
    /// `hashrate`, `getHashrate`, `getWork`, `submitWork`, `submitHashrate`, `getBlockByNumber`,
    /// `getBlockByHash`, `getHeaderByNumber`, `getHeaderByHash`, `getBlockReceipts`,
    /// `getBlockTransactionCountByNumber`, `getBlockTransactionCountByHash`, the four uncle methods,
    /// `getTransactionByHash`, `getTransactionByBlockNumberAndIndex`, `getTransactionByBlockHashAndIndex`,
    /// the three `getRawTransaction…` methods, `getTransactionReceipt` and `pendingTransactions`.
    /// Unknown blocks and transactions answer null (Klaytn converts its "does not exist" errors).
    public func registerEthereumMethods(_ node: NodeServices) {
        register("eth", "blockNumber") { _ in .quantity(node.chain.head.number) }
        register("eth", "chainId") { _ in node.chain.config.chainId.map { .quantity($0) } ?? .null }
        register("eth", "syncing") { _ in .bool(false) }
        for name in ["coinbase", "etherbase"] {
            register("eth", name) { _ in .string(node.nodeAddress.hex) }
        }
        register("eth", "mining") { _ in .bool(false) }
        register("eth", "hashrate") { _ in .quantity(0 as UInt64) }
        register("eth", "getHashrate") { _ in .integer(0) }
        register("eth", "getWork") { _ throws(RPCError) in throw .server("no mining work available yet") }
        register("eth", "submitWork") { params throws(RPCError) in
            _ = try params.decode(.blockNonce, .hash, .hash)
            return .bool(false)
        }
        register("eth", "submitHashrate") { params throws(RPCError) in
            _ = try params.decode(.uint64, .hash)
            return .bool(false)
        }
        registerEthereumBlockMethods(node)
        registerEthereumTransactionMethods(node)
    }

    private func registerEthereumBlockMethods(_ node: NodeServices) {
        register("eth", "getBlockByNumber") { params throws(RPCError) in
            let (number, full) = try params.decode(.blockNumber, .bool)
            guard let block = node.block(number) else { return .null }
            let object = try node.ethereumBlockJSON(block, fullTransactions: full)
            return number == .pending ? KlayBlockJSON.asPending(object) : object
        }
        register("eth", "getBlockByHash") { params throws(RPCError) in
            let (hash, full) = try params.decode(.hash, .bool)
            guard let block = try? node.chain.chainStore.block(hash: hash) else { return .null }
            return try node.ethereumBlockJSON(block, fullTransactions: full)
        }
        register("eth", "getHeaderByNumber") { params throws(RPCError) in
            let (number) = try params.decode(.blockNumber)
            guard let header = node.header(number) else { return .null }
            let object = try node.ethereumHeaderJSON(header)
            return number == .pending ? KlayBlockJSON.asPending(object) : object
        }
        register("eth", "getHeaderByHash") { params throws(RPCError) in
            let (hash) = try params.decode(.hash)
            guard let header = try? node.chain.chainStore.header(hash: hash) else { return .null }
            return (try? node.ethereumHeaderJSON(header)) ?? .null
        }
        register("eth", "getBlockReceipts") { params throws(RPCError) in
            let (selector) = try params.decode(.blockNumberOrHash)
            let block = try node.requireBlock(selector)
            return .array(EthReceiptJSON.receipts(of: block, receipts: try node.receipts(of: block)))
        }
        register("eth", "getBlockTransactionCountByNumber") { params throws(RPCError) in
            let (number) = try params.decode(.blockNumber)
            return node.block(number).map { .quantity(UInt64($0.transactions.count)) } ?? .null
        }
        register("eth", "getBlockTransactionCountByHash") { params throws(RPCError) in
            let (hash) = try params.decode(.hash)
            return (try? node.chain.chainStore.transactionCount(hash: hash)).flatMap { $0 }.map { .quantity(UInt64($0)) } ?? .null
        }
        register("eth", "getUncleByBlockNumberAndIndex") { params throws(RPCError) in
            _ = try params.decode(.blockNumber, .uint)
            return .null
        }
        register("eth", "getUncleByBlockHashAndIndex") { params throws(RPCError) in
            _ = try params.decode(.hash, .uint)
            return .null
        }
        register("eth", "getUncleCountByBlockNumber") { params throws(RPCError) in
            let (number) = try params.decode(.blockNumber)
            return node.block(number) == nil ? .null : .quantity(0 as UInt64)
        }
        register("eth", "getUncleCountByBlockHash") { params throws(RPCError) in
            let (hash) = try params.decode(.hash)
            return (try? node.chain.chainStore.blockNumber(hash: hash)).flatMap { $0 } == nil ? .null : .quantity(0 as UInt64)
        }
    }

    private func registerEthereumTransactionMethods(_ node: NodeServices) {
        register("eth", "getTransactionByHash") { params throws(RPCError) in
            let (hash) = try params.decode(.hash)
            switch node.findTransaction(hash) {
            case .included(let indexed)?:
                guard let header = try? node.chain.chainStore.header(hash: indexed.location.blockHash) else {
                    throw .server("can't find a block in database")
                }
                return EthTransactionJSON.transaction(indexed.transaction, at: indexed.location, header: header)
            case .pooled(let pooled)?:
                return EthTransactionJSON.transaction(pooled.transaction, at: nil, header: nil)
            case nil:
                return .null
            }
        }
        register("eth", "getTransactionByBlockNumberAndIndex") { params throws(RPCError) in
            let (number, index) = try params.decode(.blockNumber, .uint)
            return Self.ethereumTransaction(in: node.block(number), index: index)
        }
        register("eth", "getTransactionByBlockHashAndIndex") { params throws(RPCError) in
            let (hash, index) = try params.decode(.hash, .uint)
            return Self.ethereumTransaction(in: try? node.chain.chainStore.block(hash: hash), index: index)
        }
        register("eth", "getRawTransactionByHash") { params throws(RPCError) in
            let (hash) = try params.decode(.hash)
            return .data(node.findTransaction(hash)?.transaction.ethereumRawBytes ?? [])
        }
        register("eth", "getRawTransactionByBlockNumberAndIndex") { params throws(RPCError) in
            let (number, index) = try params.decode(.blockNumber, .uint)
            return .data(node.block(number).flatMap { Self.transaction(in: $0, index: index) }?.ethereumRawBytes ?? [])
        }
        register("eth", "getRawTransactionByBlockHashAndIndex") { params throws(RPCError) in
            let (hash, index) = try params.decode(.hash, .uint)
            let block = try? node.chain.chainStore.block(hash: hash)
            return .data(block.flatMap { Self.transaction(in: $0, index: index) }?.ethereumRawBytes ?? [])
        }
        register("eth", "getTransactionReceipt") { params throws(RPCError) in
            let (hash) = try params.decode(.hash)
            guard let found = node.includedReceipt(hash),
                  let receipts = try? node.chain.chainStore.receipts(blockHash: found.receipt.location.blockHash) else { return .null }
            let cumulativeGasUsed = receipts.prefix(found.receipt.location.index + 1).reduce(0) { $0 + $1.gasUsed }
            return EthReceiptJSON.receipt(found.receipt.receipt, of: found.transaction, at: found.receipt.location, header: found.header,
                                          cumulativeGasUsed: cumulativeGasUsed, logs: found.receipt.logs)
        }
        register("eth", "pendingTransactions") { _ in
            .array(node.pendingLocalTransactions().map { EthTransactionJSON.transaction($0.transaction, at: nil, header: nil) })
        }
    }

    /// The Ethereum transaction object of transaction `index` of `block`, or null without a block or past its end.
    static func ethereumTransaction(in block: Block?, index: UInt64) -> JSONValue {
        guard let block, index < UInt64(block.transactions.count) else { return .null }
        return EthTransactionJSON.transaction(in: block, index: Int(index))
    }
}
