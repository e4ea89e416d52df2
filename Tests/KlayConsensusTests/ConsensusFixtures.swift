import KlayConsensus
import KlayPrimitives
import KlayTypes

/// Deterministic validators and headers shared by the consensus tests.
enum ConsensusFixtures {
    static let genesisTime: UInt64 = 1_700_000_000

    /// The validator key with secret `index` (1-based), so tests never depend on randomness.
    static func key(_ index: Int) -> PrivateKey {
        let hex = String(index, radix: 16)
        return try! PrivateKey(hex: String(repeating: "0", count: 64 - hex.count) + hex)
    }

    /// `count` validator keys, in the council's (Klaytn's) order.
    static func keys(_ count: Int) -> [PrivateKey] {
        let keys = (1...count).map(key)
        let order = ValidatorSet(keys.map(\.address)).addresses
        return order.map { address in keys.first { $0.address == address }! }
    }

    /// A genesis-like parent: number 0, block score 1, the council in its extra.
    static func genesis(validators: ValidatorSet) -> Header {
        var header = Header()
        header.time = UInt256(genesisTime)
        header.extra = IstanbulSealing.preparedExtra(vanity: [], validators: validators.addresses)
        return header
    }

    /// A child of `parent` prepared and sealed by `proposer`, without committed seals.
    static func proposal(on parent: Header, validators: ValidatorSet, proposer: PrivateKey,
                         engine: ConsensusEngine = ConsensusEngine()) -> Header {
        var header = Header()
        engine.prepare(&header, parent: parent, validators: validators, rewardbase: proposer.address,
                       now: BlockTime(seconds: 0))
        return try! engine.seal(header, with: proposer, validators: validators)
    }

    /// `header` with committed seals from `committers`, written in round `round`.
    static func committed(_ header: Header, by committers: [PrivateKey], round: UInt64 = 0) -> Header {
        let seals = committers.map { IstanbulSealing.commitSeal(blockHash: header.hash, with: $0) }
        return try! IstanbulSealing.writeCommittedSeals(header, seals: seals, round: round)
    }

    /// The current time as seen by a verifier right at `header`'s time.
    static func now(at header: Header) -> UInt64 { header.time.uint64Value! }
}
