import KlayPrimitives
import KlayTxPool
import KlayTypes
import Testing

/// The pool's limits and evictions (Klaytn's `DefaultTxPoolConfig` semantics).
@Suite struct LimitTests {
    let alice = Pool.key(1), bob = Pool.key(2), carol = Pool.key(3)

    @Test func klaytnDefaults() {
        let config = TxPoolConfig.default
        #expect(config.executableSlotsPerAccount == 16)
        #expect(config.executableSlotsTotal == 4096)
        #expect(config.nonExecutableSlotsPerAccount == 64)
        #expect(config.nonExecutableSlotsTotal == 1024)
        #expect(config.lifetime == .seconds(300))
        #expect(!config.keepLocals)
        #expect(!config.allowLocalAnchorTx)
    }

    @Test func queueCapPerRemoteAccount() {
        let pool = Pool.make()
        _ = pool.add((1...70).map { Pool.signed(sender: alice, nonce: UInt64($0)) }, local: false)
        #expect(pool.counts == TxPoolCounts(pending: 0, queued: 64))
        #expect(pool.content().queued[alice.address]?.last?.nonce == 64)
        let local = Pool.make()
        _ = local.add((1...70).map { Pool.signed(sender: alice, nonce: UInt64($0)) }, local: true)
        #expect(local.counts == TxPoolCounts(pending: 0, queued: 70))
    }

    @Test func batchBeyondCapacity() {
        let config = TxPoolConfig(executableSlotsTotal: 4, nonExecutableSlotsTotal: 4)
        let remote = Pool.make(config: config)
        let results = remote.add((0..<10).map { Pool.signed(sender: alice, nonce: UInt64($0)) }, local: false)
        #expect(results.prefix(8).allSatisfy { (try? $0.get()) != nil })
        #expect(results.suffix(2).map(Pool.text) == ["txpool is full", "txpool is full"])
        #expect(remote.addText(Pool.signed(sender: bob, nonce: 0), local: true) == "txpool is full: 8")
    }

    @Test func pendingAboveTheTotalIsLevelled() {
        let config = TxPoolConfig(executableSlotsPerAccount: 1, executableSlotsTotal: 4)
        let pool = Pool.make(config: config)
        _ = pool.add((0..<4).map { Pool.signed(sender: alice, nonce: $0) } + (0..<2).map { Pool.signed(sender: bob, nonce: $0) }
            + [Pool.signed(sender: carol, nonce: 0)], local: false)
        // 7 pending > 4: Alice (4) is cut to Bob's level (2), then the level drops by one more transaction.
        #expect(pool.counts.pending == 4)
        let content = pool.content().pending
        #expect(content[alice.address]?.count == 2 || content[alice.address]?.count == 1)
        #expect(content[carol.address]?.count == 1)
        #expect((content[alice.address]?.count ?? 0) + (content[bob.address]?.count ?? 0) == 3)
    }

    @Test func localsKeepTheirPending() {
        let config = TxPoolConfig(executableSlotsPerAccount: 1, executableSlotsTotal: 2)
        let pool = Pool.make(config: config)
        _ = pool.add((0..<5).map { Pool.signed(sender: alice, nonce: $0) }, local: true)
        #expect(pool.counts.pending == 5)
    }

    @Test func queueAboveTheTotalDropsTheMostRecentSenderFirst() {
        let clock = ManualClock()
        let config = TxPoolConfig(nonExecutableSlotsTotal: 3)
        let pool = Pool.make(config: config, clock: clock)
        let aliceFuture = [Pool.signed(sender: alice, nonce: 5), Pool.signed(sender: alice, nonce: 6)]
        _ = pool.add(aliceFuture, local: false)
        clock.advance(by: .seconds(1))
        _ = pool.add([Pool.signed(sender: bob, nonce: 5), Pool.signed(sender: bob, nonce: 6)], local: false)
        #expect(pool.counts.queued == 3)
        #expect(pool.content().queued[alice.address]?.count == 2)
        #expect(pool.content().queued[bob.address]?.map(\.nonce) == [5])
    }

    @Test func lifetimeEvictsIdleQueues() {
        let clock = ManualClock()
        let pool = Pool.make(clock: clock)
        _ = pool.add([Pool.signed(sender: alice, nonce: 0), Pool.signed(sender: alice, nonce: 2),
                      Pool.signed(sender: bob, nonce: 3)], local: false)
        clock.advance(by: .seconds(299))
        #expect(pool.evictExpired() == 0)
        clock.advance(by: .seconds(2))
        #expect(pool.evictExpired() == 2)
        #expect(pool.counts == TxPoolCounts(pending: 1, queued: 0))
    }

    @Test func keepLocalsSparesLocalQueues() {
        let clock = ManualClock()
        let pool = Pool.make(config: TxPoolConfig(keepLocals: true), clock: clock)
        _ = pool.add([Pool.signed(sender: alice, nonce: 2)], local: true)
        _ = pool.add([Pool.signed(sender: bob, nonce: 2)], local: false)
        clock.advance(by: .seconds(600))
        #expect(pool.evictExpired() == 1)
        #expect(pool.counts.queued == 1)
        #expect(pool.content().queued[alice.address]?.count == 1)
    }

    /// A memo big enough to take two 32 KiB slots.
    func bigMemo(_ key: PrivateKey, nonce: UInt64) -> Transaction {
        Pool.signed(.valueTransferMemo, sender: key, nonce: nonce) { tx in
            tx.input = [UInt8](repeating: 9, count: 40_000)
            tx.gas = 4_100_000
        }
    }

    /// When slots run out, a transaction filling a nonce gap takes the room of its sender's highest
    /// future nonce; anything else is refused (Klaytn's `add` when full).
    @Test func fullPoolBySlots() {
        // 6 slots; Carol's 2 pending and Alice's 3 future transfers take 5, a big memo needs 2.
        let config = TxPoolConfig(executableSlotsTotal: 3, nonExecutableSlotsTotal: 3)
        func filled() -> TxPool {
            let pool = Pool.make(config: config)
            _ = pool.add((0...1).map { Pool.signed(sender: carol, nonce: $0) }
                + (2...4).map { Pool.signed(sender: alice, nonce: $0) }, local: false)
            return pool
        }
        #expect(filled().counts == TxPoolCounts(pending: 2, queued: 3))
        #expect(filled().addText(bigMemo(bob, nonce: 0)) == "txpool is full: 5")
        #expect(filled().addText(bigMemo(alice, nonce: 9)) == "txpool is full and the new tx does not have missing nonce: 5")

        let local = filled()
        #expect(local.addText(bigMemo(alice, nonce: 1), local: true) == "accepted")
        #expect(local.content().queued[alice.address]?.map(\.nonce) == [1, 2, 3])

        // A remote one must outbid the cheapest pooled transaction; at equal unit prices it cannot,
        // and (as in Klaytn) the displaced transaction stays dropped.
        let remote = filled()
        #expect(remote.addText(bigMemo(alice, nonce: 1)) == "transaction underpriced")
        #expect(remote.counts.queued == 2)
    }

    @Test func magmaOutbiddingRemoteFreesSlots() {
        let config = TxPoolConfig(executableSlotsTotal: 3, nonExecutableSlotsTotal: 3)
        let pool = Pool.make(config: config, head: Pool.magmaHead())
        _ = pool.add((0...1).map { Pool.signed(sender: carol, nonce: $0) }
            + (2...4).map { Pool.signed(sender: alice, nonce: $0) }, local: false)
        let dear = Pool.signed(.valueTransferMemo, sender: alice, nonce: 1, price: 30_000_000_000) { tx in
            tx.input = [UInt8](repeating: 9, count: 40_000)
            tx.gas = 4_100_000
        }
        #expect(pool.addText(dear) == "accepted")
        #expect(pool.content().queued[alice.address]?.map(\.nonce) == [1, 2, 3])
    }
}
