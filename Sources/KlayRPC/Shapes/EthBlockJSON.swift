import KlayChain
import KlayPrimitives
import KlayTypes

/// The Ethereum-format header and block of the `eth` namespace (spec/rpc.md §2.4; `rpcMarshalHeader`
/// and `rpcMarshalBlock` in `api/api_ethereum.go`), in Go's map order.
enum EthBlockJSON {
    /// keccak256(rlp([])): the uncle hash of a block without uncles.
    static let emptyUnclesHash = "0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347"
    /// `params.UpperGasLimit` (999 999 999 999), shown as the gas limit: Klaytn has no block gas limit.
    static let upperGasLimit: UInt64 = 999_999_999_999
    /// `reflect.TypeOf(Header{}).Size()` of Klaytn's Go header on a 64-bit machine: the constant part of
    /// `Header.Size()`.
    static let goHeaderStructSize = 576

    /// The header object. `miner` is the proposer recovered from the seal (zero for block 0);
    /// `totalBlockScore` the chain's total block score at the header.
    static func header(_ header: Header, miner: Address, totalBlockScore: UInt256, rules: ChainRules) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("number", .quantity(header.number)),
            ("hash", .string(header.hash.hex)),
            ("parentHash", .string(header.parentHash.hex)),
            ("nonce", .string("0x0000000000000000")),
            ("mixHash", .string(Hash.zero.hex)),
            ("sha3Uncles", .string(emptyUnclesHash)),
            ("logsBloom", .string(header.bloom.hex)),
            ("stateRoot", .string(header.stateRoot.hex)),
            ("miner", .string(miner.hex)),
            ("difficulty", .quantity(header.blockScore)),
            ("totalDifficulty", .quantity(totalBlockScore)),
            ("extraData", .string("0x")),
            ("size", .quantity(UInt64(goHeaderSize(header)))),
            ("gasLimit", .quantity(upperGasLimit)),
            ("gasUsed", .quantity(header.gasUsed)),
            ("timestamp", .quantity(header.time)),
            ("transactionsRoot", .string(header.transactionsRoot.hex)),
            ("receiptsRoot", .string(header.receiptsRoot.hex)),
        ]
        if rules.ethTxTypes { members.append(("baseFeePerGas", .quantity(header.baseFee ?? .zero))) }
        if rules.randao {
            members.append(("randomReveal", .data(header.randomReveal)))
            members = members.filter { $0.key != "mixHash" } + [("mixHash", .data(header.mixHash))]
        }
        return JSONValue.object(members).sortedByKey()
    }

    /// The block object: the header object with the block's encoded `size`, `transactions` (hashes, or
    /// Ethereum transaction objects when `fullTransactions`) and empty `uncles`.
    static func block(_ block: Block, miner: Address, totalBlockScore: UInt256, rules: ChainRules, fullTransactions: Bool) -> JSONValue {
        let transactions: [JSONValue] = fullTransactions
            ? block.transactions.indices.map { EthTransactionJSON.transaction(in: block, index: $0) }
            : block.transactions.map { .string($0.hash.hex) }
        return header(block.header, miner: miner, totalBlockScore: totalBlockScore, rules: rules).setting([
            ("size", .quantity(UInt64(block.encoded.count))),
            ("transactions", .array(transactions)),
            ("uncles", .array([])),
        ]).sortedByKey()
    }

    /// Klaytn's `Header.Size()`, an estimate of the Go struct's memory: the struct size, the byte
    /// fields' lengths, and the bit lengths of block score, number, time (and base fee) over 8.
    static func goHeaderSize(_ header: Header) -> Int {
        let bytes = header.extra.count + header.governance.count + header.vote.count + header.randomReveal.count + header.mixHash.count
        let bigIntegers = (header.blockScore.bitLength + header.number.bitLength + header.time.bitLength) / 8
        return goHeaderStructSize + bytes + bigIntegers + (header.baseFee.map { $0.bitLength / 8 } ?? 0)
    }
}
