import KlayPrimitives

extension Transaction {
    /// The transaction as Klaytn's JSON-RPC transaction object (spec/rpc.md §2.1; `MakeRPCOutput` plus
    /// `senderTxHash`, `from` and `hash`), without the block-location fields (`blockHash`, `blockNumber`,
    /// `transactionIndex`). Keys are in Go's map order (sorted), as Klaytn prints them.
    ///
    /// `from` is the `from` field for Klaytn types and the signer recovered with the transaction's own chain
    /// id for legacy and Ethereum types (the zero address if that fails, as Klaytn's `getFrom` does).
    /// `gasPrice` of an EIP-1559 transaction is `baseFee` when given (a block after Magma), else its
    /// `maxFeePerGas` (pending, or before Magma).
    public func rpcJSON(baseFee: UInt256? = nil) -> JSONValue {
        let fields = type.descriptor.fields
        var members: [(key: String, value: JSONValue)] = [
            ("typeInt", .integer(type.rawValue)),
            ("type", .string(type.name)),
            ("hash", .string(hash.hex)),
            ("senderTxHash", .string(senderTxHash.hex)),
            ("from", .string(rpcFrom.hex)),
            ("nonce", .quantity(nonce)),
            ("gas", .quantity(gas)),
        ]
        if type == .ethereumDynamicFee {
            members.append(("gasPrice", .quantity(baseFee ?? gasPrice)))
            members.append(("maxFeePerGas", .quantity(gasPrice)))
            members.append(("maxPriorityFeePerGas", .quantity(gasTipCap)))
        } else {
            members.append(("gasPrice", .quantity(gasPrice)))
        }
        if fields.contains(.chainID) { members.append(("chainId", .quantity(chainIDField))) }
        if fields.contains(.to) || fields.contains(.toOrNil) {
            members.append(("to", to.map { .string($0.hex) } ?? .null))
        }
        if fields.contains(.value) { members.append(("value", .quantity(value))) }
        if fields.contains(.input) { members.append(("input", .data(input))) }
        if type.descriptor.family == .chainDataAnchoring {
            members.append(("inputJSON", Self.anchoringDataJSON(input) ?? .null))
        }
        if fields.contains(.key) { members.append(("key", .data(key))) }
        if fields.contains(.humanReadable) { members.append(("humanReadable", .bool(humanReadable))) }
        if fields.contains(.codeFormat) { members.append(("codeFormat", .quantity(UInt64(codeFormat)))) }
        if fields.contains(.accessList) {
            members.append(("accessList", .array(accessList.map { entry in
                .object([
                    ("address", .string(entry.address.hex)),
                    ("storageKeys", .array(entry.storageKeys.map { .string($0.hex) })),
                ])
            })))
        }
        members.append(("signatures", Self.signaturesJSON(signatures)))
        if isFeeDelegated {
            members.append(("feePayer", .string((feePayer ?? .zero).hex)))
            members.append(("feePayerSignatures", Self.signaturesJSON(feePayerSignatures)))
        }
        if fields.contains(.feeRatio) { members.append(("feeRatio", .quantity(UInt64(feeRatio)))) }
        return JSONValue.object(members).sortedByKey()
    }

    /// `[{"V": …, "R": …, "S": …}, …]` with upper-case keys in that order (Go's `TxSignatureJSON`).
    public static func signaturesJSON(_ signatures: [TxSignature]) -> JSONValue {
        .array(signatures.map { .object([("V", .quantity($0.v)), ("R", .quantity($0.r)), ("S", .quantity($0.s))]) })
    }

    /// The sender as Klaytn's RPC shows it (`getFrom`): the `from` field of Klaytn types, the signer
    /// recovered with the transaction's own chain id for legacy and Ethereum types, the zero address
    /// when there is none.
    public var rpcFrom: Address {
        if type.encoding == .klaytn { return from ?? .zero }
        guard let chain = (chainID ?? .zero).uint64Value, let sender = try? sender(chainID: chain) else { return .zero }
        return sender
    }

    /// Anchored data decoded as Klaytn's `DecodeAnchoringDataToJSON` does (spec/servicechain.md §1.3): the
    /// type-0 form `rlp([0, bytes(rlp([5 hashes, blockNumber, blockCount, txCount]))])`, the JSON form
    /// `rlp([128, bytes(json object)])`, or the legacy `rlp([5 hashes, blockNumber])`. Nil when none fits
    /// (the RPC shows `null`).
    public static func anchoringDataJSON(_ data: [UInt8]) -> JSONValue? {
        var reader = RLPReader(data)
        if let (kind, payload) = try? readTypedAnchoring(&reader) {
            switch kind {
            case 0: return try? anchoringBlockJSON(payload, counts: true)
            case 128:
                guard let parsed = try? JSONValue(parsing: payload) else { return nil }
                switch parsed {
                case .object: return parsed.goRoundTripped()
                case .null: return .null
                default: return nil  // Go cannot unmarshal it into a map
                }
            default: return nil
            }
        }
        return try? anchoringBlockJSON(data[...], counts: false)
    }

    /// `rlp([type uint8, data bytes])`, the whole input.
    private static func readTypedAnchoring(_ reader: inout RLPReader) throws -> (UInt8, ArraySlice<UInt8>) {
        var list = try reader.readList()
        let kind = try list.readBigEndianInteger(maxBytes: 1).first ?? 0
        let payload = try list.readBytes()
        try list.finish()
        try reader.finish()
        return (kind, payload)
    }

    /// The block summary struct: five hashes and the block number (a Go `*big.Int`, any size), plus
    /// `blockCount` and `txCount` in the type-0 form. Hashes print as hex, the integers as JSON numbers.
    private static func anchoringBlockJSON(_ bytes: ArraySlice<UInt8>, counts: Bool) throws -> JSONValue {
        var reader = RLPReader(bytes)
        var list = try reader.readList()
        var members: [(key: String, value: JSONValue)] = []
        for name in ["blockHash", "transactionsRoot", "parentHash", "receiptsRoot", "stateRoot"] {
            let hash: Hash = try TxError.fixed(try list.readBytes(), field: name)
            members.append((name, .string(hash.hex)))
        }
        for name in counts ? ["blockNumber", "blockCount", "txCount"] : ["blockNumber"] {
            let integer = try list.readBigEndianInteger(maxBytes: Int.max)
            members.append((name, .number(decimalText(integer))))
        }
        try list.finish()
        try reader.finish()
        return .object(members)
    }

    /// Decimal digits of a big-endian unsigned integer of any length.
    static func decimalText(_ bigEndian: ArraySlice<UInt8>) -> String {
        var number = Array(bigEndian.drop { $0 == 0 })
        if number.isEmpty { return "0" }
        var chunks: [UInt64] = []  // base 10^9, least significant first
        while !number.isEmpty {
            var remainder: UInt64 = 0
            var quotient: [UInt8] = []
            quotient.reserveCapacity(number.count)
            for byte in number {
                let current = remainder << 8 | UInt64(byte)
                let digit = current / 1_000_000_000
                remainder = current % 1_000_000_000
                if !(quotient.isEmpty && digit == 0) { quotient.append(UInt8(digit)) }
            }
            chunks.append(remainder)
            number = quotient
        }
        var text = String(chunks.last!)
        for chunk in chunks.dropLast().reversed() {
            let part = String(chunk)
            text += String(repeating: "0", count: 9 - part.count) + part
        }
        return text
    }
}
