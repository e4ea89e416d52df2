import Dispatch
import KlayPrimitives
import KlayTxPool
import KlayTypes
import Synchronization
import Testing

/// Many threads using one pool at once.
@Suite struct ConcurrencyTests {
    @Test func concurrentAddersAndReaders() {
        let senders = 16, perSender = 20
        let batch = Pool.transferBatch(senders: senders, perSender: perSender)
        var state = MemoryState()
        for index in 0..<senders { state.balances[Pool.key(UInt16(1000 + index)).address] = Pool.rich }
        let pool = TxPool(head: Pool.head(), state: state)
        // Each sender's transactions go in from its own thread, one at a time and in reverse nonce
        // order (so most wait in the queue first); other threads read meanwhile.
        DispatchQueue.concurrentPerform(iterations: senders * 2) { worker in
            if worker < senders {
                let own = stride(from: perSender - 1, through: 0, by: -1).map { batch[$0 * senders + worker] }
                for tx in own { #expect((try? pool.add([tx], local: worker % 2 == 0)[0].get()) != nil) }
            } else {
                for _ in 0..<50 {
                    _ = Array(pool.pending())
                    _ = pool.counts
                    _ = pool.content()
                }
            }
        }
        #expect(pool.counts == TxPoolCounts(pending: senders * perSender, queued: 0))
        var seen = Set<Hash>()
        var lastNonce: [Address: UInt64] = [:]
        for pooled in pool.pending() {
            #expect(seen.insert(pooled.hash).inserted)
            if let last = lastNonce[pooled.sender] { #expect(pooled.nonce == last + 1) }
            lastNonce[pooled.sender] = pooled.nonce
        }
        #expect(seen.count == senders * perSender)
    }

    @Test func concurrentBatchesOfTheSameTransactions() {
        let batch = Pool.transferBatch(senders: 10, perSender: 5)
        var state = MemoryState()
        for index in 0..<10 { state.balances[Pool.key(UInt16(1000 + index)).address] = Pool.rich }
        let pool = TxPool(head: Pool.head(), state: state)
        let accepted = DispatchSerialCounter()
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            let results = pool.add(batch, local: false)
            accepted.add(results.filter { (try? $0.get()) != nil }.count)
            #expect(results.allSatisfy { result in
                if case .failure(let error) = result, case .knownTransaction = error { return true }
                return (try? result.get()) != nil
            })
        }
        #expect(accepted.value == batch.count)
        #expect(pool.counts.pending == batch.count)
    }
}

/// A counter shared by worker threads.
final class DispatchSerialCounter: Sendable {
    private let total = Mutex(0)
    func add(_ amount: Int) { total.withLock { $0 += amount } }
    var value: Int { total.withLock { $0 } }
}
