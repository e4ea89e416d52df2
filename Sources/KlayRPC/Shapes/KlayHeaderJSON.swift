import KlayChain
import KlayTypes

/// Klaytn's header object for `klay_getHeaderBy*` and the klay `newHeads` subscription (spec/rpc.md
/// §2.3; `RPCMarshalHeader` in `node/cn/filters/api.go`), in Go's map order. From the EthTxType fork it
/// has `baseFeePerGas` (`0x0` before Magma); from Randao `randomReveal` and `mixhash` (lower-case h).
enum KlayHeaderJSON {
    static func header(_ header: Header, rules: ChainRules) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("parentHash", .string(header.parentHash.hex)),
            ("reward", .string(header.rewardbase.hex)),
            ("stateRoot", .string(header.stateRoot.hex)),
            ("transactionsRoot", .string(header.transactionsRoot.hex)),
            ("receiptsRoot", .string(header.receiptsRoot.hex)),
            ("logsBloom", .string(header.bloom.hex)),
            ("blockScore", .quantity(header.blockScore)),
            ("number", .quantity(header.number)),
            ("gasUsed", .quantity(header.gasUsed)),
            ("timestamp", .quantity(header.time)),
            ("timestampFoS", .quantity(UInt64(header.timeFoS))),
            ("extraData", .data(header.extra)),
            ("governanceData", .data(header.governance)),
            ("voteData", .data(header.vote)),
            ("hash", .string(header.hash.hex)),
        ]
        if rules.ethTxTypes { members.append(("baseFeePerGas", .quantity(header.baseFee ?? .zero))) }
        if rules.randao {
            members.append(("randomReveal", .data(header.randomReveal)))
            members.append(("mixhash", .data(header.mixHash)))
        }
        return JSONValue.object(members).sortedByKey()
    }
}
