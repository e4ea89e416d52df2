import KlayPrimitives
import KlayTypes

/// A transaction with the work admission can do without the pool's lock already done: its hash, its
/// encoded size and the recovery of its sender and fee-payer signatures.
///
/// Recovery failures are kept, not thrown, so that each is reported at its place in Klaytn's
/// validation order (a sender's after the chain id, price and size checks; a fee payer's after the
/// nonce check).
struct PreparedTransaction: Sendable {
    /// Why recovery failed, and what was recovered before it did.
    enum RecoveryFailure: Error {
        /// The sender's signatures did not recover.
        case sender(TxError)
        /// The sender recovered but the fee payer's signatures did not.
        case feePayer(TxError, sender: Address, senderKeys: [PublicKey])
    }

    let transaction: Transaction
    let hash: Hash
    /// The size Klaytn's pool limits: the RLP of the body list, without the type bytes in front.
    let size: Int
    let recovery: Result<RecoveredTransaction, RecoveryFailure>

    init(_ transaction: Transaction, chainID: UInt64) {
        self.transaction = transaction
        let typePrefix: Int
        switch transaction.type.encoding {
        case .legacy: typePrefix = 0
        case .klaytn: typePrefix = 1
        case .ethereum: typePrefix = 2
        }
        // One encoding serves both the size and the hash.
        let raw = transaction.rawBytes
        size = raw.count - typePrefix
        hash = transaction.hash(rawBytes: raw)
        do {
            recovery = .success(try RecoveredTransaction(transaction, chainID: chainID, hash: hash))
        } catch {
            recovery = .failure(Self.classify(error, transaction: transaction, chainID: chainID))
        }
    }

    /// Works out whose signatures failed (the rare path: recovery is repeated to find out).
    private static func classify(_ error: TxError, transaction: Transaction, chainID: UInt64) -> RecoveryFailure {
        let senderKeys: [PublicKey]
        do {
            senderKeys = try transaction.recoverSigners(chainID: chainID)
        } catch {
            return .sender(error)
        }
        if transaction.type.encoding == .klaytn, let from = transaction.from {
            return .feePayer(error, sender: from, senderKeys: senderKeys)
        }
        guard senderKeys.count == 1 else { return .sender(.shouldBeSingleSignature) }
        return .feePayer(error, sender: senderKeys[0].address, senderKeys: senderKeys)
    }

    /// The fee payer as the transaction carries it (the zero address if absent, as it is encoded).
    var feePayer: Address { transaction.feePayer ?? .zero }

    /// Prepares every transaction of `transactions`, spreading the signature recovery over all cores.
    static func prepareAll(_ transactions: [Transaction], chainID: UInt64) -> [PreparedTransaction] {
        transactions.concurrentMap { PreparedTransaction($0, chainID: chainID) }
    }
}
