import KlayChain
import KlayConsensus
import KlayPrimitives
import KlayStorage
import KlayTypes

/// A one-validator chain in a store: a genesis with funded accounts and the validator in its extra
/// data, and a helper that produces a block the way the node does (propose, then the 1-of-1 committed
/// seal, then commit).
enum ChainFixture {
    static let validator = ProcessorFixture.key(200)
    static let rewardbase = Address(lastBytesOf: Keccak256.hash(Array("rewardbase".utf8)))
    static let funded = (1...5).map { ProcessorFixture.key(UInt8($0)) }

    static var genesis: Genesis {
        var config = ChainConfig()
        config.chainId = UInt256(ProcessorFixture.chainID)
        for fork in Hardfork.allCases where fork != .randao && fork != .dragon { config.setBlock(0, of: fork) }
        config.istanbul = IstanbulConfig(epoch: 604_800, proposerPolicy: 0, subGroupSize: 21)
        config.unitPrice = 25_000_000_000
        config.deriveShaImpl = 2
        config.governance = GovernanceConfig(
            governanceMode: "single",
            reward: RewardConfig(mintingAmount: UInt256(9_600_000_000_000_000_000 as UInt64), ratio: "34/54/12",
                                 kip82Ratio: "20/80", deferredTxFee: true, minimumStake: UInt256(5_000_000 as UInt64)))
        var genesis = Genesis(config: config)
        genesis.timestamp = 1_700_000_000
        genesis.blockScore = .one
        genesis.extraData = IstanbulExtra(validators: [validator.address], seal: [UInt8](repeating: 0, count: 65)).encoded
        for key in funded { genesis.alloc[key.address] = GenesisAccount(balance: ProcessorFixture.klay &* UInt256(1_000)) }
        return genesis
    }

    static func open(_ store: any KeyValueStore = MemoryStore()) throws -> Blockchain {
        try Blockchain(store: store, genesis: genesis)
    }

    /// Proposes and commits the next block with `transactions`, one second after the head.
    @discardableResult
    static func produce(_ chain: Blockchain, _ transactions: [Transaction]) throws -> (Block, Blockchain.Proposal) {
        let recovered = try chain.processor.recoverSenders(transactions)
        let time = BlockTime(seconds: (chain.head.time.uint64Value ?? 0) + 1)
        let proposal = try chain.propose(recovered, proposer: validator, rewardbase: rewardbase, now: time)
        let seal = IstanbulSealing.commitSeal(blockHash: proposal.block.hash, with: validator)
        let committed = try IstanbulSealing.writeCommittedSeals(proposal.block.header, seals: [seal], round: 0)
        try chain.commit(proposal, header: committed)
        return (Block(header: committed, transactions: proposal.block.transactions), proposal)
    }

    /// A signed value transfer of `value` peb from funded account `index`.
    static func transfer(from index: Int, nonce: UInt64, to: Address, value: UInt64 = 1) -> Transaction {
        var tx = Transaction(type: .valueTransfer)
        tx.nonce = nonce
        tx.gasPrice = ProcessorFixture.baseFee
        tx.gas = 21_000
        tx.from = funded[index].address
        tx.to = to
        tx.value = UInt256(value)
        tx.sign(with: funded[index], chainID: ProcessorFixture.chainID)
        return tx
    }
}
