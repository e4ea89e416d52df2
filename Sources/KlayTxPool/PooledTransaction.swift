import KlayPrimitives
import KlayTypes

/// A transaction the pool holds, with what admission worked out about it: its hash, its sender and
/// fee payer, and the public keys recovered from its signatures (``recovered``).
///
/// Recovery is the expensive part of admission; it runs once, in parallel, when the transaction
/// arrives, and the block builder (which executes ``recovered`` directly) and every later
/// re-validation read the result from here.
public final class PooledTransaction: Sendable {
    /// The transaction with its recovered signers, ready for block processing.
    public let recovered: RecoveredTransaction
    /// The fee payer of fee-delegated types; nil for the others.
    public let feePayer: Address?
    /// The pool's arrival counter when the transaction was admitted: a later arrival has a larger value.
    public let arrivalOrder: UInt64
    /// The 32 KiB slots the transaction occupies in the pool's capacity.
    let slots: Int

    init(_ recovered: RecoveredTransaction, size: Int, arrivalOrder: UInt64) {
        self.recovered = recovered
        feePayer = recovered.transaction.isFeeDelegated ? recovered.transaction.feePayer ?? .zero : nil
        self.arrivalOrder = arrivalOrder
        slots = (size + TxPoolConfig.slotSize - 1) / TxPoolConfig.slotSize
    }

    public var transaction: Transaction { recovered.transaction }

    /// The transaction hash.
    public var hash: Hash { recovered.hash }

    /// The sender: `from` for Klaytn types, the recovered address for legacy and Ethereum types.
    public var sender: Address { recovered.sender }

    /// The transaction's nonce.
    public var nonce: UInt64 { recovered.transaction.nonce }

    /// The price the pool orders and compares by: `gasPrice`, or the fee cap of an EIP-1559 transaction.
    public var gasPrice: UInt256 { recovered.transaction.gasPrice }
}
