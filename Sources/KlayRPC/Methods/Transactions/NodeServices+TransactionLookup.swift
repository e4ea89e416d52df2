import KlayChainStore
import KlayNode
import KlayPrimitives
import KlayTxPool
import KlayTypes

/// Finding a transaction the way Klaytn's transaction-pool API does: first in the chain, then in the pool.
extension NodeServices {
    /// Where a transaction was found.
    enum FoundTransaction {
        case included(IndexedTransaction)
        case pooled(PooledTransaction)

        var transaction: Transaction {
            switch self {
            case .included(let indexed): indexed.transaction
            case .pooled(let pooled): pooled.transaction
            }
        }
    }

    /// Transaction `hash` from a stored block, else from the pool, else nil.
    func findTransaction(_ hash: Hash) -> FoundTransaction? {
        if let indexed = try? chain.chainStore.transaction(hash: hash) { return .included(indexed) }
        return pool.get(hash).map { .pooled($0) }
    }

    /// The hash of the transaction whose sender tx hash is `senderTxHash` when the index has it, else
    /// `senderTxHash` itself (`ReadTxHashFromSenderTxHash` then Klaytn's fallback).
    func transactionHash(senderTxHash: Hash) -> Hash {
        (try? chain.chainStore.transactionHash(senderTxHash: senderTxHash)) ?? senderTxHash
    }

    /// The receipt of transaction `hash` with its transaction and block header, or nil when the
    /// transaction is not in a stored block.
    func includedReceipt(_ hash: Hash) -> (receipt: IndexedReceipt, transaction: Transaction, header: Header)? {
        guard let receipt = try? chain.chainStore.receipt(transactionHash: hash),
              let transaction = try? chain.chainStore.transaction(hash: hash),
              let header = try? chain.chainStore.header(hash: receipt.location.blockHash) else { return nil }
        return (receipt, transaction.transaction, header)
    }

    /// The pool's pending transactions sent from this node's accounts, by sender then nonce (Klaytn's
    /// `PendingTransactions`).
    func pendingLocalTransactions() -> [PooledTransaction] {
        let local = Set(accounts.accounts)
        return pool.content().pending.filter { local.contains($0.key) }.sorted { $0.key < $1.key }.flatMap(\.value)
    }
}
