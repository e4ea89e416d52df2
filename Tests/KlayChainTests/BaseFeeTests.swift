import KlayChain
import KlayPrimitives
import KlayTypes
import Testing

/// KIP-71: the worked values of spec/accounts.md §9.2 (computed there with an independent
/// implementation), and the fee moving with block fullness through the processor.
@Suite struct BaseFeeTests {
    static let table: [(parentBaseFee: UInt64?, gasUsed: UInt64, next: UInt64)] = [
        (nil, 0, 25_000_000_000),
        (25_000_000_000, 60_000_000, 26_250_000_000),
        (25_000_000_000, 90_000_000, 26_250_000_000),
        (25_000_000_000, 0, 25_000_000_000),
        (100_000_000_000, 0, 95_000_000_000),
        (100_000_000_000, 45_000_000, 102_500_000_000),
        (750_000_000_000, 60_000_000, 750_000_000_000),
        (27_000_000_000, 30_000_001, 27_000_000_044),
        (30_000_000_001, 29_999_999, 29_999_999_950),
    ]

    @Test(arguments: table.indices)
    func workedValues(_ index: Int) {
        let row = Self.table[index]
        let next = BaseFee.next(parentNumber: 100, parentBaseFee: row.parentBaseFee.map { UInt256($0) },
                                parentGasUsed: row.gasUsed, parameters: .default)
        #expect(next == UInt256(row.next))
    }

    @Test func childOfGenesisGetsTheLowerBound() {
        let next = BaseFee.next(parentNumber: 0, parentBaseFee: UInt256(500_000_000_000 as UInt64), parentGasUsed: 60_000_000,
                                parameters: .default)
        #expect(next == UInt256(25_000_000_000 as UInt64))
    }

    @Test func boundsAreRoundedToEven() {
        var parameters = KIP71Config.default
        parameters.lowerBoundBaseFee = 25_000_000_001
        parameters.upperBoundBaseFee = 25_000_000_003
        #expect(BaseFee.next(parentNumber: 0, parentBaseFee: nil, parentGasUsed: 0, parameters: parameters) == UInt256(25_000_000_002 as UInt64))
        let capped = BaseFee.next(parentNumber: 5, parentBaseFee: UInt256(25_000_000_002 as UInt64), parentGasUsed: 60_000_000,
                                  parameters: parameters)
        #expect(capped == UInt256(25_000_000_002 as UInt64))
    }

    /// Full blocks push the fee up 5 % a block; empty ones bring it back down to the floor.
    @Test func risesUnderFullBlocksAndFallsWhenEmpty() throws {
        var parameters = KIP71Config.default
        parameters.gasTarget = 60_000  // a few contract deployments fill a block
        parameters.maxBlockGasUsedForBaseFee = 120_000
        let chain = try ProcessorFixture(kip71: parameters)
        let sender = ProcessorFixture.key(1)
        chain.fund(sender.address, ProcessorFixture.klay &* UInt256(100))
        var fees: [UInt256] = []
        var nonce: UInt64 = 0
        for _ in 0..<4 {
            let deploys = (0..<2).map { _ in
                defer { nonce += 1 }
                return chain.transaction(.smartContractDeploy, from: sender.address, signers: [sender], nonce: nonce) {
                    $0.input = CounterContract.deployment(start: 1)
                    $0.gasPrice = UInt256(750_000_000_000 as UInt64)
                }
            }
            try chain.block(deploys)
            #expect(chain.parent.gasUsed > 120_000)
            fees.append(try #require(chain.parent.baseFee))
        }
        // The first block after genesis is at the floor; each full block then adds 1/20 of the fee (max delta).
        #expect(fees == [25_000_000_000, 26_250_000_000, 27_562_500_000, 28_940_625_000].map { UInt256($0 as UInt64) })
        // Block 5 carries 28.94 × 1.05; empty blocks then take 5 % a block off until the floor.
        var falling: [UInt256] = []
        for _ in 0..<6 {
            try chain.block([])
            falling.append(try #require(chain.parent.baseFee))
        }
        #expect(falling == [30_387_656_250, 28_868_273_438, 27_424_859_766, 26_053_616_778, 25_000_000_000, 25_000_000_000]
            .map { UInt256($0 as UInt64) })
    }
}
