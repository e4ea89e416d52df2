import Foundation
import KlayChain
import KlayConsensus
import KlayPrimitives
import KlayTxPool
import KlayTypes

/// Makes blocks on a validator: takes the pool's executable transactions in order, has the chain
/// execute and seal a proposal within the time budget, runs it through the Istanbul core (with a
/// council of one the core commits it in the same call; with more, the same path waits for their
/// messages), commits it, and moves the pool to the new head.
public final class BlockProducer: @unchecked Sendable {
    public let chain: Blockchain
    public let pool: TxPool
    public let rewardbase: Address
    /// Nanoseconds of execution a block may take (Klaytn: 250 ms).
    public let budget: UInt64
    private let key: PrivateKey
    private var core: IstanbulCore
    private let lock = NSLock()

    /// What one call to ``produceBlock(now:)`` made.
    public struct Produced: Sendable {
        public let block: Block
        public let receipts: [Receipt]
        public let timings: BlockTimings
    }

    public init(chain: Blockchain, pool: TxPool, key: PrivateKey, rewardbase: Address, budget: UInt64 = 250_000_000) {
        self.chain = chain
        self.pool = pool
        self.key = key
        self.rewardbase = rewardbase
        self.budget = budget
        core = IstanbulCore(key: key) { _, _, _ in }
    }

    /// The pool's context and state reader for the chain's current head.
    public static func poolHead(of chain: Blockchain) throws -> (TxPoolContext, HeadStateReader) {
        let head = chain.head
        let context = TxPoolContext(chainConfig: chain.config, headNumber: head.number.uint64Value ?? 0,
                                    unitPrice: chain.processor.parameters.unitPrice,
                                    nextBaseFee: chain.processor.baseFee(childOf: head))
        return (context, try HeadStateReader(chain: chain, root: head.stateRoot))
    }

    /// Produces and commits the next block (possibly empty) at wall-clock time `now`.
    public func produceBlock(now: BlockTime) throws -> Produced {
        try lock.withLock {
            let parent = chain.head
            _ = try core.handle(.start(parent: parent, validators: chain.validators))
            let candidates = pool.pending().map(\.recovered)
            let proposal = try chain.propose(candidates, proposer: key, rewardbase: rewardbase, now: now, budget: budget)
            var committed: Block?
            do {
                for action in try core.handle(.proposal(proposal.block)) {
                    if case .commit(let block) = action { committed = block }
                }
            } catch {
                try chain.abandon(proposal)
                throw error
            }
            guard let committed else {
                try chain.abandon(proposal)
                throw ProducerError.notCommitted(validators: chain.validators.count)
            }
            var timings = proposal.timings
            timings.write = try chain.commit(proposal, header: committed.header)
            let (context, reader) = try Self.poolHead(of: chain)
            pool.reset(newHead: context, state: reader)
            return Produced(block: committed, receipts: proposal.receipts, timings: timings)
        }
    }
}

/// Why the producer made no block.
public enum ProducerError: Error, Sendable, CustomStringConvertible {
    /// The core did not commit the proposal at once: a council larger than this node needs the others' votes.
    case notCommitted(validators: Int)

    public var description: String {
        switch self {
        case .notCommitted(let count): return "proposal not committed: a council of \(count) needs the other validators' messages"
        }
    }
}
