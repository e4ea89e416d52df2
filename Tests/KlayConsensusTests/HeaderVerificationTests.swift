import KlayConsensus
import KlayPrimitives
import KlayTypes
import Testing

@Suite struct HeaderVerificationTests {
    let keys = ConsensusFixtures.keys(4)
    let outsider = ConsensusFixtures.key(99)
    let engine = ConsensusEngine()
    var validators: ValidatorSet { ValidatorSet(keys.map(\.address)) }
    var parent: Header { ConsensusFixtures.genesis(validators: validators) }
    var proposal: Header { ConsensusFixtures.proposal(on: parent, validators: validators, proposer: keys[0]) }
    var block: Header { ConsensusFixtures.committed(proposal, by: Array(keys[0..<3])) }

    private func verify(_ header: Header, parent: Header? = nil, engine: ConsensusEngine? = nil,
                        now: UInt64? = nil) throws(ConsensusError) {
        try (engine ?? self.engine).verifyHeader(header, parent: parent ?? self.parent, validators: validators,
                                                 now: now ?? ConsensusFixtures.now(at: header))
    }

    /// `header` with its Istanbul extra changed by `change` (the seal is not redone).
    private func editingExtra(_ header: Header, _ change: (inout IstanbulExtra) -> Void) -> Header {
        var extra = try! IstanbulExtra(extra: header.extra)
        change(&extra)
        var edited = header
        edited.extra = extra.encoded
        return edited
    }

    @Test func validBlockPasses() throws {
        try verify(block)
        try verify(ConsensusFixtures.committed(proposal, by: keys))
        try engine.verifySeals(block, validators: validators)
        #expect(try engine.author(of: block) == keys[0].address)
    }

    @Test func genesisPassesStandaloneChecks() throws {
        try verify(parent, parent: parent)
        #expect(throws: ConsensusError.unknownBlock) { try engine.verifySeals(parent, validators: validators) }
    }

    @Test func futureBlock() {
        #expect(throws: ConsensusError.futureBlock) { try verify(block, now: ConsensusFixtures.now(at: block) - 2) }
        // One second ahead is allowed (allowedFutureBlockTime).
        #expect(throws: Never.self) { try verify(block, now: ConsensusFixtures.now(at: block) - 1) }
    }

    @Test func invalidExtraDataFormat() {
        var header = block
        header.extra = [UInt8](repeating: 0, count: 40)
        #expect(throws: ConsensusError.invalidExtraDataFormat) { try verify(header) }
        header.extra = [0]
        #expect(throws: ConsensusError.invalidExtraDataFormat) { try verify(header) }
    }

    @Test func invalidBlockScore() {
        var header = block
        header.blockScore = 2
        #expect(throws: ConsensusError.invalidBlockScore) { try verify(header) }
    }

    @Test func wrongParentHash() {
        var otherParent = parent
        otherParent.gasUsed = 1
        #expect(throws: ConsensusError.unknownAncestor) { try verify(block, parent: otherParent) }
    }

    @Test func wrongNumber() {
        var header = proposal
        header.number = 2
        let resealed = ConsensusFixtures.committed(try! IstanbulSealing.seal(header, with: keys[0]), by: Array(keys[0..<3]))
        #expect(throws: ConsensusError.unknownAncestor) { try verify(resealed) }
    }

    @Test func timestampBeforeBlockPeriod() {
        #expect(throws: ConsensusError.invalidTimestamp) { try verify(block, engine: ConsensusEngine(blockPeriod: 2)) }
    }

    @Test func unauthorizedProposer() {
        let header = ConsensusFixtures.committed(try! IstanbulSealing.seal(proposal, with: outsider), by: Array(keys[0..<3]))
        #expect(throws: ConsensusError.unauthorized) { try verify(header) }
    }

    @Test func malformedProposerSeal() {
        let short = editingExtra(block) { $0.seal.removeLast() }
        #expect(throws: ConsensusError.invalidSignatureLength) { try verify(short) }
        let unsealed = editingExtra(block) { $0.seal = [] }
        #expect(throws: ConsensusError.invalidSignatureLength) { try verify(unsealed) }
        let badRecoveryID = editingExtra(block) { $0.seal[64] = 4 }
        #expect(throws: ConsensusError.invalidRecoveryID) { try verify(badRecoveryID) }
        let zero = editingExtra(block) { $0.seal = [UInt8](repeating: 0, count: 65) }
        #expect(throws: ConsensusError.recoveryFailed) { try verify(zero) }
    }

    @Test func zeroCommittedSeals() throws {
        #expect(throws: ConsensusError.zeroCommittedSeals) { try verify(proposal) }
        // A proposal is checked without committed seals, as Klaytn's backend.Verify does.
        try engine.verifyProposal(proposal, parent: parent, validators: validators, now: ConsensusFixtures.now(at: proposal))
    }

    @Test func tooFewCommittedSeals() {
        #expect(throws: ConsensusError.invalidCommittedSeals) { try verify(ConsensusFixtures.committed(proposal, by: Array(keys[0..<2]))) }
    }

    @Test func duplicateCommittedSeal() {
        let header = ConsensusFixtures.committed(proposal, by: [keys[0], keys[1], keys[1]])
        #expect(throws: ConsensusError.invalidCommittedSeals) { try verify(header) }
    }

    @Test func unknownCommitter() {
        let header = ConsensusFixtures.committed(proposal, by: [keys[0], keys[1], keys[2], outsider])
        #expect(throws: ConsensusError.invalidCommittedSeals) { try verify(header) }
    }

    @Test func malformedCommittedSeal() {
        let short = editingExtra(block) { $0.committedSeals[1].removeLast() }
        #expect(throws: ConsensusError.invalidSignature) { try verify(short) }
        let garbage = editingExtra(block) { $0.committedSeals[0] = [UInt8](repeating: 0, count: 65) }
        #expect(throws: ConsensusError.invalidSignature) { try verify(garbage) }
    }

    /// A committed seal over the wrong data recovers to some other address: an unknown committer.
    @Test func committedSealOverOtherBlock() {
        let wrong = IstanbulSealing.commitSeal(blockHash: parent.hash, with: keys[2])
        let header = editingExtra(block) { $0.committedSeals[2] = wrong }
        #expect(throws: ConsensusError.invalidCommittedSeals) { try verify(header) }
    }

    @Test func singleValidatorNeedsOneSeal() throws {
        let key = ConsensusFixtures.key(1)
        let council = ValidatorSet([key.address])
        let genesis = ConsensusFixtures.genesis(validators: council)
        let header = ConsensusFixtures.committed(
            ConsensusFixtures.proposal(on: genesis, validators: council, proposer: key), by: [key])
        try engine.verifyHeader(header, parent: genesis, validators: council, now: ConsensusFixtures.now(at: header))
    }

    @Test func errorTextsAreKlaytns() {
        let texts: [(ConsensusError, String)] = [
            (.futureBlock, "block in the future"), (.invalidExtraDataFormat, "invalid extra data format"),
            (.invalidBlockScore, "invalid blockscore"), (.unknownAncestor, "unknown ancestor"),
            (.invalidTimestamp, "invalid timestamp"), (.unknownBlock, "unknown block"),
            (.invalidSignatureLength, "invalid signature length"), (.recoveryFailed, "recovery failed"),
            (.unauthorized, "unauthorized"), (.zeroCommittedSeals, "zero committed seals"),
            (.invalidSignature, "invalid signature"), (.invalidCommittedSeals, "invalid committed seals"),
        ]
        for (error, text) in texts { #expect(error.description == text) }
    }
}
