import KlayPrimitives

/// The pool's capacity rules (Klaytn's `add` when full, and the caps at the end of `promoteExecutables`).
extension PoolState {
    /// Makes room for `entry` in a full pool, or refuses it, as Klaytn does: a sender with no future
    /// transactions gets `txpool is full: N`; one whose transaction fills a nonce gap gives up its
    /// highest-nonce future transaction; any other gets `txpool is full and the new tx does not have
    /// missing nonce`. Then a remote transaction that pays no more than the cheapest pooled one is
    /// `transaction underpriced` (the displaced one stays dropped, as in Klaytn), and if the pool is
    /// still short of slots the cheapest remote transactions go.
    mutating func makeRoom(for entry: PooledTransaction, local: Bool) throws(TxPoolError) {
        let count = all.count
        guard let queued = accounts[entry.sender]?.queued, !queued.isEmpty else { throw .poolFull(count: count) }
        guard queued[entry.nonce] == nil, let highest = queued.values.max(by: { $0.nonce < $1.nonce }),
              highest.nonce > entry.nonce else {
            throw .poolFullWithoutMissingNonce(count: count)
        }
        dropQueued(highest)
        removeIfEmpty(entry.sender)

        let isLocal = local || locals.contains(entry.sender)
        if !isLocal, let cheapest = all.values.min(by: Self.isCheaper), cheapest.gasPrice >= entry.gasPrice {
            throw .underpriced
        }
        var missing = usedSlots + entry.slots - config.capacity
        guard missing > 0 else { return }
        for victim in all.values.filter({ !locals.contains($0.sender) }).sorted(by: Self.isCheaper) where missing > 0 {
            remove(victim.hash)
            missing -= victim.slots
        }
    }

    /// The order transactions are discarded in when the pool is full: lower price first, and at the
    /// same price the higher nonce first.
    static func isCheaper(_ a: PooledTransaction, _ b: PooledTransaction) -> Bool {
        if a.gasPrice != b.gasPrice { return a.gasPrice < b.gasPrice }
        return a.nonce > b.nonce
    }

    /// Above ``TxPoolConfig/executableSlotsTotal`` pending transactions, takes the highest nonces from
    /// the non-local senders with the most pending transactions, levelling them down, but never below
    /// ``TxPoolConfig/executableSlotsPerAccount`` each. Dropped transactions leave the pool.
    mutating func enforcePendingLimit() {
        guard pendingCount > config.executableSlotsTotal else { return }
        let floor = config.executableSlotsPerAccount
        let offenders = accounts.compactMap { sender, transactions in
            !locals.contains(sender) && transactions.pending.count > floor ? sender : nil
        }.sorted()
        while pendingCount > config.executableSlotsTotal {
            let highest = offenders.map { accounts[$0]?.pending.count ?? 0 }.max() ?? 0
            guard highest > floor else { return }
            for sender in offenders where accounts[sender]?.pending.count == highest {
                let last = accounts[sender]!.pending.removeLast()
                unregister(last)
                pendingCount -= 1
                if pendingCount <= config.executableSlotsTotal { return }
            }
        }
    }

    /// Above ``TxPoolConfig/nonExecutableSlotsTotal`` future transactions, drops whole queues of
    /// non-local senders — Klaytn starts from the sender with the most recent heartbeat — and from the
    /// last one only its highest nonces, until the total fits.
    mutating func enforceQueueLimit() {
        guard queuedCount > config.nonExecutableSlotsTotal else { return }
        var senders = accounts.compactMap { sender, transactions in
            !transactions.queued.isEmpty && !locals.contains(sender) ? sender : nil
        }
        senders.sort { a, b in
            // Senders without a heartbeat count as the oldest.
            guard let second = heartbeats[b] else { return false }
            guard let first = heartbeats[a] else { return true }
            return first < second
        }
        var excess = queuedCount - config.nonExecutableSlotsTotal
        while excess > 0, let sender = senders.popLast() {
            let queue = accounts[sender]!.queuedInNonceOrder
            for entry in queue.reversed().prefix(excess) { dropQueued(entry) }
            excess -= min(excess, queue.count)
            removeIfEmpty(sender)
        }
    }
}
