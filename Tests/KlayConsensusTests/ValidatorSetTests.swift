import KlayConsensus
import KlayPrimitives
import KlayTypes
import Testing

@Suite struct ValidatorSetTests {
    private static func addresses(_ count: Int) -> [Address] { ConsensusFixtures.keys(count).map(\.address) }

    /// F = ceil(n/3) − 1 over min(n, sub); seals needed 2F + 1; core votes `RequiredMessageCount`.
    @Test(arguments: [
        (1, 21, 0, 1, 1), (3, 21, 0, 1, 3), (4, 21, 1, 3, 3), (7, 21, 2, 5, 5),
        (21, 21, 6, 13, 14), (22, 21, 6, 13, 14), (22, 22, 7, 15, 15),
    ])
    func quorumSizes(count: Int, sub: Int, f: Int, sealQuorum: Int, required: Int) {
        let set = ValidatorSet(Self.addresses(count), subGroupSize: UInt64(sub))
        #expect(set.faultTolerance == f)
        #expect(set.committedSealQuorum == sealQuorum)
        #expect(set.requiredMessageCount == required)
        #expect(set.hasWholeCouncilCommittee == (count <= sub))
    }

    /// Klaytn's `TestNormalValSet` (validator/default_test.go): round robin after addr1.
    @Test func roundRobinMatchesKlaytn() throws {
        let addr1 = try Address(hex: "136807B12327a8AfF9831F09617dA1B9D398cda2")
        let addr2 = try Address(hex: "4dd324F9821485caE941640B32c3Bcf1fA6E93E6")
        let set = ValidatorSet([addr2, addr1], policy: .roundRobin)
        #expect(set.addresses == [addr1, addr2])
        #expect(set.proposer(lastProposer: addr1, round: 0) == addr2)
        #expect(set.proposer(lastProposer: addr1, round: 3) == addr1)
        #expect(set.proposer(lastProposer: .zero, round: 3) == addr2)
        #expect(set.proposer(lastProposer: nil, round: 0) == addr1)
    }

    /// Klaytn's `TestStickyProposer`.
    @Test func stickyMatchesKlaytn() throws {
        let addr1 = try Address(hex: "136807B12327a8AfF9831F09617dA1B9D398cda2")
        let addr2 = try Address(hex: "4dd324F9821485caE941640B32c3Bcf1fA6E93E6")
        let set = ValidatorSet([addr1, addr2], policy: .sticky)
        #expect(set.proposer(lastProposer: addr1, round: 0) == addr1)
        #expect(set.proposer(lastProposer: addr1, round: 1) == addr2)
        #expect(set.proposer(lastProposer: .zero, round: 3) == addr2)
    }

    @Test func weightedRandomFallsBackToRoundRobin() {
        let addresses = Self.addresses(4)
        let weighted = ValidatorSet(addresses, policy: .weightedRandom)
        let roundRobin = ValidatorSet(addresses, policy: .roundRobin)
        for last in addresses {
            for round in 0..<6 as Range<UInt64> {
                #expect(weighted.proposer(lastProposer: last, round: round) == roundRobin.proposer(lastProposer: last, round: round))
            }
        }
        #expect(ProposerPolicy(configValue: 2) == .weightedRandom)
        #expect(ProposerPolicy(configValue: 7) == .roundRobin)
    }

    /// Go sorts `Address.String()`, the EIP-55 text, so "0xB2…" (upper-case B) comes before "0xa0…"
    /// and "0xCA…" before "0xbe…", against byte order.
    @Test func ordersByChecksummedText() throws {
        let a0 = try Address(validatingChecksum: "0xa000000000000000000000000000000000000000")
        let b2 = try Address(validatingChecksum: "0xB200000000000000000000000000000000000000")
        let be = try Address(validatingChecksum: "0xbe00000000000000000000000000000000000000")
        let ca = try Address(validatingChecksum: "0xCA00000000000000000000000000000000000000")
        let d0 = try Address(validatingChecksum: "0xD000000000000000000000000000000000000000")
        #expect(ValidatorSet([a0, b2, be, ca, d0]).addresses == [b2, ca, d0, a0, be])
        #expect(ValidatorSet([a0, b2]).proposer(lastProposer: b2, round: 0) == a0)
    }

    @Test func emptySetHasNoProposer() {
        #expect(ValidatorSet([]).proposer(lastProposer: nil, round: 0) == nil)
    }

    /// Baobab's and Cypress's genesis extra data name 4 and 19 validators (spec/chain.md §2.5).
    @Test(arguments: [(BuiltInNetwork.baobab, 4), (.cypress, 19)])
    func builtInGenesisCouncils(network: BuiltInNetwork, count: Int) throws {
        let set = try ValidatorSet(genesis: network.genesis())
        #expect(set.count == count)
        #expect(set.policy == .weightedRandom)
        #expect(set.subGroupSize == 22)
        #expect(set.hasWholeCouncilCommittee)
    }

    @Test func baobabCouncilMembers() throws {
        let set = try ValidatorSet(genesis: BuiltInNetwork.baobab.genesis())
        let expected = try ["0x99fb17d324fa0e07f23b49d09028ac0919414db6", "0xb74ff9dea397fe9e231df545eb53fe2adf776cb2",
                            "0x571e53df607be97431a5bbefca1dffe5aef56f4d", "0x5cb1a7dccbd0dc446e3640898ede8820368554c8"]
            .map { try Address(hex: $0) }
        #expect(Set(set.addresses) == Set(expected))
    }

    @Test func extraThatIsNotIstanbulIsRejected() {
        #expect(throws: ConsensusError.invalidExtraDataFormat) { try ValidatorSet(extra: [1, 2, 3]) }
    }
}
