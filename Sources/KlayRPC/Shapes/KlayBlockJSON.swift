import KlayChain
import KlayPrimitives
import KlayTypes

/// Klaytn's block object (spec/rpc.md §2.3; `RpcOutputBlock` in `api/api_public_blockchain.go`), in Go's
/// map order: no `miner`, `nonce`, `difficulty`, `gasLimit` or `uncles`; `baseFeePerGas` from the
/// EthTxType fork (`0x0` before Magma); `randomReveal` and `mixHash` from Randao.
enum KlayBlockJSON {
    /// What the `transactions` member holds.
    enum Transactions {
        /// No `transactions` member (the consensus-info block adds its own).
        case omitted
        /// Transaction hashes.
        case hashes
        /// Transaction objects (§2.1) with the block as context.
        case full
    }

    /// The block object; `totalBlockScore` is the chain's total block score at the block.
    static func block(_ block: Block, totalBlockScore: UInt256, rules: ChainRules, transactions: Transactions) -> JSONValue {
        let header = block.header
        var members: [(key: String, value: JSONValue)] = [
            ("number", .quantity(header.number)),
            ("hash", .string(block.hash.hex)),
            ("parentHash", .string(header.parentHash.hex)),
            ("logsBloom", .string(header.bloom.hex)),
            ("stateRoot", .string(header.stateRoot.hex)),
            ("reward", .string(header.rewardbase.hex)),
            ("blockScore", .quantity(header.blockScore)),
            ("totalBlockScore", .quantity(totalBlockScore)),
            ("extraData", .data(header.extra)),
            ("governanceData", .data(header.governance)),
            ("voteData", .data(header.vote)),
            ("size", .quantity(UInt64(block.encoded.count))),
            ("gasUsed", .quantity(header.gasUsed)),
            ("timestamp", .quantity(header.time)),
            ("timestampFoS", .quantity(UInt64(header.timeFoS))),
            ("transactionsRoot", .string(header.transactionsRoot.hex)),
            ("receiptsRoot", .string(header.receiptsRoot.hex)),
        ]
        switch transactions {
        case .omitted: break
        case .hashes: members.append(("transactions", .array(block.transactions.map { .string($0.hash.hex) })))
        case .full:
            members.append(("transactions", .array(block.transactions.indices.map { KlayTransactionJSON.transaction(in: block, index: $0) })))
        }
        if rules.ethTxTypes { members.append(("baseFeePerGas", .quantity(header.baseFee ?? .zero))) }
        if rules.randao {
            members.append(("randomReveal", .data(header.randomReveal)))
            members.append(("mixHash", .data(header.mixHash)))
        }
        return JSONValue.object(members).sortedByKey()
    }

    /// `object` with the members Klaytn nulls for the `pending` block: `hash`, `nonce` and `miner`
    /// (the last two are added, as nulls).
    static func asPending(_ object: JSONValue) -> JSONValue {
        object.setting([("hash", .null), ("nonce", .null), ("miner", .null)]).sortedByKey()
    }
}
