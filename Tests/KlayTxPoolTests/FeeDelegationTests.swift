import KlayPrimitives
import KlayTxPool
import KlayTypes
import Testing

/// Who must hold what for fee-delegated transactions (spec/transactions.md §8).
@Suite struct FeeDelegationTests {
    let sender = Pool.key(1), payer = Pool.key(2)
    let senderShort = "insufficient funds of the sender for value "
    let payerShort = "insufficient funds of the fee payer for gas * price"

    /// gas 100 000 × 25 ston.
    let fee = UInt256(100_000) &* Pool.unitPrice

    func pool(sender senderBalance: UInt256, payer payerBalance: UInt256) -> TxPool {
        var state = MemoryState()
        state.balances[sender.address] = senderBalance
        state.balances[payer.address] = payerBalance
        return Pool.make(state: state)
    }

    @Test func fullDelegationSplitsValueAndFee() {
        let tx = Pool.signed(.feeDelegatedValueTransfer, sender: sender, nonce: 0, feePayer: payer) { $0.value = 1000 }
        #expect(pool(sender: 1000, payer: fee).addText(tx) == "accepted")
        #expect(pool(sender: 999, payer: fee).addText(tx) == senderShort)
        #expect(pool(sender: 1000, payer: fee &- 1).addText(tx) == payerShort)
    }

    @Test func ratioSplitsTheFee() {
        // 30 % of the fee is the payer's, the rest and the value the sender's.
        let tx = Pool.signed(.feeDelegatedValueTransferWithRatio, sender: sender, nonce: 0, feePayer: payer) {
            $0.value = 1000
            $0.feeRatio = 30
        }
        let payerPart = fee &* 30 / 100
        let senderPart = fee &- payerPart &+ 1000
        #expect(pool(sender: senderPart, payer: payerPart).addText(tx) == "accepted")
        #expect(pool(sender: senderPart &- 1, payer: payerPart).addText(tx) == senderShort)
        #expect(pool(sender: senderPart, payer: payerPart &- 1).addText(tx) == payerShort)
    }

    @Test func ratioShareRoundsThePayersPartDown() {
        // At 1 peb per gas the fee is 100 001 peb: the payer's 33 % is 33 000 (floor), the sender's 67 001.
        let tx = Pool.signed(.feeDelegatedCancelWithRatio, sender: sender, nonce: 0, price: 1, feePayer: payer) {
            $0.gas = 100_001
            $0.feeRatio = 33
        }
        func admit(sender senderBalance: UInt256, payer payerBalance: UInt256) -> String {
            var state = MemoryState()
            state.balances[sender.address] = senderBalance
            state.balances[payer.address] = payerBalance
            return Pool.make(head: Pool.magmaHead(baseFee: 1), state: state).addText(tx)
        }
        #expect(admit(sender: 67_001, payer: 33_000) == "accepted")
        #expect(admit(sender: 67_000, payer: 33_000) == senderShort)
        #expect(admit(sender: 67_001, payer: 32_999) == payerShort)
    }

    @Test func senderPayingForItselfNeedsTheWholeCost() {
        let tx = Pool.signed(.feeDelegatedValueTransfer, sender: sender, nonce: 0, feePayer: sender) { $0.value = 1000 }
        var state = MemoryState()
        state.balances[sender.address] = fee &+ 999
        #expect(Pool.make(state: state).addText(tx) == senderShort)
        state.balances[sender.address] = fee &+ 1000
        #expect(Pool.make(state: state).addText(tx) == "accepted")
    }

    @Test func feePayerWithADecoupledKey() {
        // The payer account's key is another key's; that key must sign, with the fee-payer role.
        let signingKey = Pool.key(3)
        var state = MemoryState.funded([sender.address, payer.address])
        state.keys[payer.address] = .roleBased([.legacy, .legacy, .public(signingKey.publicKey)])
        var tx = Pool.unsigned(.feeDelegatedValueTransfer, from: sender.address, nonce: 0)
        tx.sign(with: sender, chainID: Pool.chainID)
        tx.feePayer = payer.address
        var wrong = tx
        tx.signAsFeePayer(with: signingKey, chainID: Pool.chainID)
        wrong.signAsFeePayer(with: payer, chainID: Pool.chainID)
        #expect(Pool.make(state: state).addText(tx) == "accepted")
        #expect(Pool.make(state: state).addText(wrong) == "invalid fee payer: invalid account key")
    }

    @Test func aFeePayerThatRunsDryIsDroppedOnReset() {
        let tx = Pool.signed(.feeDelegatedValueTransfer, sender: sender, nonce: 0, feePayer: payer)
        let pool = pool(sender: Pool.rich, payer: fee)
        #expect(pool.addText(tx) == "accepted")
        var state = MemoryState()
        state.balances[sender.address] = Pool.rich
        state.balances[payer.address] = fee &- 1
        pool.reset(newHead: Pool.head(number: 11), state: state)
        #expect(pool.counts == TxPoolCounts(pending: 0, queued: 0))
    }
}
