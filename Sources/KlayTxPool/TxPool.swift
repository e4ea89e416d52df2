import KlayPrimitives
import KlayTypes
import Synchronization

/// Klaytn's transaction pool: admits transactions with Klaytn's checks and errors, keeps each sender's
/// executable (pending) and future (queued) transactions apart, and hands the block builder the
/// executable ones in order.
///
/// It is called synchronously from any thread (RPC handlers, the network, the block producer); one
/// mutex guards its contents. Admission recovers signatures — by far its most expensive part — in
/// parallel on all cores before taking the lock, and keeps the recovered sender and fee payer with the
/// transaction, so nothing recovers them again.
///
/// The chain drives it: ``reset(newHead:state:)`` after each new head (which also removes included
/// transactions) and ``evictExpired()`` about once a minute (Klaytn's eviction interval).
public final class TxPool: Sendable {
    private let state: Mutex<PoolState>
    private let feed = NewPendingFeed()

    /// A pool validating against `head` and its `state`, with `config`'s limits. `clock` supplies the
    /// time for lifetime eviction (tests replace it).
    public init(config: TxPoolConfig = .default, head: TxPoolContext, state: any TxPoolStateReader,
                clock: @escaping @Sendable () -> ContinuousClock.Instant = { .now }) {
        self.state = Mutex(PoolState(config: config, validator: TransactionValidator(context: head, state: state), clock: clock))
    }

    /// Admits `transactions` in order and returns, for each, its hash or why it was refused.
    ///
    /// `local` marks transactions submitted through this node's RPC: their senders become local
    /// (exempt from eviction by limits), ChainDataAnchoring is refused unless
    /// ``TxPoolConfig/allowLocalAnchorTx`` is on, and a full pool answers `txpool is full: N` as
    /// Klaytn's `AddLocal` does; remote batches beyond the free room get `txpool is full`.
    /// Transactions that become executable are published to ``newPendingTransactions(bufferLimit:)``.
    public func add(_ transactions: [Transaction], local: Bool) -> [Result<Hash, TxPoolError>] {
        let chainID = state.withLock { $0.validator.context.chainID }
        let prepared = PreparedTransaction.prepareAll(transactions, chainID: chainID)
        let (results, newPending) = state.withLock { $0.admit(prepared, local: local) }
        feed.publish(newPending)
        return results
    }

    /// Moves the pool to a new head: `newHead` describes it and `state` is its state. Drops what the
    /// chain included (nonces below the account's) and what can no longer be paid for or signed,
    /// re-queues what stopped being executable, and promotes what became executable.
    ///
    /// A reorganisation's dropped transactions are the caller's to re-add with ``add(_:local:)``.
    public func reset(newHead: TxPoolContext, state newState: any TxPoolStateReader) {
        let promoted = state.withLock { $0.reset(to: newHead, state: newState) }
        feed.publish(promoted)
    }

    /// Removes the transactions with `hashes` (e.g. ones the block builder found unexecutable). Removing
    /// an executable transaction sends its sender's later ones back to the queue.
    public func remove(_ hashes: [Hash]) {
        state.withLock { pool in
            for hash in hashes { pool.remove(hash) }
        }
    }

    /// Drops the future transactions of senders idle for longer than ``TxPoolConfig/lifetime`` and
    /// returns how many went. The node calls it periodically (Klaytn: every minute).
    @discardableResult
    public func evictExpired() -> Int {
        state.withLock { $0.evictExpired() }
    }

    /// The executable transactions in block-building order.
    public func pending() -> PendingTransactions {
        state.withLock { pool in PendingTransactions(pool.accounts.values.map(\.pending)) }
    }

    /// The pooled transaction with `hash`, if any.
    public func get(_ hash: Hash) -> PooledTransaction? {
        state.withLock { $0.all[hash] }
    }

    /// Whether the pool holds a transaction with `hash`.
    public func contains(_ hash: Hash) -> Bool {
        state.withLock { $0.all[hash] != nil }
    }

    /// Whether the transaction with `hash` is pending, queued or unknown.
    public func status(of hash: Hash) -> TxStatus {
        state.withLock { pool in
            guard let entry = pool.all[hash] else { return .unknown }
            return pool.accounts[entry.sender]?.pendingIndex(of: entry.nonce) != nil ? .pending : .queued
        }
    }

    /// How many transactions are pending and queued.
    public var counts: TxPoolCounts {
        state.withLock { TxPoolCounts(pending: $0.pendingCount, queued: $0.queuedCount) }
    }

    /// Every pooled transaction, grouped by sender and in nonce order.
    public func content() -> TxPoolContent {
        state.withLock { pool in
            var pending: [Address: [PooledTransaction]] = [:]
            var queued: [Address: [PooledTransaction]] = [:]
            for (sender, transactions) in pool.accounts {
                if !transactions.pending.isEmpty { pending[sender] = transactions.pending }
                if !transactions.queued.isEmpty { queued[sender] = transactions.queuedInNonceOrder }
            }
            return TxPoolContent(pending: pending, queued: queued)
        }
    }

    /// The nonce `sender`'s next transaction should use: its account nonce plus its pending
    /// transactions (`klay_getTransactionCount` at `pending`).
    public func pendingNonce(of sender: Address) -> UInt64 {
        state.withLock { $0.pendingNonce(of: sender) }
    }

    /// The price the pool currently demands: the unit price before Magma, the next base fee from it.
    public var gasPrice: UInt256 {
        state.withLock { $0.validator.context.poolGasPrice }
    }

    /// A stream of the transactions that become executable (admitted straight into pending, replaced
    /// in pending, or promoted), for `newPendingTransactions` subscriptions. A consumer more than
    /// `bufferLimit` transactions behind loses the oldest ones.
    public func newPendingTransactions(bufferLimit: Int = 4096) -> AsyncStream<PooledTransaction> {
        feed.subscribe(bufferLimit: bufferLimit)
    }
}
