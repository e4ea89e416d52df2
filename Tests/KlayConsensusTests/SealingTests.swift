import KlayConsensus
import KlayPrimitives
import KlayTypes
import Testing

@Suite struct SealingTests {
    /// Klaytn's `TestPrepareExtra` (backend/engine_test.go): four validators, empty seal, no committed seals.
    @Test func preparedExtraMatchesKlaytn() throws {
        let validators = try ["44add0ec310f115a0e603b2d7db9f067778eaf8a", "294fc7e8f22b3bcdcf955dd7ff3ba2ed833f8212",
                              "6beaaed781d2d2ab6350f5c4566a2c6eaac407a6", "8be76812f765c24641ec63dc2852b378aba2b440"]
            .map { try Address(hex: $0) }
        let expected = [UInt8](repeating: 0, count: 32) + (try Hex.decode(
            "f858f8549444add0ec310f115a0e603b2d7db9f067778eaf8a94294fc7e8f22b3bcdcf955dd7ff3ba2ed833f8212"
                + "946beaaed781d2d2ab6350f5c4566a2c6eaac407a6948be76812f765c24641ec63dc2852b378aba2b44080c0"))
        #expect(IstanbulSealing.preparedExtra(vanity: [], validators: validators) == expected)
        // Extra bytes past the vanity are dropped, as in Klaytn's test.
        #expect(IstanbulSealing.preparedExtra(vanity: [UInt8](repeating: 0, count: 47), validators: validators) == expected)
    }

    @Test func preparedExtraKeepsVanity() throws {
        let vanity = [UInt8](1...32)
        let extra = try IstanbulExtra(extra: IstanbulSealing.preparedExtra(vanity: vanity, validators: []))
        #expect(extra.vanity == vanity)
        #expect(extra.seal.isEmpty && extra.committedSeals.isEmpty)
    }

    @Test func sealRecoversToProposer() throws {
        let keys = ConsensusFixtures.keys(3)
        let validators = ValidatorSet(keys.map(\.address))
        let parent = ConsensusFixtures.genesis(validators: validators)
        let sealed = ConsensusFixtures.proposal(on: parent, validators: validators, proposer: keys[1])
        let extra = try IstanbulExtra(extra: sealed.extra)
        #expect(extra.seal.count == 65)
        #expect(try ConsensusEngine().author(of: sealed) == keys[1].address)
        // The seal is over keccak(sigHash): a second keccak (spec/chain.md §2.3).
        let signature = try Signature(compact65: extra.seal)
        #expect(try signature.recoverAddress(hash: Keccak256.hash(sealed.sealHash.bytes)) == keys[1].address)
        #expect(try signature.recoverAddress(hash: sealed.sealHash) != keys[1].address)
    }

    @Test func sealRefusesNonValidatorKey() {
        let validators = ValidatorSet([ConsensusFixtures.key(1).address])
        let parent = ConsensusFixtures.genesis(validators: validators)
        var header = Header()
        ConsensusEngine().prepare(&header, parent: parent, validators: validators, rewardbase: .zero, now: BlockTime(seconds: 0))
        #expect(throws: ConsensusError.unauthorized) {
            try ConsensusEngine().seal(header, with: ConsensusFixtures.key(2), validators: validators)
        }
    }

    @Test func commitSealSignsHashAndCommitCode() throws {
        let key = ConsensusFixtures.key(5)
        let hash = Keccak256.hash([1, 2, 3])
        let seal = IstanbulSealing.commitSeal(blockHash: hash, with: key)
        #expect(seal.count == 65)
        #expect(IstanbulSealing.committedSealData(blockHash: hash) == hash.bytes + [0x02])
        let digest = Keccak256.hash(hash.bytes + [0x02])
        #expect(try Signature(compact65: seal).recoverAddress(hash: digest) == key.address)
    }

    @Test func committedSealsAndRoundLeaveHashUnchanged() throws {
        let keys = ConsensusFixtures.keys(4)
        let validators = ValidatorSet(keys.map(\.address))
        let parent = ConsensusFixtures.genesis(validators: validators)
        let sealed = ConsensusFixtures.proposal(on: parent, validators: validators, proposer: keys[0])
        let committed = ConsensusFixtures.committed(sealed, by: Array(keys[0..<3]), round: 258)
        let extra = try IstanbulExtra(extra: committed.extra)
        #expect(extra.vanity[31] == 2)  // byte(258)
        #expect(extra.committedSeals.count == 3)
        #expect(committed.hash == sealed.hash)
        #expect(committed.sealHash == sealed.sealHash)
        #expect(try ConsensusEngine().committers(of: committed, validators: validators) == Array(keys[0..<3]).map(\.address))
    }

    /// Klaytn's `TestWriteCommittedSeals`: a seal one byte too long, and no seals, are refused.
    @Test func writeCommittedSealsRefusesBadSeals() {
        let header = ConsensusFixtures.genesis(validators: ValidatorSet([ConsensusFixtures.key(1).address]))
        #expect(throws: ConsensusError.invalidCommittedSeals) {
            try IstanbulSealing.writeCommittedSeals(header, seals: [[UInt8](repeating: 1, count: 66)], round: 0)
        }
        #expect(throws: ConsensusError.invalidCommittedSeals) {
            try IstanbulSealing.writeCommittedSeals(header, seals: [], round: 0)
        }
        var notIstanbul = header
        notIstanbul.extra = [0]
        #expect(throws: ConsensusError.invalidExtraDataFormat) {
            try IstanbulSealing.writeCommittedSeals(notIstanbul, seals: [[UInt8](repeating: 1, count: 65)], round: 0)
        }
    }

    @Test func prepareSchedulesOnePeriodAfterParent() {
        let validators = ValidatorSet([ConsensusFixtures.key(1).address])
        var parent = ConsensusFixtures.genesis(validators: validators)
        parent.timeFoS = 42
        let engine = ConsensusEngine(blockPeriod: 5)
        let rewardbase = ConsensusFixtures.key(9).address

        var early = Header()
        early.blockScore = 7
        engine.prepare(&early, parent: parent, validators: validators, rewardbase: rewardbase,
                       now: BlockTime(seconds: ConsensusFixtures.genesisTime + 1, hundredths: 3))
        #expect(early.time == UInt256(ConsensusFixtures.genesisTime + 5))
        #expect(early.timeFoS == 42)
        #expect(early.number == 1)
        #expect(early.parentHash == parent.hash)
        #expect(early.rewardbase == rewardbase)
        #expect(early.blockScore == .one)
        #expect((try? IstanbulExtra(extra: early.extra))?.validators == validators.addresses)

        var late = Header()
        engine.prepare(&late, parent: parent, validators: validators, rewardbase: rewardbase,
                       now: BlockTime(seconds: ConsensusFixtures.genesisTime + 60, hundredths: 3))
        #expect(late.time == UInt256(ConsensusFixtures.genesisTime + 60))
        #expect(late.timeFoS == 3)
    }

    @Test func signatureRecoveryErrorsUseKlaytnTexts() {
        let data: [UInt8] = [1]
        #expect(throws: ConsensusError.invalidSignatureLength) { try IstanbulSignature.recoverSigner(of: data, signature: []) }
        var signature = IstanbulSignature.sign(data, with: ConsensusFixtures.key(1))
        signature[64] = 27
        #expect(throws: ConsensusError.invalidRecoveryID) { try IstanbulSignature.recoverSigner(of: data, signature: signature) }
        #expect(throws: ConsensusError.recoveryFailed) {
            try IstanbulSignature.recoverSigner(of: data, signature: [UInt8](repeating: 0, count: 65))
        }
        #expect(ConsensusError.invalidRecoveryID.description == "invalid signature recovery id")
    }
}
