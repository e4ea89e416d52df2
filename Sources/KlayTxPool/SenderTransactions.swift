/// One sender's transactions in the pool: the executable ones and the future ones.
struct SenderTransactions {
    /// Executable transactions: consecutive nonces starting at the account's nonce in state.
    var pending: [PooledTransaction] = []
    /// Future transactions, by nonce: not executable until the nonces before them arrive (or, from
    /// Magma, until their price reaches the base fee).
    var queued: [UInt64: PooledTransaction] = [:]

    var isEmpty: Bool { pending.isEmpty && queued.isEmpty }

    /// The position of `nonce` in ``pending``, if a pending transaction has it.
    func pendingIndex(of nonce: UInt64) -> Int? {
        guard let first = pending.first?.nonce, nonce >= first, nonce - first < UInt64(pending.count) else { return nil }
        return Int(nonce - first)
    }

    /// The nonce the next executable transaction needs, given the account's nonce in state.
    func nextPendingNonce(stateNonce: UInt64) -> UInt64 {
        pending.last.map { $0.nonce + 1 } ?? stateNonce
    }

    /// The future transactions in nonce order.
    var queuedInNonceOrder: [PooledTransaction] {
        queued.values.sorted { $0.nonce < $1.nonce }
    }
}
