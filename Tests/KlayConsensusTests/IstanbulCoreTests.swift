import KlayConsensus
import KlayPrimitives
import KlayTestSupport
import KlayTypes
import Testing

@Suite struct IstanbulCoreTests {
    /// A core whose proposal check is the engine's header verification at the proposal's own time.
    static func core(_ key: PrivateKey) -> IstanbulCore {
        IstanbulCore(key: key) { proposal, parent, validators in
            try ConsensusEngine().verifyProposal(proposal.header, parent: parent, validators: validators,
                                                 now: ConsensusFixtures.now(at: proposal.header))
        }
    }

    @Test func singleValidatorCommitsInOnePass() throws {
        let key = ConsensusFixtures.key(1)
        let validators = ValidatorSet([key.address])
        let genesis = ConsensusFixtures.genesis(validators: validators)
        var core = Self.core(key)
        #expect(try core.handle(.start(parent: genesis, validators: validators)).isEmpty)
        #expect(core.current?.proposer == key.address)

        let proposal = ConsensusFixtures.proposal(on: genesis, validators: validators, proposer: key)
        let actions = try core.handle(.proposal(Block(header: proposal)))

        let codes = actions.compactMap { action -> MessageCode? in
            if case .broadcast(let message) = action { return message.code } else { return nil }
        }
        #expect(codes == [.preprepare, .prepare, .commit])
        guard case .commit(let block) = actions.last else {
            Issue.record("no commit in \(actions)")
            return
        }
        #expect(block.hash == proposal.hash)
        #expect(core.current?.step == .committed)
        try ConsensusEngine().verifyHeader(block.header, parent: genesis, validators: validators,
                                           now: ConsensusFixtures.now(at: block.header))
        #expect(try ConsensusEngine().committers(of: block.header, validators: validators) == [key.address])

        // The next height starts from the committed block; this node proposed it, so round robin
        // with one validator picks it again.
        _ = try core.handle(.start(parent: block.header, validators: validators))
        #expect(core.current?.view == ConsensusView(sequence: 2, round: 0))
        #expect(core.current?.lastProposer == key.address)
        let next = ConsensusFixtures.proposal(on: block.header, validators: validators, proposer: key)
        #expect(try core.handle(.proposal(Block(header: next))).count == 4)
    }

    @Test func proposalFromOtherHeightIsRefused() throws {
        let key = ConsensusFixtures.key(1)
        let validators = ValidatorSet([key.address])
        let genesis = ConsensusFixtures.genesis(validators: validators)
        var core = Self.core(key)
        #expect(throws: IstanbulCoreError.notStarted) { try core.handle(.proposal(Block(header: genesis))) }
        _ = try core.handle(.start(parent: genesis, validators: validators))
        #expect(throws: IstanbulCoreError.oldMessage) { try core.handle(.proposal(Block(header: genesis))) }
        var future = ConsensusFixtures.proposal(on: genesis, validators: validators, proposer: key)
        future.number = 5
        #expect(throws: IstanbulCoreError.futureMessage) { try core.handle(.proposal(Block(header: future))) }
    }

    @Test func startRefusesUnsupportedCouncils() {
        let key = ConsensusFixtures.key(1)
        var core = Self.core(key)
        let genesis = ConsensusFixtures.genesis(validators: ValidatorSet([]))
        #expect(throws: IstanbulCoreError.emptyValidatorSet) { try core.handle(.start(parent: genesis, validators: ValidatorSet([]))) }
        let large = ValidatorSet(ConsensusFixtures.keys(3).map(\.address), subGroupSize: 2)
        #expect(throws: IstanbulCoreError.committeeSelectionUnsupported(councilSize: 3, committeeSize: 2)) {
            try core.handle(.start(parent: genesis, validators: large))
        }
    }

    /// Four validators in one process: every broadcast is delivered to the other three, in the order
    /// `pick` chooses; all four commit the same block with at least the required seals.
    private func runFourValidators(pick: (inout [(to: Int, message: IstanbulMessage)]) -> (to: Int, message: IstanbulMessage)) throws {
        let keys = ConsensusFixtures.keys(4)
        let validators = ValidatorSet(keys.map(\.address))
        let genesis = ConsensusFixtures.genesis(validators: validators)
        var cores = keys.map(Self.core)
        for index in cores.indices { _ = try cores[index].handle(.start(parent: genesis, validators: validators)) }
        let proposerIndex = try #require(keys.firstIndex { $0.address == cores[0].current?.proposer })
        #expect(proposerIndex == 0)  // no last proposer: round 0 picks index 0

        var inFlight: [(to: Int, message: IstanbulMessage)] = []
        var committed: [Int: Block] = [:]
        func deliver(_ actions: [CoreAction], from sender: Int) {
            for action in actions {
                switch action {
                case .broadcast(let message):
                    for receiver in cores.indices where receiver != sender { inFlight.append((receiver, message)) }
                case .commit(let block):
                    committed[sender] = block
                }
            }
        }
        let proposal = ConsensusFixtures.proposal(on: genesis, validators: validators, proposer: keys[proposerIndex])
        deliver(try cores[proposerIndex].handle(.proposal(Block(header: proposal))), from: proposerIndex)
        while !inFlight.isEmpty {
            let (receiver, message) = pick(&inFlight)
            do {
                deliver(try cores[receiver].handle(.message(message)), from: receiver)
            } catch {
                // Only early messages are refused; the receiver keeps them and replays them later.
                #expect(error == .futureMessage)
            }
        }

        #expect(committed.count == 4)
        for (index, block) in committed {
            #expect(block.hash == proposal.hash)
            #expect(cores[index].current?.step == .committed)
            #expect(cores[index].backlog.isEmpty)
            let committers = try ConsensusEngine().committers(of: block.header, validators: validators)
            #expect(committers.count >= validators.requiredMessageCount)
            try ConsensusEngine().verifyHeader(block.header, parent: genesis, validators: validators,
                                               now: ConsensusFixtures.now(at: block.header))
        }
    }

    @Test func fourHonestValidatorsCommitInOrder() throws {
        try runFourValidators { $0.removeFirst() }
    }

    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func fourHonestValidatorsCommitReordered(seed: UInt64) throws {
        var generator = SeededGenerator(seed: seed)
        try runFourValidators { inFlight in inFlight.remove(at: Int.random(in: inFlight.indices, using: &generator)) }
    }

    @Test func refusesMessagesThatBreakTheRules() throws {
        let keys = ConsensusFixtures.keys(4)
        let validators = ValidatorSet(keys.map(\.address))
        let genesis = ConsensusFixtures.genesis(validators: validators)
        var core = Self.core(keys[1])
        _ = try core.handle(.start(parent: genesis, validators: validators))

        // A PRE-PREPARE from someone other than the proposer (keys[0]).
        let proposal = ConsensusFixtures.proposal(on: genesis, validators: validators, proposer: keys[0])
        let preprepare = Preprepare(view: ConsensusView(sequence: 1, round: 0), proposal: Block(header: proposal))
        let fromWrongSender = IstanbulMessage.signed(code: .preprepare, body: preprepare.encoded,
                                                     parentHash: genesis.hash, by: keys[2])
        #expect(throws: IstanbulCoreError.notFromProposer) { try core.handle(.message(fromWrongSender)) }

        // A message signed by a non-validator, and one naming another sender than its signer.
        let outsider = IstanbulMessage.signed(code: .preprepare, body: preprepare.encoded, parentHash: genesis.hash,
                                              by: ConsensusFixtures.key(99))
        #expect(throws: IstanbulCoreError.unauthorizedAddress) { try core.handle(.message(outsider)) }
        var forged = IstanbulMessage.signed(code: .preprepare, body: preprepare.encoded, parentHash: genesis.hash, by: keys[2])
        forged.address = keys[0].address
        #expect(throws: IstanbulCoreError.unauthorizedAddress) { try core.handle(.message(forged)) }

        // A PREPARE before any proposal is early: kept, not counted.
        let subject = Subject(view: preprepare.view, digest: proposal.hash, parentHash: genesis.hash)
        let earlyPrepare = IstanbulMessage.signed(code: .prepare, body: subject.encoded, parentHash: genesis.hash, by: keys[3])
        #expect(throws: IstanbulCoreError.futureMessage) { try core.handle(.message(earlyPrepare)) }
        #expect(core.backlog == [earlyPrepare])

        // A PRE-PREPARE whose block fails verification.
        var badHeader = proposal
        badHeader.blockScore = 2
        let badPreprepare = Preprepare(view: preprepare.view, proposal: Block(header: try IstanbulSealing.seal(badHeader, with: keys[0])))
        let bad = IstanbulMessage.signed(code: .preprepare, body: badPreprepare.encoded, parentHash: genesis.hash, by: keys[0])
        #expect(throws: IstanbulCoreError.invalidProposal("invalid blockscore")) { try core.handle(.message(bad)) }

        // The real PRE-PREPARE: this node prepares, and the kept PREPARE is replayed.
        let real = IstanbulMessage.signed(code: .preprepare, body: preprepare.encoded, parentHash: genesis.hash, by: keys[0])
        let actions = try core.handle(.message(real))
        #expect(actions.count == 1)
        #expect(core.current?.step == .preprepared)
        #expect(core.backlog.isEmpty)
        #expect(Set(core.current?.prepares.keys ?? [:].keys) == [keys[1].address, keys[3].address])

        // Votes about another block, and a COMMIT whose seal is not the sender's.
        let otherSubject = Subject(view: preprepare.view, digest: genesis.hash, parentHash: genesis.hash)
        let inconsistent = IstanbulMessage.signed(code: .prepare, body: otherSubject.encoded, parentHash: genesis.hash, by: keys[2])
        #expect(throws: IstanbulCoreError.inconsistentSubject) { try core.handle(.message(inconsistent)) }
        let wrongSeal = IstanbulMessage.signed(code: .commit, body: subject.encoded, parentHash: genesis.hash,
                                               committedSeal: IstanbulSealing.commitSeal(blockHash: proposal.hash, with: keys[3]),
                                               by: keys[2])
        #expect(throws: IstanbulCoreError.invalidCommittedSeal) { try core.handle(.message(wrongSeal)) }

        // A vote for an earlier height is old.
        let oldSubject = Subject(view: ConsensusView(sequence: 0, round: 0), digest: proposal.hash, parentHash: genesis.hash)
        let old = IstanbulMessage.signed(code: .prepare, body: oldSubject.encoded, parentHash: genesis.hash, by: keys[2])
        #expect(throws: IstanbulCoreError.oldMessage) { try core.handle(.message(old)) }
    }
}
