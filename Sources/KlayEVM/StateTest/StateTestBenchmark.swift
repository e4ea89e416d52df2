import Foundation
import KlayPrimitives
import KlayState
import KlayStorage
import KlayTrie
import KlayTypes

/// One (state test, data/gas/value index) prepared for timing its transaction under Ethereum rules.
///
/// Preparing parses nothing more: it builds the pre-state once in a ``MemoryStore`` and commits it.
/// Each timed run then applies the transaction (validity checks, intrinsic gas, execution, refunds,
/// fee payments, end-of-transaction cleanup) on its own fresh ``StateDB`` over that committed root,
/// so every run starts cold and reads the accounts, code and storage it needs through the trie. The
/// StateDBs are made before the clock starts; nothing is committed while timing.
public struct StateTestBenchmark {
    /// What one measurement gave.
    public struct Measurement: Sendable {
        /// Gas used by the transaction (after the refund), as in the receipt.
        public var gasUsed: UInt64
        /// The fastest batch's time divided by its runs: the figure least skewed by other processes.
        public var secondsPerRun: Double
        /// The median batch's time per run.
        public var medianSecondsPerRun: Double
        public var batches: Int
        public var runsPerBatch: Int
    }

    public let name: String
    /// Which expectation of the fork this is: its data, gas and value indexes.
    public let index: (data: Int, gas: Int, value: Int)
    /// Whether a full untimed run (with commit) reproduced the expected post-state root and logs hash.
    public private(set) var matchesExpectation = false
    let rules: EVMRules
    let message: Message
    let block: BlockContext
    let store: MemoryStore
    let preStateRoot: Hash

    /// Every expectation under `fork`'s label in the state-test file at `url`, prepared with Ethereum's
    /// rules at that fork (the computation-cost limit is lifted, as in the runner).
    public static func load(contentsOf url: URL, fork: EVMRules.EthereumFork = .london) throws -> [StateTestBenchmark] {
        try StateTest.load(contentsOf: url).flatMap { test in
            try (test.post[fork.rawValue] ?? []).map { try StateTestBenchmark(test, expectation: $0, rules: .ethereum(fork)) }
        }
    }

    init(_ test: StateTest, expectation: StateTest.Expectation, rules: EVMRules) throws {
        var unlimited = rules
        unlimited.computationLimit = .max
        self.rules = unlimited
        name = test.name
        index = (expectation.dataIndex, expectation.gasIndex, expectation.valueIndex)
        message = try Message(test.transaction, expectation: expectation)
        let environment = test.environment
        block = BlockContext(
            coinbase: environment.coinbase, number: environment.number, time: environment.timestamp,
            gasLimit: environment.gasLimit, baseFee: environment.baseFee ?? .zero,
            difficultyOrRandom: rules.prevRandao ? environment.random ?? .zero : environment.difficulty,
            chainID: UInt256(1),
            blockHash: { number in Keccak256.hash(Array(String(number).utf8)) })
        store = MemoryStore()
        let state = StateDB(backend: try TrieStateBackend(store: store, encoding: .ethereum))
        StateTestRunner.loadPreState(test.pre, into: state, rules: unlimited)
        preStateRoot = try state.commit()

        let check = try freshState()
        _ = apply(on: check)
        matchesExpectation = try check.commit() == expectation.stateRoot && check.logs.rlpHash == expectation.logsHash
    }

    /// A StateDB over the committed pre-state, with nothing loaded yet.
    func freshState() throws -> StateDB {
        StateDB(backend: try TrieStateBackend(store: store, root: preStateRoot, encoding: .ethereum))
    }

    /// The timed part: the transaction and the end of the block's only transaction, without the commit.
    /// Returns the gas used, or nil if the transaction was rejected.
    func apply(on state: StateDB) -> UInt64? {
        let outcome = TransactionApplier.apply(message, block: block, state: state, rules: rules, tracer: nil)
        state.touchAccount(block.coinbase)
        state.endTransaction(deleteEmptyAccounts: true)
        guard case .executed(let result) = outcome else { return nil }
        return message.gasLimit - result.gasLeft
    }

    /// Runs the transaction in batches for about `seconds` (at least `minimumBatches` batches) after one
    /// untimed warm-up run; a batch holds enough runs to last about `batchSeconds`.
    public func measure(seconds: Double, minimumBatches: Int = 5, batchSeconds: Double = 0.02) throws -> Measurement {
        let clock = ContinuousClock()
        let warmState = try freshState()
        let warmStart = clock.now
        guard let gasUsed = apply(on: warmState) else { throw StateTestError.malformed("\(name): transaction rejected") }
        let warmUp = Self.seconds(clock.now - warmStart)
        let runsPerBatch = max(1, min(10_000, Int(batchSeconds / max(warmUp, 1e-9))))

        var perRun: [Double] = []
        let budgetStart = clock.now
        while perRun.count < minimumBatches || Self.seconds(clock.now - budgetStart) < seconds {
            let states = try (0..<runsPerBatch).map { _ in try freshState() }
            let start = clock.now
            for state in states {
                guard apply(on: state) == gasUsed else { throw StateTestError.malformed("\(name): gas used changed between runs") }
            }
            perRun.append(Self.seconds(clock.now - start) / Double(runsPerBatch))
        }
        let sorted = perRun.sorted()
        return Measurement(gasUsed: gasUsed, secondsPerRun: sorted[0], medianSecondsPerRun: sorted[sorted.count / 2],
                           batches: sorted.count, runsPerBatch: runsPerBatch)
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }
}
