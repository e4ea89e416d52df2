import KlayPrimitives

/// The executable transactions in the order a block builder takes them: each sender's in nonce order,
/// and across senders the highest price first, then the earliest arrival.
///
/// It is a snapshot: building it copies no transactions (each sender's list is shared), costs
/// O(senders), and each step is O(log senders). Besides plain iteration (``next()``), a builder can
/// ``peek()`` at the best transaction, ``shift()`` past it once included, or ``pop()`` its sender when
/// it failed, since the sender's later nonces cannot run either.
///
/// Pre-Magma Klaytn charges every transaction the same unit price, so the order is arrival order, as
/// in Klaytn's `TransactionsByTimeAndNonce`; from Magma the price comes first.
public struct PendingTransactions: Sendable, Sequence, IteratorProtocol {
    /// One sender's pending list and the position of its next transaction.
    private struct SenderCursor: Comparable, Sendable {
        let transactions: [PooledTransaction]
        let position: Int

        var current: PooledTransaction { transactions[position] }

        static func < (lhs: SenderCursor, rhs: SenderCursor) -> Bool {
            let (a, b) = (lhs.current, rhs.current)
            if a.gasPrice != b.gasPrice { return a.gasPrice > b.gasPrice }
            return a.arrivalOrder < b.arrivalOrder
        }

        static func == (lhs: SenderCursor, rhs: SenderCursor) -> Bool {
            lhs.current === rhs.current
        }
    }

    private var cursors: BinaryHeap<SenderCursor>
    /// The number of transactions in the snapshot when it was taken.
    public let count: Int

    /// A snapshot of `lists`, each one sender's pending transactions in nonce order.
    init(_ lists: [[PooledTransaction]]) {
        cursors = BinaryHeap(lists.filter { !$0.isEmpty }.map { SenderCursor(transactions: $0, position: 0) })
        count = lists.reduce(0) { $0 + $1.count }
    }

    /// The next transaction, without consuming it.
    public func peek() -> PooledTransaction? { cursors.min?.current }

    /// Consumes the next transaction; its sender's following nonce becomes a candidate.
    public mutating func shift() {
        guard let cursor = cursors.min else { return }
        if cursor.position + 1 < cursor.transactions.count {
            cursors.replaceMin(with: SenderCursor(transactions: cursor.transactions, position: cursor.position + 1))
        } else {
            cursors.popMin()
        }
    }

    /// Discards the next transaction and every later one of its sender.
    public mutating func pop() {
        cursors.popMin()
    }

    /// Returns the next transaction and ``shift()``s past it.
    public mutating func next() -> PooledTransaction? {
        guard let transaction = peek() else { return nil }
        shift()
        return transaction
    }
}
