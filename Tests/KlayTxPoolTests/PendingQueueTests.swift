import KlayPrimitives
import KlayTxPool
import KlayTypes
import Testing

/// Pending (executable) and queued (future) transactions, promotion, and what a new head does.
@Suite struct PendingQueueTests {
    let alice = Pool.key(1), bob = Pool.key(2)

    @Test func gapsQueueAndFillingThemPromotes() {
        let pool = Pool.make()
        let first = (0..<3).map { Pool.signed(sender: alice, nonce: $0) }
        let later = (5..<7).map { Pool.signed(sender: alice, nonce: $0) }
        _ = pool.add(first + later, local: false)
        #expect(pool.counts == TxPoolCounts(pending: 3, queued: 2))
        #expect(pool.status(of: first[2].hash) == .pending)
        #expect(pool.status(of: later[0].hash) == .queued)
        #expect(pool.pendingNonce(of: alice.address) == 3)

        _ = pool.add([Pool.signed(sender: alice, nonce: 4)], local: false)
        #expect(pool.counts == TxPoolCounts(pending: 3, queued: 3))
        _ = pool.add([Pool.signed(sender: alice, nonce: 3)], local: false)
        #expect(pool.counts == TxPoolCounts(pending: 7, queued: 0))
        #expect(pool.pendingNonce(of: alice.address) == 7)
        #expect(Array(pool.pending()).map(\.nonce) == Array(0..<7))
    }

    @Test func lookups() {
        let pool = Pool.make()
        let tx = Pool.signed(.feeDelegatedValueTransfer, sender: alice, nonce: 0, feePayer: bob)
        let future = Pool.signed(sender: alice, nonce: 2)
        _ = pool.add([tx, future], local: false)
        let pooled = pool.get(tx.hash)
        #expect(pooled?.transaction == tx)
        #expect(pooled?.sender == alice.address)
        #expect(pooled?.feePayer == bob.address)
        #expect(pool.contains(future.hash))
        #expect(!pool.contains(Hash.zero))
        #expect(pool.get(Hash.zero) == nil)
        #expect(pool.status(of: Hash.zero) == .unknown)
        let content = pool.content()
        #expect(content.pending[alice.address]?.map(\.hash) == [tx.hash])
        #expect(content.queued[alice.address]?.map(\.hash) == [future.hash])
        #expect(pool.gasPrice == Pool.unitPrice)
    }

    @Test func resetDropsIncludedAndPromotes() {
        let pool = Pool.make()
        _ = pool.add((0..<3).map { Pool.signed(sender: alice, nonce: $0) } + [Pool.signed(sender: alice, nonce: 4)], local: false)
        var state = MemoryState.funded([alice.address])
        state.nonces[alice.address] = 2
        pool.reset(newHead: Pool.head(number: 11), state: state)
        #expect(pool.counts == TxPoolCounts(pending: 1, queued: 1))
        #expect(pool.pendingNonce(of: alice.address) == 3)

        // Nonce 3 arrives in a block from elsewhere: 4 becomes executable.
        state.nonces[alice.address] = 4
        pool.reset(newHead: Pool.head(number: 12), state: state)
        #expect(pool.counts == TxPoolCounts(pending: 1, queued: 0))
        #expect(Array(pool.pending()).map(\.nonce) == [4])
    }

    @Test func resetDemotesWhatCanNoLongerBePaid() {
        let pool = Pool.make()
        let txs = (0..<4).map { Pool.signed(sender: alice, nonce: $0) { $0.value = 1000 } }
        _ = pool.add(txs, local: false)
        // Each transaction is checked against the balance on its own, as in Klaytn.
        var state = MemoryState.funded([alice.address])
        state.balances[alice.address] = UInt256(100_000) &* Pool.unitPrice &+ 1000
        pool.reset(newHead: Pool.head(number: 11), state: state)
        #expect(pool.counts == TxPoolCounts(pending: 4, queued: 0))
        state.balances[alice.address] = UInt256(100_000) &* Pool.unitPrice
        pool.reset(newHead: Pool.head(number: 12), state: state)
        #expect(pool.counts == TxPoolCounts(pending: 0, queued: 0))
    }

    @Test func resetDemotesAfterAKeyChange() {
        let pool = Pool.make()
        _ = pool.add((0..<3).map { Pool.signed(sender: alice, nonce: $0) }, local: false)
        var state = MemoryState.funded([alice.address])
        state.keys[alice.address] = .public(bob.publicKey)
        pool.reset(newHead: Pool.head(number: 11), state: state)
        #expect(pool.counts == TxPoolCounts(pending: 0, queued: 0))
    }

    @Test func removingAPendingTransactionRequeuesTheLaterOnes() {
        let pool = Pool.make()
        let txs = (0..<4).map { Pool.signed(sender: alice, nonce: $0) }
        _ = pool.add(txs, local: false)
        pool.remove([txs[1].hash])
        #expect(pool.counts == TxPoolCounts(pending: 1, queued: 2))
        #expect(pool.status(of: txs[2].hash) == .queued)
        pool.remove([txs[3].hash, Hash.zero])
        #expect(pool.counts == TxPoolCounts(pending: 1, queued: 1))
    }

    @Test func magmaKeepsUnderpricedTransactionsQueued() {
        let pool = Pool.make(head: Pool.magmaHead(baseFee: 25_000_000_000))
        let cheap = Pool.signed(sender: alice, nonce: 0, price: 25_000_000_000)
        let dear = Pool.signed(sender: alice, nonce: 1, price: 30_000_000_000)
        _ = pool.add([cheap, dear], local: false)
        #expect(pool.counts == TxPoolCounts(pending: 2, queued: 0))

        // The base fee rises past the first: both wait (the second is behind it).
        let state = MemoryState.funded([alice.address])
        pool.reset(newHead: Pool.magmaHead(baseFee: 26_000_000_000, number: 11), state: state)
        #expect(pool.counts == TxPoolCounts(pending: 0, queued: 2))
        #expect(pool.gasPrice == UInt256(26_000_000_000))
        pool.reset(newHead: Pool.magmaHead(baseFee: 25_000_000_000, number: 12), state: state)
        #expect(pool.counts == TxPoolCounts(pending: 2, queued: 0))
    }

    @Test func newPendingTransactionsAreStreamed() async {
        let pool = Pool.make()
        let stream = pool.newPendingTransactions()
        let txs = [Pool.signed(sender: alice, nonce: 1), Pool.signed(sender: alice, nonce: 0)]
        _ = pool.add(txs, local: false)
        var received: [Hash] = []
        for await pooled in stream {
            received.append(pooled.hash)
            if received.count == 2 { break }
        }
        #expect(received == [txs[1].hash, txs[0].hash])
    }
}
