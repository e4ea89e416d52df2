import KlayPrimitives

/// A transaction with its signers recovered, so the expensive secp256k1 work is done once: when the
/// transaction enters the pool, or in parallel before a block's transactions are executed.
///
/// Recovery only proves who signed; whether the signers satisfy the account keys in state is
/// checked when the transaction is applied (keys can change between admission and execution).
public struct RecoveredTransaction: Sendable, Equatable {
    public let transaction: Transaction
    public let hash: Hash
    /// The sender: the `from` field of Klaytn types, the recovered address of legacy and Ethereum types.
    public let sender: Address
    /// The public keys that made the sender signatures.
    public let senderKeys: [PublicKey]
    /// The public keys that made the fee-payer signatures (empty unless fee-delegated).
    public let feePayerKeys: [PublicKey]

    /// Recovers the signers of `transaction` for a node on `chainID`; `hash` is its hash when the
    /// caller has computed it already.
    public init(_ transaction: Transaction, chainID: UInt64, hash: Hash? = nil) throws(TxError) {
        self.transaction = transaction
        self.hash = hash ?? transaction.hash
        senderKeys = try transaction.recoverSigners(chainID: chainID)
        if transaction.type.encoding == .klaytn, let from = transaction.from {
            sender = from
        } else {
            guard senderKeys.count == 1 else { throw .shouldBeSingleSignature }
            sender = senderKeys[0].address
        }
        feePayerKeys = transaction.isFeeDelegated ? try transaction.recoverFeePayerSigners(chainID: chainID) : []
    }

    /// Who pays the fee: the fee payer of fee-delegated types, the sender otherwise.
    public var feePayer: Address { transaction.feePayer ?? sender }
}
