import Dispatch
import KlayPrimitives
import KlayTxPool
import KlayTypes
import Testing

/// Admission cost is signature recovery, spread over the cores; the block builder's view is cheap.
@Suite(.serialized) struct PerformanceTests {
    static let senders = 2_000, perSender = 5

    static let batch = Pool.transferBatch(senders: senders, perSender: perSender)

    static func state() -> MemoryState {
        var state = MemoryState()
        for index in 0..<senders { state.balances[Pool.key(UInt16(1000 + index)).address] = Pool.rich }
        return state
    }

    static let roomy = TxPoolConfig(executableSlotsTotal: 20_000, nonExecutableSlotsTotal: 20_000)

    @Test func tenThousandTransfersCostLittleMoreThanTheirRecovery() {
        let batch = Self.batch
        let clock = ContinuousClock()
        // What recovery alone costs on all cores.
        let recovery = clock.measure {
            DispatchQueue.concurrentPerform(iterations: 64) { chunk in
                for index in stride(from: chunk, to: batch.count, by: 64) {
                    _ = try? batch[index].recoverSigners(chainID: Pool.chainID)
                }
            }
        }
        let pool = TxPool(config: Self.roomy, head: Pool.head(), state: Self.state())
        var results: [Result<Hash, TxPoolError>] = []
        let admission = clock.measure { results = pool.add(batch, local: false) }
        #expect(results.allSatisfy { (try? $0.get()) != nil })
        #expect(pool.counts == TxPoolCounts(pending: batch.count, queued: 0))
        print("admission of \(batch.count) transfers: \(admission), parallel recovery alone: \(recovery)")
        // Hashing, encoding and validation add to recovery, but must not dominate it.
        #expect(admission < recovery * 4)
    }

    @Test func pendingOfTenThousandFromTwoThousandSendersIsFast() {
        let pool = TxPool(config: Self.roomy, head: Pool.head(), state: Self.state())
        _ = pool.add(Self.batch, local: false)
        let clock = ContinuousClock()
        var count = 0
        let elapsed = clock.measure {
            var lastNonce: [Address: UInt64] = [:]
            for pooled in pool.pending() {
                if let last = lastNonce[pooled.sender] { precondition(pooled.nonce == last + 1) }
                lastNonce[pooled.sender] = pooled.nonce
                count += 1
            }
        }
        print("pending() over \(count) transactions: \(elapsed)")
        #expect(count == Self.senders * Self.perSender)
        #expect(elapsed < .seconds(1))
    }
}
