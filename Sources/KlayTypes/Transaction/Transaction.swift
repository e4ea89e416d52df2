import KlayPrimitives

/// A transaction of any Klaytn type: legacy, Klaytn's own types (value transfer, memo, account update,
/// deploy, execution, cancel, anchoring — basic, fee-delegated and with ratio) and Ethereum's EIP-2930
/// and EIP-1559 types.
///
/// One value type holds the union of the fields; ``type`` and its ``TxTypeDescriptor`` say which of them
/// the type carries, and every codec and hash walks that field list, so no type has hand-written code of
/// its own. Fields a type does not carry keep their defaults.
public struct Transaction: Sendable, Equatable {
    public var type: TxType
    /// The `chainId` body field of Ethereum typed transactions (other types carry the chain id in V).
    public var chainIDField: UInt256 = .zero
    public var nonce: UInt64 = 0
    /// The gas price; for EIP-1559 transactions the fee cap (`maxFeePerGas`).
    public var gasPrice: UInt256 = .zero
    /// EIP-1559's `maxPriorityFeePerGas`.
    public var gasTipCap: UInt256 = .zero
    public var gas: UInt64 = 0
    /// The recipient; nil for contract creation (and for types without one).
    public var to: Address?
    public var value: UInt256 = .zero
    /// The sender as Klaytn types carry it; nil for legacy and Ethereum types (recover it instead).
    public var from: Address?
    /// Call data, memo or anchored data.
    public var input: [UInt8] = []
    public var humanReadable: Bool = false
    public var codeFormat: UInt8 = 0
    /// The fee payer's share in percent (ratio types).
    public var feeRatio: UInt8 = 0
    /// AccountUpdate's new key in its serialized form `S(key)` (spec/accounts.md §3.1).
    public var key: [UInt8] = []
    public var accessList: [AccessListEntry] = []
    /// The sender's signatures; legacy and Ethereum types carry exactly one.
    public var signatures: [TxSignature] = []
    /// The fee payer (fee-delegated types).
    public var feePayer: Address?
    public var feePayerSignatures: [TxSignature] = []

    /// An unsigned transaction of `type` with every field at its default.
    public init(type: TxType) {
        self.type = type
    }

    /// Whether the transaction has a fee payer part (fee-delegated and ratio types).
    public var isFeeDelegated: Bool { type.feeDelegation != .none }

    /// The chain id the transaction is bound to: the body field for Ethereum types; otherwise derived
    /// from the first signature's V (`(V − 35) / 2`), or nil for unprotected (V 27/28) or unsigned ones.
    public var chainID: UInt256? {
        if type.encoding == .ethereum { return chainIDField }
        guard let v = signatures.first?.v, v >= 35 else { return nil }
        return (v &- 35) >> 1
    }

    /// Whether a legacy transaction is EIP-155 protected (its V is neither 27 nor 28).
    var isProtected: Bool {
        guard type.encoding == .legacy, let v = signatures.first?.v else { return true }
        return v != 27 && v != 28
    }
}
