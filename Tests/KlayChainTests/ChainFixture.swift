import KlayChain
import KlayConsensus
import KlayNode
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

    /// ``DevNetwork``'s one-validator genesis: every fork through Cancun at block 0, round robin,
    /// 9.6 KLAY minted per block with fees deferred; 1 000 KLAY for each funded account.
    static var genesis: Genesis {
        DevNetwork.genesis(chainID: ProcessorFixture.chainID, validator: validator.address, funded: funded.map(\.address),
                           balance: ProcessorFixture.klay &* UInt256(1_000))
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
