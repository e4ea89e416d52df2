import KlayPrimitives
import KlayTxPool
import KlayTypes
import Testing

/// Same-nonce replacement (spec/transactions.md §6.6, `klaytn:blockchain/tx_list.go`).
@Suite struct ReplacementTests {
    let alice = Pool.key(1)
    let refused = "there is another tx which has the same nonce in the tx pool"

    @Test func beforeMagmaOnlyCancelReplaces() {
        let pool = Pool.make()
        let original = Pool.signed(sender: alice, nonce: 0)
        let other = Pool.signed(sender: alice, nonce: 0) { $0.value = 2 }
        _ = pool.add([original], local: false)
        #expect(pool.addText(other) == refused)

        let cancel = Pool.signed(.cancel, sender: alice, nonce: 0)
        #expect(pool.addText(cancel) == "accepted")
        #expect(!pool.contains(original.hash))
        #expect(pool.status(of: cancel.hash) == .pending)
        #expect(pool.counts == TxPoolCounts(pending: 1, queued: 0))
        // A Cancel replaces a Cancel too.
        #expect(pool.addText(Pool.signed(.feeDelegatedCancel, sender: alice, nonce: 0)) == "accepted")
    }

    @Test func cancelReplacesAQueuedTransaction() {
        let pool = Pool.make()
        let queued = Pool.signed(sender: alice, nonce: 3)
        _ = pool.add([queued], local: false)
        #expect(pool.addText(Pool.signed(sender: alice, nonce: 3) { $0.value = 5 }) == refused)
        let cancel = Pool.signed(.cancel, sender: alice, nonce: 3)
        #expect(pool.addText(cancel) == "accepted")
        #expect(pool.counts == TxPoolCounts(pending: 0, queued: 1))
        #expect(pool.status(of: cancel.hash) == .queued)
    }

    @Test func fromMagmaAStrictlyHigherPriceReplaces() {
        let pool = Pool.make(head: Pool.magmaHead(baseFee: 25_000_000_000))
        let original = Pool.signed(sender: alice, nonce: 0, price: 30_000_000_000)
        _ = pool.add([original], local: false)
        #expect(pool.addText(Pool.signed(sender: alice, nonce: 0, price: 30_000_000_000) { $0.value = 2 }) == refused)
        #expect(pool.addText(Pool.signed(sender: alice, nonce: 0, price: 29_000_000_000)) == refused)
        let higher = Pool.signed(sender: alice, nonce: 0, price: 30_000_000_001)
        #expect(pool.addText(higher) == "accepted")
        #expect(pool.counts == TxPoolCounts(pending: 1, queued: 0))
        #expect(Array(pool.pending()).map(\.hash) == [higher.hash])
        // A Cancel still replaces at a lower price.
        #expect(pool.addText(Pool.signed(.cancel, sender: alice, nonce: 0, price: 25_000_000_000)) == "accepted")
    }

    @Test func aPendingReplacementIsPublished() async {
        let pool = Pool.make()
        _ = pool.add([Pool.signed(sender: alice, nonce: 0)], local: false)
        let stream = pool.newPendingTransactions()
        let cancel = Pool.signed(.cancel, sender: alice, nonce: 0)
        _ = pool.add([cancel], local: false)
        for await pooled in stream {
            #expect(pooled.hash == cancel.hash)
            break
        }
    }
}
