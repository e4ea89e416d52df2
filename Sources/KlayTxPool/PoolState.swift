import KlayPrimitives
import KlayTypes

/// Everything the pool holds, and the operations on it. ``TxPool`` keeps one behind its mutex, so
/// every method here runs with exclusive access.
///
/// Invariants: ``all`` indexes every pooled transaction exactly once, in either its sender's
/// ``SenderTransactions/pending`` or ``SenderTransactions/queued``; ``usedSlots``, ``pendingCount``
/// and ``queuedCount`` are their totals; no sender has the same nonce twice; an account entry is
/// removed when it becomes empty.
struct PoolState {
    let config: TxPoolConfig
    /// Reads the time for heartbeats and lifetime eviction.
    let clock: @Sendable () -> ContinuousClock.Instant
    /// The head and state the pool validates against.
    var validator: TransactionValidator
    var accounts: [Address: SenderTransactions] = [:]
    var all: [Hash: PooledTransaction] = [:]
    var usedSlots = 0
    var pendingCount = 0
    var queuedCount = 0
    /// Senders that submitted through this node: exempt from the per-account queue cap, pending
    /// equalization, queue-overflow drops and (with ``TxPoolConfig/keepLocals``) lifetime eviction.
    var locals: Set<Address> = []
    /// When each sender last made progress (first queued transaction, or a promotion): the lifetime
    /// eviction's clock and the queue-overflow drop order.
    var heartbeats: [Address: ContinuousClock.Instant] = [:]
    var nextArrival: UInt64 = 0

    init(config: TxPoolConfig, validator: TransactionValidator, clock: @escaping @Sendable () -> ContinuousClock.Instant) {
        self.config = config
        self.validator = validator
        self.clock = clock
    }

    /// What happened to an admitted transaction.
    enum Admission {
        /// It joined its sender's future transactions; the sender's queue needs a promotion pass.
        case queued
        /// It replaced a future transaction with the same nonce.
        case replacedQueued
        /// It replaced an executable transaction with the same nonce, and is executable itself.
        case replacedPending(PooledTransaction)
    }

    /// Admits a prepared batch in order (Klaytn's `AddLocals`/`AddRemotes`, with `AddLocal`'s
    /// anchoring rule for local ones), then promotes what became executable and applies the limits.
    /// Returns each transaction's result and the transactions that became pending.
    mutating func admit(_ batch: [PreparedTransaction], local: Bool) -> (results: [Result<Hash, TxPoolError>], newPending: [PooledTransaction]) {
        var results: [Result<Hash, TxPoolError>] = []
        results.reserveCapacity(batch.count)
        var newPending: [PooledTransaction] = []
        var touched: [Address] = []
        var touchedSet = Set<Address>()
        // Like Klaytn, a batch gets the room the pool has when it arrives; the rest is refused unread.
        var room = config.capacity - all.count
        for prepared in batch {
            if local && prepared.transaction.type.descriptor.family == .chainDataAnchoring && !config.allowLocalAnchorTx {
                results.append(.failure(.localAnchoringNotAllowed))
                continue
            }
            guard room > 0 else {
                results.append(.failure(local ? .poolFull(count: all.count) : .batchExceedsCapacity))
                continue
            }
            room -= 1
            do {
                let (entry, admission) = try add(prepared, local: local)
                switch admission {
                case .queued:
                    if touchedSet.insert(entry.sender).inserted { touched.append(entry.sender) }
                case .replacedQueued:
                    break
                case .replacedPending(let entry):
                    newPending.append(entry)
                }
                results.append(.success(entry.hash))
            } catch {
                results.append(.failure(error))
            }
        }
        newPending += promote(touched)
        return (results, newPending)
    }

    /// Validates one transaction and files it under its sender (Klaytn's `add`).
    private mutating func add(_ prepared: PreparedTransaction, local: Bool) throws(TxPoolError) -> (PooledTransaction, Admission) {
        if all[prepared.hash] != nil { throw .knownTransaction(prepared.hash) }
        let recovered = try validator.validate(prepared)
        let entry = PooledTransaction(recovered, size: prepared.size, arrivalOrder: nextArrival)
        nextArrival += 1
        if usedSlots + entry.slots > config.capacity { try makeRoom(for: entry, local: local) }

        let sender = entry.sender
        if let index = accounts[sender]?.pendingIndex(of: entry.nonce) {
            let old = accounts[sender]!.pending[index]
            guard Self.mayReplace(old, with: entry, magma: validator.context.magma) else { throw .nonceAlreadyInPool }
            accounts[sender]!.pending[index] = entry
            unregister(old)
            register(entry)
            if local { locals.insert(sender) }
            return (entry, .replacedPending(entry))
        }
        let old = accounts[sender]?.queued[entry.nonce]
        if let old {
            guard Self.mayReplace(old, with: entry, magma: validator.context.magma) else { throw .nonceAlreadyInPool }
            unregister(old)
            queuedCount -= 1
        }
        accounts[sender, default: SenderTransactions()].queued[entry.nonce] = entry
        register(entry)
        queuedCount += 1
        if heartbeats[sender] == nil { heartbeats[sender] = clock() }
        if local { locals.insert(sender) }
        return (entry, old == nil ? .queued : .replacedQueued)
    }

    /// Klaytn's replacement rule (`txList.Add`, spec/transactions.md §6.6): a Cancel always replaces a
    /// transaction with its nonce; from Magma so does a strictly higher price; otherwise nothing does.
    static func mayReplace(_ old: PooledTransaction, with new: PooledTransaction, magma: Bool) -> Bool {
        if new.transaction.type.descriptor.family == .cancel { return true }
        return magma && new.gasPrice > old.gasPrice
    }

    // MARK: - Bookkeeping

    mutating func register(_ entry: PooledTransaction) {
        all[entry.hash] = entry
        usedSlots += entry.slots
    }

    mutating func unregister(_ entry: PooledTransaction) {
        all.removeValue(forKey: entry.hash)
        usedSlots -= entry.slots
    }

    /// Forgets the sender's entry once it holds nothing.
    mutating func removeIfEmpty(_ sender: Address) {
        if accounts[sender]?.isEmpty == true { accounts.removeValue(forKey: sender) }
    }

    /// Removes a transaction wherever it is (Klaytn's `removeTx`): a pending one takes its sender's later
    /// pending transactions back to the future queue, since they are no longer executable.
    @discardableResult
    mutating func remove(_ hash: Hash) -> Bool {
        guard let entry = all[hash] else { return false }
        let sender = entry.sender
        unregister(entry)
        if let index = accounts[sender]?.pendingIndex(of: entry.nonce), accounts[sender]!.pending[index] === entry {
            demotePending(of: sender, from: index + 1)
            accounts[sender]!.pending.removeLast()
            pendingCount -= 1
        } else {
            accounts[sender]?.queued.removeValue(forKey: entry.nonce)
            queuedCount -= 1
        }
        removeIfEmpty(sender)
        return true
    }

    /// Moves the sender's pending transactions from position `start` on back to its future queue.
    mutating func demotePending(of sender: Address, from start: Int) {
        guard let pending = accounts[sender]?.pending, start < pending.count else { return }
        for entry in pending[start...] { accounts[sender]!.queued[entry.nonce] = entry }
        accounts[sender]!.pending.removeSubrange(start...)
        pendingCount -= pending.count - start
        queuedCount += pending.count - start
    }

    /// The nonce the sender's next transaction should use: the account nonce plus its pending transactions.
    func pendingNonce(of sender: Address) -> UInt64 {
        let stateNonce = validator.state.nonce(of: sender)
        return accounts[sender]?.nextPendingNonce(stateNonce: stateNonce) ?? stateNonce
    }
}
