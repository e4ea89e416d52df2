import Synchronization

/// The subscribers to transactions that become executable (Klaytn's `NewTxsEvent` feed), for
/// `newPendingTransactions` subscriptions. Delivery happens after the pool's lock is released.
final class NewPendingFeed: Sendable {
    private struct Subscribers {
        var nextID = 0
        var continuations: [Int: AsyncStream<PooledTransaction>.Continuation] = [:]
    }

    private let subscribers = Mutex(Subscribers())

    /// A new stream of pending transactions. When the consumer lags more than `bufferLimit` behind, the
    /// oldest undelivered transactions are dropped. Ending the iteration unsubscribes.
    func subscribe(bufferLimit: Int) -> AsyncStream<PooledTransaction> {
        let (stream, continuation) = AsyncStream.makeStream(of: PooledTransaction.self,
                                                            bufferingPolicy: .bufferingNewest(bufferLimit))
        let id = subscribers.withLock { subscribers in
            let id = subscribers.nextID
            subscribers.nextID += 1
            subscribers.continuations[id] = continuation
            return id
        }
        continuation.onTermination = { [weak self] _ in
            self?.subscribers.withLock { _ = $0.continuations.removeValue(forKey: id) }
        }
        return stream
    }

    /// Delivers `transactions` to every subscriber.
    func publish(_ transactions: [PooledTransaction]) {
        guard !transactions.isEmpty else { return }
        let continuations = subscribers.withLock { Array($0.continuations.values) }
        for continuation in continuations {
            for transaction in transactions { continuation.yield(transaction) }
        }
    }

    /// Ends every subscription.
    deinit {
        subscribers.withLock { subscribers in
            for continuation in subscribers.continuations.values { continuation.finish() }
        }
    }
}
