import KlayNode
import KlayPrimitives
import KlayTypes

extension RPCMethodRegistry {
    /// Klaytn's protocol version (`klay/65`), what `klay_protocolVersion` reports.
    static let klaytnProtocolVersion: UInt64 = 65

    /// Registers the `klay` chain-reading methods (`api/api_public_blockchain.go`, `api_public_klay.go`,
    /// `api_public_transaction_pool.go`, `node/cn/api.go`): `blockNumber`, `chainID`, `chainId`,
    /// `protocolVersion`, `syncing`, `getBlockByNumber`, `getBlockByHash`, `getHeaderByNumber`,
    /// `getHeaderByHash`, `getBlockReceipts`, `getBlockTransactionCountByNumber`,
    /// `getBlockTransactionCountByHash`, `forkStatus`, `isParallelDBWrite`,
    /// `isSenderTxHashIndexingEnabled` and `rewardbase`. Unknown blocks are errors, as in Klaytn.
    public func registerChainMethods(_ node: NodeServices) {
        register("klay", "blockNumber") { _ in .quantity(node.chain.head.number) }
        for name in ["chainID", "chainId"] {
            register("klay", name) { _ in node.chain.config.chainId.map { .quantity($0) } ?? .null }
        }
        register("klay", "protocolVersion") { _ in .quantity(Self.klaytnProtocolVersion) }
        register("klay", "syncing") { _ in .bool(false) }
        register("klay", "getBlockByNumber") { params throws(RPCError) in
            let (number, full) = try params.decode(.blockNumber, .bool)
            let block = node.klayBlockJSON(try node.requireBlock(number), transactions: full ? .full : .hashes)
            return number == .pending ? KlayBlockJSON.asPending(block) : block
        }
        register("klay", "getBlockByHash") { params throws(RPCError) in
            let (hash, full) = try params.decode(.hash, .bool)
            return node.klayBlockJSON(try node.requireBlock(hash: hash), transactions: full ? .full : .hashes)
        }
        register("klay", "getHeaderByNumber") { params throws(RPCError) in
            let (number) = try params.decode(.blockNumber)
            return node.klayHeaderJSON(try node.requireHeader(number))
        }
        register("klay", "getHeaderByHash") { params throws(RPCError) in
            let (hash) = try params.decode(.hash)
            return node.klayHeaderJSON(try node.requireHeader(hash: hash))
        }
        register("klay", "getBlockReceipts") { params throws(RPCError) in
            let (selector) = try params.decode(.blockNumberOrHash)
            let block = try node.requireBlock(selector)
            return .array(KlayReceiptJSON.receipts(of: block, receipts: try node.receipts(of: block)))
        }
        register("klay", "getBlockTransactionCountByNumber") { params throws(RPCError) in
            let (number) = try params.decode(.blockNumber)
            return .quantity(UInt64(try node.requireBlock(number).transactions.count))
        }
        register("klay", "getBlockTransactionCountByHash") { params throws(RPCError) in
            let (hash) = try params.decode(.hash)
            return .quantity(UInt64(try node.requireBlock(hash: hash).transactions.count))
        }
        register("klay", "forkStatus") { params throws(RPCError) in
            let (number) = try params.decode(.blockNumber)
            let header = try node.requireBlock(number).header
            return Self.forkStatus(node: node, header: header)
        }
        register("klay", "isParallelDBWrite") { _ in .bool(false) }
        register("klay", "isSenderTxHashIndexingEnabled") { _ in .bool(node.chain.indexesSenderTxHashes) }
        register("klay", "rewardbase") { _ throws(RPCError) in
            guard let rewardbase = node.rewardbase ?? node.accounts.accounts.first else {
                throw .server("rewardbase must be explicitly specified")
            }
            return .string(rewardbase.hex)
        }
    }

    /// `klay_forkStatus`: every field of Klaytn's `params.Rules` by its Go name, plus `IsKIP103`, in
    /// Go's map order. `ChainID` is a plain JSON number.
    static func forkStatus(node: NodeServices, header: Header) -> JSONValue {
        let number = header.number.uint64Value ?? .max
        let config = node.chain.config
        var members: [(key: String, value: JSONValue)] = [
            ("ChainID", .number((config.chainId ?? .zero).description)),
            ("IsKIP103", .bool(config.isKIP103Block(number))),
        ]
        let forks: [(String, Hardfork)] = [
            ("IsIstanbul", .istanbul), ("IsLondon", .london), ("IsEthTxType", .ethTxType), ("IsMagma", .magma),
            ("IsKore", .kore), ("IsShanghai", .shanghai), ("IsCancun", .cancun), ("IsDragon", .dragon), ("IsRandao", .randao),
        ]
        for (name, fork) in forks { members.append((name, .bool(config.isActive(fork, at: number)))) }
        return JSONValue.object(members).sortedByKey()
    }
}
