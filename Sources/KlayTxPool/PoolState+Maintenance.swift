import KlayPrimitives

/// Moving transactions between future and executable as the chain and the pool change
/// (Klaytn's `promoteExecutables`, `demoteUnexecutables`, `reset` and the lifetime eviction).
extension PoolState {
    /// Promotes the senders' future transactions that became executable and returns them. On the way
    /// it drops future transactions whose nonce the chain has passed or that can no longer be paid for
    /// or signed, and trims a non-local sender's queue to its cap; then applies the global limits.
    mutating func promote(_ senders: [Address]) -> [PooledTransaction] {
        var promoted: [PooledTransaction] = []
        let magma = validator.context.magma
        let floor = validator.context.poolGasPrice
        for sender in senders {
            guard let queued = accounts[sender]?.queued, !queued.isEmpty else { continue }
            let stateNonce = validator.state.nonce(of: sender)
            for entry in queued.values where entry.nonce < stateNonce || !validator.isStillExecutable(entry) {
                dropQueued(entry)
            }

            var next = accounts[sender]!.nextPendingNonce(stateNonce: stateNonce)
            let before = promoted.count
            while let entry = accounts[sender]!.queued[next], !magma || entry.gasPrice >= floor {
                accounts[sender]!.queued.removeValue(forKey: next)
                accounts[sender]!.pending.append(entry)
                promoted.append(entry)
                next += 1
            }
            let moved = promoted.count - before
            queuedCount -= moved
            pendingCount += moved
            if moved > 0 { heartbeats[sender] = clock() }

            if !locals.contains(sender) && accounts[sender]!.queued.count > config.nonExecutableSlotsPerAccount {
                for entry in accounts[sender]!.queuedInNonceOrder.dropFirst(config.nonExecutableSlotsPerAccount) {
                    dropQueued(entry)
                }
            }
            removeIfEmpty(sender)
        }
        enforcePendingLimit()
        enforceQueueLimit()
        return promoted
    }

    /// Re-checks every executable transaction against a new head (Klaytn's `demoteUnexecutables`):
    /// drops those the chain included (nonce below the account's), drops those that can no longer be
    /// paid for or signed and sends the ones after them back to the queue, re-queues a sender's whole
    /// list if a gap opened at its front and, from Magma, re-queues everything from the first
    /// transaction priced below the base fee.
    mutating func demoteUnexecutables() {
        let magma = validator.context.magma
        let floor = validator.context.poolGasPrice
        for sender in Array(accounts.keys) {
            guard let pending = accounts[sender]?.pending, !pending.isEmpty else { continue }
            let stateNonce = validator.state.nonce(of: sender)
            let included = pending.prefix { $0.nonce < stateNonce }
            for entry in included { unregister(entry) }
            accounts[sender]!.pending.removeFirst(included.count)
            pendingCount -= included.count

            let remaining = accounts[sender]!.pending
            if let firstInvalid = remaining.firstIndex(where: { !validator.isStillExecutable($0) }) {
                demotePending(of: sender, from: firstInvalid)
                for entry in remaining[firstInvalid...] where !validator.isStillExecutable(entry) { dropQueued(entry) }
            }
            if let first = accounts[sender]?.pending.first, first.nonce != stateNonce {
                demotePending(of: sender, from: 0)
            }
            if magma, let belowFloor = accounts[sender]?.pending.firstIndex(where: { $0.gasPrice < floor }) {
                demotePending(of: sender, from: belowFloor)
            }
            removeIfEmpty(sender)
        }
    }

    /// Moves the pool to a new head and its state: demotes what is no longer executable, then promotes
    /// every sender's queue. Returns the transactions that became pending.
    mutating func reset(to context: TxPoolContext, state: any TxPoolStateReader) -> [PooledTransaction] {
        validator = TransactionValidator(context: context, state: state)
        demoteUnexecutables()
        return promote(accounts.compactMap { $0.value.queued.isEmpty ? nil : $0.key })
    }

    /// Drops the future transactions of every sender that has made no progress for longer than the
    /// lifetime (local senders are spared, and their clock cleared, with ``TxPoolConfig/keepLocals``).
    /// Returns how many transactions were dropped.
    mutating func evictExpired() -> Int {
        let now = clock()
        var evicted = 0
        for (sender, heartbeat) in heartbeats {
            if config.keepLocals && locals.contains(sender) {
                heartbeats.removeValue(forKey: sender)
                continue
            }
            guard now - heartbeat > config.lifetime else { continue }
            for entry in accounts[sender]?.queued.values.map({ $0 }) ?? [] {
                dropQueued(entry)
                evicted += 1
            }
            removeIfEmpty(sender)
            heartbeats.removeValue(forKey: sender)
        }
        return evicted
    }

    /// Removes a future transaction from the pool.
    mutating func dropQueued(_ entry: PooledTransaction) {
        guard accounts[entry.sender]?.queued.removeValue(forKey: entry.nonce) != nil else { return }
        unregister(entry)
        queuedCount -= 1
    }
}
