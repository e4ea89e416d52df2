import KlayPrimitives
import KlayTypes

/// The `tx` member of signing results: Klaytn's per-type `MarshalJSON` (`klay_signTransaction`, spec/rpc.md
/// §2.1 note) and the Ethereum `ethTxJSON` (`eth_signTransaction`, `eth_fillTransaction`, §2.7). Both are
/// Go structs, so their keys keep field order.
enum SignedTransactionJSON {
    /// Klaytn's type JSON: `typeInt` and `type` (not for legacy), the type's fields in wire order
    /// (`inputJSON` after an anchoring `input`), `signatures`, the fee payer part, and `hash`.
    static func klaytn(_ tx: Transaction) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = []
        if tx.type != .legacy {
            members.append(("typeInt", .integer(tx.type.rawValue)))
            members.append(("type", .string(tx.type.name)))
        }
        for field in tx.type.descriptor.fields {
            switch field {
            case .chainID: members.append(("chainId", .quantity(tx.chainIDField)))
            case .nonce: members.append(("nonce", .quantity(tx.nonce)))
            case .gasPrice: members.append(("gasPrice", .quantity(tx.gasPrice)))
            case .gasTipCap: members.append(("maxPriorityFeePerGas", .quantity(tx.gasTipCap)))
            case .gasFeeCap: members.append(("maxFeePerGas", .quantity(tx.gasPrice)))
            case .gas: members.append(("gas", .quantity(tx.gas)))
            case .to: members.append(("to", .string((tx.to ?? .zero).hex)))
            case .toOrNil: members.append(("to", tx.to.map { .string($0.hex) } ?? .null))
            case .value: members.append(("value", .quantity(tx.value)))
            case .from: members.append(("from", .string((tx.from ?? .zero).hex)))
            case .input:
                members.append(("input", .data(tx.input)))
                if tx.type.descriptor.family == .chainDataAnchoring {
                    members.append(("inputJSON", Transaction.anchoringDataJSON(tx.input) ?? .null))
                }
            case .humanReadable: members.append(("humanReadable", .bool(tx.humanReadable)))
            case .codeFormat: members.append(("codeFormat", .quantity(UInt64(tx.codeFormat))))
            case .feeRatio: members.append(("feeRatio", .quantity(UInt64(tx.feeRatio))))
            case .key: members.append(("key", .data(tx.key)))
            case .accessList: members.append(("accessList", EthSendTxArgs.accessListJSON(tx.accessList)))
            }
        }
        members.append(("signatures", Transaction.signaturesJSON(tx.signatures)))
        if tx.isFeeDelegated {
            members.append(("feePayer", .string((tx.feePayer ?? .zero).hex)))
            members.append(("feePayerSignatures", Transaction.signaturesJSON(tx.feePayerSignatures)))
        }
        members.append(("hash", .string(tx.hash.hex)))
        return .object(members)
    }

    /// Klaytn's `formatTxToEthTxJSON`: Ethereum's field names, the first signature as `v`, `r`, `s`
    /// (zeros when unsigned), `null` for the fee fields a type lacks, `chainId` and `accessList` only
    /// for typed transactions.
    static func ethereum(_ tx: Transaction) -> JSONValue {
        let signature = tx.signatures.first ?? TxSignature(v: .zero, r: .zero, s: .zero)
        let typed = tx.type.encoding == .ethereum
        let dynamicFee = tx.type == .ethereumDynamicFee
        var members: [(key: String, value: JSONValue)] = [
            ("type", .quantity(UInt64(tx.type.ethereumTypeByte ?? 0))),
            ("nonce", .quantity(tx.nonce)),
            ("gasPrice", dynamicFee ? .null : .quantity(tx.gasPrice)),
            ("maxPriorityFeePerGas", dynamicFee ? .quantity(tx.gasTipCap) : .null),
            ("maxFeePerGas", dynamicFee ? .quantity(tx.gasPrice) : .null),
            ("gas", .quantity(tx.gas)),
            ("value", .quantity(tx.value)),
            ("input", .data(tx.input)),
            ("v", .quantity(signature.v)),
            ("r", .quantity(signature.r)),
            ("s", .quantity(signature.s)),
            ("to", tx.to.map { .string($0.hex) } ?? .null),
        ]
        if typed {
            members.append(("chainId", .quantity(tx.chainIDField)))
            members.append(("accessList", EthSendTxArgs.accessListJSON(tx.accessList)))
        }
        members.append(("hash", .string(tx.hash.hex)))
        return .object(members)
    }

    /// `{"raw": …, "tx": …}` of `klay_signTransaction` and its fee-payer and `personal_` forms.
    static func klaytnResult(_ tx: Transaction) -> JSONValue {
        .object([("raw", .data(tx.rawBytes)), ("tx", klaytn(tx))])
    }
}
