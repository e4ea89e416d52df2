import KlayPrimitives
import KlayTestSupport
import KlayTxPool
import KlayTypes
import Testing

/// Transactions no decoder would produce (built in memory, or mutated after signing): the pool refuses
/// them with an error and never crashes.
@Suite struct MalformedInputTests {
    let alice = Pool.key(1)

    @Test func unsignedTransactions() {
        let pool = Pool.make()
        #expect(pool.addText(Pool.unsigned(.valueTransfer, from: alice.address, nonce: 0)) == "invalid chain id")
        #expect(pool.addText(Pool.unsigned(.legacy, from: alice.address, nonce: 0)) == "invalid chain id")
        #expect(pool.addText(Pool.unsigned(.ethereumDynamicFee, from: alice.address, nonce: 0))
            == "invalid sender: invalid transaction v, r, s values")
    }

    @Test func outOfRangeSignatureValues() {
        var tx = Pool.signed(sender: alice, nonce: 0)
        tx.signatures[0].r = .zero
        #expect(Pool.make().addText(tx) == "invalid sender: invalid transaction v, r, s values")
        var highS = Pool.signed(sender: alice, nonce: 0)
        highS.signatures[0].s = .max
        #expect(Pool.make().addText(highS) == "invalid sender: invalid transaction v, r, s values")
    }

    @Test func missingFeePayerSignature() {
        var tx = Pool.unsigned(.feeDelegatedValueTransfer, from: alice.address, nonce: 0)
        tx.sign(with: alice, chainID: Pool.chainID)
        tx.feePayer = Pool.key(2).address
        #expect(Pool.make().addText(tx) == "invalid fee payer: invalid transaction v, r, s values")
        var otherChain = tx
        otherChain.signAsFeePayer(with: Pool.key(2), chainID: 7)
        #expect(Pool.make().addText(otherChain) == "invalid fee payer: invalid chain id for signer")
    }

    @Test func undecodableAccountUpdateKey() {
        let tx = Pool.signed(.accountUpdate, sender: alice, nonce: 0) { $0.key = [0xff, 0x01] }
        #expect(Pool.make().addText(tx) == "key is not serializable")
    }

    @Test func fieldsChangedAfterSigning() {
        var tx = Pool.signed(sender: alice, nonce: 0)
        tx.value = 2
        // The signature now recovers some other key, which Alice's legacy key refuses.
        #expect(Pool.make().addText(tx) == "invalid sender: invalid account key")
    }

    @Test func gasOverflowIsInsufficientFunds() {
        let tx = Pool.signed(sender: alice, nonce: 0, price: .max)
        let pool = Pool.make(head: Pool.magmaHead())
        #expect(pool.addText(tx) == "insufficient funds of the sender for value ")
    }

    /// Random single-byte corruptions of valid raw transactions: whatever still decodes is refused or
    /// admitted, never crashes, and the pool's counts stay consistent.
    @Test func corruptedRawTransactions() {
        var generator = SeededGenerator(seed: 7)
        let pool = Pool.make()
        let originals = [TxType.valueTransfer, .feeDelegatedValueTransferWithRatio, .legacy, .ethereumDynamicFee,
                         .accountUpdate, .chainDataAnchoring].map { Pool.signed($0, sender: alice, nonce: 0) }
        var decoded: [Transaction] = []
        for _ in 0..<300 {
            var raw = originals.randomElement(using: &generator)!.rawBytes
            let index = Int.random(in: 0..<raw.count, using: &generator)
            raw[index] ^= UInt8.random(in: 1...255, using: &generator)
            if let tx = try? Transaction(rawBytes: raw) { decoded.append(tx) }
        }
        let results = pool.add(decoded, local: false)
        #expect(results.count == decoded.count)
        let counts = pool.counts
        let accepted = Set(results.compactMap { try? $0.get() })
        #expect(counts.pending + counts.queued <= accepted.count)
        #expect(Array(pool.pending()).allSatisfy { accepted.contains($0.hash) })
    }
}
