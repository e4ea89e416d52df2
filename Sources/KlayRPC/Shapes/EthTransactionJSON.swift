import KlayChainStore
import KlayPrimitives
import KlayTypes

/// The Ethereum-format transaction of the `eth` namespace (spec/rpc.md §2.4; `EthRPCTransaction` in
/// `api/api_ethereum.go`): a struct, so keys in field order with Go's `omitempty`.
///
/// Klaytn types map onto Ethereum's: `type` `0x0` for every non-Ethereum type, `v/r/s` from the first
/// sender signature, `to` the sender for account updates, cancels and anchoring, fee-payer data dropped.
enum EthTransactionJSON {
    /// The object of a transaction at `location` in a block with `header`, or of a pooled one (block
    /// fields null) when `location` is nil. An EIP-1559 transaction's `gasPrice` is the block's base fee
    /// from Magma, else its fee cap.
    static func transaction(_ transaction: Transaction, at location: TransactionLocation?, header: Header?) -> JSONValue {
        let signature = transaction.signatures.first ?? TxSignature(v: .zero, r: .zero, s: .zero)
        let gasPrice = transaction.type == .ethereumDynamicFee
            ? KlayReceiptJSON.effectiveGasPrice(of: transaction, header: header) : transaction.gasPrice
        var members: [(key: String, value: JSONValue)] = [
            ("blockHash", location.map { .string($0.blockHash.hex) } ?? .null),
            ("blockNumber", location.map { .quantity($0.blockNumber) } ?? .null),
            ("from", .string(transaction.rpcFrom.hex)),
            ("gas", .quantity(transaction.gas)),
            ("gasPrice", .quantity(gasPrice)),
        ]
        if transaction.type == .ethereumDynamicFee {
            members.append(("maxFeePerGas", .quantity(transaction.gasPrice)))
            members.append(("maxPriorityFeePerGas", .quantity(transaction.gasTipCap)))
        }
        members += [
            ("hash", .string(transaction.hash.hex)),
            ("input", .data(transaction.input)),
            ("nonce", .quantity(transaction.nonce)),
            ("to", ethereumRecipient(of: transaction).map { .string($0.hex) } ?? .null),
            ("transactionIndex", location.map { .quantity(UInt64($0.index)) } ?? .null),
            ("value", .quantity(transaction.value)),
            ("type", .quantity(UInt64(ethereumType(of: transaction)))),
        ]
        if transaction.type.encoding == .ethereum {
            members.append(("accessList", .array(transaction.accessList.map { entry in
                .object([("address", .string(entry.address.hex)), ("storageKeys", .array(entry.storageKeys.map { .string($0.hex) }))])
            })))
            members.append(("chainId", .quantity(transaction.chainIDField)))
        }
        members += [("v", .quantity(signature.v)), ("r", .quantity(signature.r)), ("s", .quantity(signature.s))]
        return .object(members)
    }

    /// The object of transaction `index` of `block`.
    static func transaction(in block: Block, index: Int) -> JSONValue {
        transaction(block.transactions[index], at: TransactionLocation(blockHash: block.hash, blockNumber: block.number, index: index),
                    header: block.header)
    }

    /// The Ethereum type number: 1 and 2 for the Ethereum types, 0 (legacy) for all others.
    static func ethereumType(of transaction: Transaction) -> UInt8 {
        transaction.type.ethereumTypeByte ?? 0
    }

    /// Klaytn's `resolveToField`: the sender for types without a recipient that are not creations
    /// (account update, cancel, anchoring families), else the recipient (nil for creations).
    static func ethereumRecipient(of transaction: Transaction) -> Address? {
        switch transaction.type.descriptor.family {
        case .accountUpdate, .cancel, .chainDataAnchoring: transaction.rpcFrom
        default: transaction.to
        }
    }
}
