import Foundation
import KlayChainStore
import KlayConsensus
import KlayPrimitives
import KlayState
import KlayStorage
import KlayTypes

/// The chain: its database, the state at the head, and the one way blocks get in.
///
/// Blocks are imported (``importBlock(_:now:)``) or produced (``propose(_:proposer:rewardbase:now:budget:)``
/// then ``commit(_:header:)``) one at a time, under a lock; both run the same ``BlockProcessor`` and
/// write a block, its state, receipts, indexes and the head pointer in one atomic batch, so a crash
/// leaves the database at the last committed block. Readers never take that lock for long: committed
/// blocks and receipts come from the ``ChainStore`` and committed state from ``state(at:)``, a fresh
/// view of the tries at a root (trie nodes are immutable once written).
public final class Blockchain: @unchecked Sendable {
    public let config: ChainConfig
    public let processor: BlockProcessor
    public let engine: ConsensusEngine
    /// The council. Fixed at the genesis validators until governance votes are applied.
    public let validators: ValidatorSet
    public let chainStore: ChainStore
    public let genesisHash: Hash
    /// Whether fee-delegated transactions are indexed by their senderTxHash (`--sendertxhashindexing`).
    public let indexesSenderTxHashes: Bool
    public let store: any KeyValueStore

    private let lock = NSLock()
    private var persistent: PersistentState
    private var headHeader: Header
    /// The block ``propose`` executed and staged, waiting for consensus to ``commit`` it.
    private var pending: Proposal?

    /// Opens the chain in `store`, writing `genesis` first if the store is empty. Refuses a store that
    /// holds another chain.
    public convenience init(store: any KeyValueStore, genesis: Genesis, blockPeriod: UInt64 = 1, indexSenderTxHashes: Bool = false) throws {
        let genesisBlock = GenesisBlock(genesis: genesis)
        let chainStore = ChainStore(store: store)
        if let stored = try chainStore.genesisHash() {
            guard stored == genesisBlock.hash else { throw ChainStoreError.genesisMismatch(stored: stored, given: genesisBlock.hash) }
        } else {
            try Self.writeGenesis(genesis, block: genesisBlock, store: store, chainStore: chainStore)
        }
        try self.init(store: store, chainStore: chainStore, config: genesis.config, genesisHeader: genesisBlock.header,
                      blockPeriod: blockPeriod, indexSenderTxHashes: indexSenderTxHashes)
    }

    /// Opens the chain a store was initialised with (`klay init`): its genesis block and chain config
    /// are read from the store.
    public convenience init(opening store: any KeyValueStore, blockPeriod: UInt64 = 1, indexSenderTxHashes: Bool = false) throws {
        let chainStore = ChainStore(store: store)
        guard let genesisHash = try chainStore.genesisHash(), let genesisHeader = try chainStore.header(number: 0),
              let config = try chainStore.chainConfig(genesisHash: genesisHash) else {
            throw ChainError.notInitialized
        }
        try self.init(store: store, chainStore: chainStore, config: config, genesisHeader: genesisHeader,
                      blockPeriod: blockPeriod, indexSenderTxHashes: indexSenderTxHashes)
    }

    private init(store: any KeyValueStore, chainStore: ChainStore, config: ChainConfig, genesisHeader: Header,
                 blockPeriod: UInt64, indexSenderTxHashes: Bool) throws {
        self.store = store
        self.config = config
        self.chainStore = chainStore
        processor = BlockProcessor(config: config)
        engine = ConsensusEngine(blockPeriod: blockPeriod)
        let istanbul = config.istanbul ?? .default
        validators = try ValidatorSet(extra: genesisHeader.extra, policy: ProposerPolicy(configValue: istanbul.proposerPolicy),
                                      subGroupSize: istanbul.subGroupSize)
        indexesSenderTxHashes = indexSenderTxHashes
        genesisHash = genesisHeader.hash
        guard let head = try chainStore.headHeader() else { throw ChainError.missingHead }
        persistent = try PersistentState(store: store)
        guard persistent.root == head.stateRoot else {
            throw ChainError.stateMismatch(head: head.stateRoot, state: persistent.root)
        }
        headHeader = head
    }

    private static func writeGenesis(_ genesis: Genesis, block: GenesisBlock, store: any KeyValueStore, chainStore: ChainStore) throws {
        let persistent = try PersistentState(store: store)
        let state = persistent.state
        state.beginTransaction()
        for (address, entry) in genesis.alloc.sorted(by: { $0.key < $1.key }) {
            var account = GenesisState.account(for: entry)
            if var contract = account.contract {
                contract.storageRoot = Account.emptyStorageRoot
                contract.codeHash = Account.emptyCodeHash
                account.contract = contract
            }
            state.createAccount(address, account)
            if account.contract != nil {
                state.setCode(address, entry.code, codeInfo: CodeInfo(rawValue: 0))
                for (slot, value) in entry.storage where value != .zero { state.setStorage(address, UInt256(slot), UInt256(value)) }
            }
        }
        state.endTransaction(deleteEmptyAccounts: false)
        let root = try persistent.stage()
        guard root == block.header.stateRoot else { throw ChainError.stateMismatch(head: block.header.stateRoot, state: root) }
        var configText: [UInt8] = []
        genesis.config.json.write(to: &configText)
        try persistent.writeStaged { batch in
            try chainStore.writeGenesis(Block(header: block.header), configJSON: configText, to: &batch)
        }
    }

    // MARK: Reading

    /// The header of the last committed block.
    public var head: Header { lock.withLock { headHeader } }

    /// A read-only view of the committed state with root `root` (a committed block's state root), safe
    /// to use on any thread while blocks are being added.
    public func state(at root: Hash) throws -> StateDB {
        StateDB(backend: try TrieStateBackend(store: store, root: root), cachedAccountLimit: 10_000)
    }

    /// The hash of canonical block `number`, for BLOCKHASH.
    func canonicalHash(_ number: UInt64) -> Hash {
        (try? chainStore.canonicalHash(number: number)) ?? .zero
    }

    // MARK: Importing

    /// Verifies and executes `block` on top of the head and commits it. The block must extend the head
    /// (Istanbul BFT has immediate finality: there are no forks to reorganise). On any error nothing is
    /// written and the head stays where it was.
    @discardableResult
    public func importBlock(_ block: Block, recovered: [RecoveredTransaction]? = nil, now: UInt64) throws(BlockError) -> ImportedBlock {
        lock.lock()
        defer { lock.unlock() }
        let parent = headHeader
        let header = block.header
        let number = block.number
        if number <= parent.number.uint64Value ?? .max, (try? chainStore.canonicalHash(number: number)) == block.hash {
            throw .alreadyKnown(number: number, hash: block.hash)
        }
        guard header.parentHash == parent.hash else {
            if number == (parent.number.uint64Value ?? .max) &+ 1 { throw .unknownParent(header.parentHash) }
            throw .notNextBlock(number: number, head: parent.number.uint64Value ?? .max)
        }
        do {
            try engine.verifyHeader(header, parent: parent, validators: validators, now: now)
        } catch {
            throw .consensus(error.description)
        }
        try verifyChainFields(header, parent: parent)
        let author: Address
        do { author = try engine.author(of: header) } catch { throw .consensus(error.description) }
        var clock = BlockTimings.Clock()
        let transactions: [RecoveredTransaction]
        if let recovered { transactions = recovered } else { transactions = try processor.recoverSenders(block.transactions) }
        var timings = BlockTimings(recovery: clock.lap())

        do {
            let execution = try processor.execute(transactions, header: header, author: author, state: persistent.state,
                                                  mode: .strict, blockHash: canonicalHash)
            timings.execution = clock.lap()
            var local = header
            processor.finalize(&local, execution: execution, state: persistent.state)
            if local.transactionsRoot != header.transactionsRoot {
                throw BlockError.transactionsRootMismatch(have: header.transactionsRoot, want: local.transactionsRoot)
            }
            if local.gasUsed != header.gasUsed { throw BlockError.gasUsedMismatch(remote: header.gasUsed, local: local.gasUsed) }
            if local.bloom != header.bloom { throw BlockError.bloomMismatch }
            if local.receiptsRoot != header.receiptsRoot {
                throw BlockError.receiptsRootMismatch(remote: header.receiptsRoot, local: local.receiptsRoot)
            }
            let root: Hash
            do { root = try persistent.stage() } catch { throw BlockError.storage("\(error)") }
            if root != header.stateRoot { throw BlockError.stateRootMismatch(remote: header.stateRoot, local: root) }
            timings.stateRoot = clock.lap()
            try write(block, receipts: execution.receipts, senders: transactions.map(\.sender))
            timings.write = clock.lap()
            return ImportedBlock(receipts: execution.receipts, timings: timings)
        } catch {
            discardUncommittedState()
            throw error as? BlockError ?? .storage("\(error)")
        }
    }

    /// The header checks that belong to the chain rather than to consensus: the KIP-71 base fee and the
    /// absence of Randao fields (Randao is not supported yet).
    func verifyChainFields(_ header: Header, parent: Header) throws(BlockError) {
        let expected = processor.baseFee(childOf: parent)
        if header.baseFee != expected { throw .invalidBaseFee(have: header.baseFee, want: expected) }
        if !header.randomReveal.isEmpty || !header.mixHash.isEmpty { throw .unexpectedRandomness }
    }

    // MARK: Producing

    /// A block executed and staged by ``propose``, sealed by its proposer, waiting for committed seals.
    public struct Proposal: Sendable {
        public let block: Block
        public let receipts: [Receipt]
        public let senders: [Address]
        /// Candidates left out, with the reason (invalid now).
        public let skipped: [(hash: Hash, error: TransactionError)]
        /// Time spent executing and computing the state root.
        public let timings: BlockTimings
    }

    /// What ``importBlock(_:recovered:now:)`` did.
    public struct ImportedBlock: Sendable {
        public let receipts: [Receipt]
        public let timings: BlockTimings
    }

    /// Builds the next block from `candidates` (in order; those that cannot be applied now are skipped,
    /// and none are tried after `budget` nanoseconds of execution), seals it with `proposer`'s key, and
    /// stages its state. Consensus then commits it with ``commit(_:header:)``; until then the head does
    /// not move and no other block can be proposed or imported.
    public func propose(_ candidates: [RecoveredTransaction], proposer: PrivateKey, rewardbase: Address,
                        now: BlockTime, budget: UInt64 = 250_000_000) throws -> Proposal {
        lock.lock()
        defer { lock.unlock() }
        precondition(pending == nil, "a proposal is already waiting for commit")
        let parent = headHeader
        var header = Header()
        engine.prepare(&header, parent: parent, validators: validators, rewardbase: rewardbase, now: now)
        header.baseFee = processor.baseFee(childOf: parent)
        do {
            var clock = BlockTimings.Clock()
            var timings = BlockTimings()
            let deadline = DispatchTime.now().uptimeNanoseconds &+ min(budget, .max / 2)
            let execution = try processor.execute(candidates, header: header, author: proposer.address, state: persistent.state,
                                                  mode: .building(deadline: deadline), blockHash: canonicalHash)
            timings.execution = clock.lap()
            processor.finalize(&header, execution: execution, state: persistent.state)
            header.stateRoot = try persistent.stage()
            timings.stateRoot = clock.lap()
            let sealed = try engine.seal(header, with: proposer, validators: validators)
            let proposal = Proposal(block: Block(header: sealed, transactions: execution.transactions.map(\.transaction)),
                                    receipts: execution.receipts, senders: execution.transactions.map(\.sender),
                                    skipped: execution.skipped, timings: timings)
            pending = proposal
            return proposal
        } catch {
            discardUncommittedState()
            throw error
        }
    }

    /// Commits the pending proposal with `header`: the proposal's header carrying its committed seals
    /// (they do not change the block hash). Checks the seals against the council first. Returns the
    /// nanoseconds the database write took.
    @discardableResult
    public func commit(_ proposal: Proposal, header: Header) throws -> UInt64 {
        lock.lock()
        defer { lock.unlock() }
        guard let pending, pending.block.hash == proposal.block.hash, header.hash == proposal.block.hash else {
            throw ChainError.noSuchProposal
        }
        try engine.verifySeals(header, validators: validators)
        do {
            var clock = BlockTimings.Clock()
            try write(Block(header: header, transactions: pending.block.transactions), receipts: pending.receipts,
                      senders: pending.senders)
            return clock.lap()
        } catch {
            discardUncommittedState()
            throw error
        }
    }

    /// Drops the pending proposal (consensus moved on without it).
    public func abandon(_ proposal: Proposal) throws {
        lock.lock()
        defer { lock.unlock() }
        guard pending?.block.hash == proposal.block.hash else { return }
        discardUncommittedState()
    }

    /// Closes the database once no block is being added: the last step of a graceful shutdown. Every
    /// later read or write fails with the store's `closed` error.
    public func close() {
        lock.withLock { (store as? RocksDBStore)?.close() }
    }

    // MARK: Writing

    /// Writes the staged state with the block, its receipts and indexes, and moves the head. Caller holds the lock.
    private func write(_ block: Block, receipts: [Receipt], senders: [Address]) throws(BlockError) {
        do {
            try persistent.writeStaged { batch in
                chainStore.write(block: block, receipts: receipts, senders: senders, to: &batch,
                                 indexSenderTxHashes: indexesSenderTxHashes)
            }
        } catch {
            throw .storage("\(error)")
        }
        headHeader = block.header
        pending = nil
    }

    /// Throws away state changes not written (an invalid block, an abandoned proposal) by reopening the
    /// state at the committed head. Caller holds the lock.
    private func discardUncommittedState() {
        pending = nil
        if let reopened = try? PersistentState(store: store) { persistent = reopened }
    }
}
