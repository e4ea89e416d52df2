import KlayPrimitives
import KlayTxPool
import KlayTypes
import Testing

/// The block builder's view: nonce order per sender, then price, then arrival across senders.
@Suite struct PendingOrderTests {
    let alice = Pool.key(1), bob = Pool.key(2), carol = Pool.key(3)

    @Test func arrivalOrderAtEqualPrices() {
        let pool = Pool.make()
        let txs = [Pool.signed(sender: bob, nonce: 0), Pool.signed(sender: alice, nonce: 0),
                   Pool.signed(sender: bob, nonce: 1), Pool.signed(sender: alice, nonce: 1)]
        _ = pool.add(txs, local: false)
        #expect(Array(pool.pending()).map(\.hash) == txs.map(\.hash))
    }

    @Test func higherPriceFirstButNeverAheadOfALowerNonce() {
        let pool = Pool.make(head: Pool.magmaHead())
        let aliceCheap = Pool.signed(sender: alice, nonce: 0, price: 25_000_000_000)
        let aliceDear = Pool.signed(sender: alice, nonce: 1, price: 90_000_000_000)
        let bobMid = Pool.signed(sender: bob, nonce: 0, price: 50_000_000_000)
        let carolMid = Pool.signed(sender: carol, nonce: 0, price: 50_000_000_000)
        _ = pool.add([aliceCheap, aliceDear, bobMid, carolMid], local: false)
        let order = Array(pool.pending()).map(\.hash)
        #expect(order == [bobMid.hash, carolMid.hash, aliceCheap.hash, aliceDear.hash])
    }

    @Test func peekShiftAndPop() {
        let pool = Pool.make()
        let txs = [Pool.signed(sender: alice, nonce: 0), Pool.signed(sender: bob, nonce: 0),
                   Pool.signed(sender: alice, nonce: 1), Pool.signed(sender: bob, nonce: 1)]
        _ = pool.add(txs, local: false)
        var pending = pool.pending()
        #expect(pending.count == 4)
        #expect(pending.peek()?.hash == txs[0].hash)
        pending.pop()  // Alice's first failed: her later nonces go too.
        #expect(pending.next()?.hash == txs[1].hash)
        #expect(pending.next()?.hash == txs[3].hash)
        #expect(pending.next() == nil)
        pending.shift()
        #expect(pending.peek() == nil)
    }

    @Test func snapshotIsUnaffectedByLaterChanges() {
        let pool = Pool.make()
        let tx = Pool.signed(sender: alice, nonce: 0)
        _ = pool.add([tx], local: false)
        let snapshot = pool.pending()
        pool.remove([tx.hash])
        #expect(Array(snapshot).map(\.hash) == [tx.hash])
        #expect(pool.pending().peek() == nil)
    }
}
