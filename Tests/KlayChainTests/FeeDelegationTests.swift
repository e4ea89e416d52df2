import KlayChain
import KlayPrimitives
import KlayTypes
import Testing

/// Fee-delegated and partially fee-delegated transactions: who pays what, to the peb (spec/transactions.md §8).
@Suite struct FeeDelegationTests {
    let sender = ProcessorFixture.key(1)
    let payer = ProcessorFixture.key(4)
    let recipient = ProcessorFixture.key(2).address
    let start = ProcessorFixture.klay &* UInt256(10)

    func fixture() throws -> ProcessorFixture {
        let chain = try ProcessorFixture()
        chain.fund(sender.address, start)
        chain.fund(payer.address, start)
        return chain
    }

    @Test func feePayerPaysTheWholeFee() throws {
        let chain = try fixture()
        let tx = chain.transaction(.feeDelegatedValueTransfer, from: sender.address, signers: [sender], nonce: 0,
                                   feePayer: (payer.address, [payer])) {
            $0.to = recipient
            $0.value = UInt256(1_000)
        }
        let execution = try chain.block([tx])
        #expect(execution.receipts[0].gasUsed == 31_000)
        #expect(chain.balance(sender.address) == start &- UInt256(1_000))
        #expect(chain.balance(payer.address) == start &- UInt256(31_000) &* ProcessorFixture.baseFee)
    }

    @Test(arguments: [1, 30, 99] as [UInt8])
    func ratioSplitsTheFee(ratio: UInt8) throws {
        let chain = try fixture()
        let tx = chain.transaction(.feeDelegatedValueTransferWithRatio, from: sender.address, signers: [sender], nonce: 0,
                                   feePayer: (payer.address, [payer])) {
            $0.to = recipient
            $0.value = UInt256(1_000)
            $0.feeRatio = ratio
        }
        let execution = try chain.block([tx])
        #expect(execution.receipts[0].gasUsed == 36_000)
        // 36 000 × 25 ston = 900 000 000 000 000 peb; the fee payer's part is floor(fee × ratio / 100).
        let fee = UInt256(900_000_000_000_000 as UInt64)
        let payerPart = fee &* UInt256(UInt64(ratio)) / UInt256(100)
        #expect(chain.balance(payer.address) == start &- payerPart)
        #expect(chain.balance(sender.address) == start &- UInt256(1_000) &- (fee &- payerPart))
    }

    @Test func ratioRefundFollowsTheSplitAfterExecution() throws {
        // A contract call that leaves gas unused: the refund of unused gas goes back by the same ratio.
        let chain = try fixture()
        let deploy = chain.transaction(.smartContractDeploy, from: sender.address, signers: [sender], nonce: 0) {
            $0.input = CounterContract.deployment(start: 5)
        }
        let deployed = try chain.block([deploy])
        let counter = deployed.receipts[0].contractAddress
        let senderBefore = chain.balance(sender.address)
        let call = chain.transaction(.feeDelegatedSmartContractExecutionWithRatio, from: sender.address, signers: [sender],
                                     nonce: 1, feePayer: (payer.address, [payer])) {
            $0.to = counter
            $0.input = CounterContract.increment(by: 2)
            $0.feeRatio = 40
        }
        let execution = try chain.block([call])
        let fee = UInt256(execution.receipts[0].gasUsed) &* ProcessorFixture.baseFee
        // Bought at gas × price and refunded separately, each split with floor: the sum is exact here.
        let payerPart = UInt256(1_000_000 as UInt64) &* ProcessorFixture.baseFee &* UInt256(40) / UInt256(100)
            &- UInt256(1_000_000 - execution.receipts[0].gasUsed) &* ProcessorFixture.baseFee &* UInt256(40) / UInt256(100)
        #expect(chain.balance(payer.address) == start &- payerPart)
        #expect(chain.balance(sender.address) == senderBefore &- (fee &- payerPart))
    }

    @Test func feePayerRefusals() throws {
        let chain = try fixture()
        let poor = ProcessorFixture.key(5)
        let unfunded = chain.transaction(.feeDelegatedCancel, from: sender.address, signers: [sender], nonce: 0,
                                         feePayer: (poor.address, [poor]))
        #expect(chain.rejection(unfunded) == "insufficient balance of the fee payer to pay for gas")
        let forged = chain.transaction(.feeDelegatedCancel, from: sender.address, signers: [sender], nonce: 0,
                                       feePayer: (payer.address, [poor]))
        #expect(chain.rejection(forged) == "invalid fee payer: invalid account key")
        let broke = ProcessorFixture.key(6)
        chain.fund(broke.address, UInt256(1))
        let senderShort = chain.transaction(.feeDelegatedCancelWithRatio, from: broke.address, signers: [broke], nonce: 0,
                                            feePayer: (payer.address, [payer])) { $0.feeRatio = 50 }
        #expect(chain.rejection(senderShort) == "insufficient balance of the sender to pay for gas")
    }
}
