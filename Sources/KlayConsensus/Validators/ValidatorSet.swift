import KlayPrimitives
import KlayTypes

/// The council that votes on a block: the validators of the parent block's snapshot, in Klaytn's
/// order, with the fault tolerance and quorums derived from them and the proposer rule.
///
/// Klaytn sorts validators by the text of their EIP-55 checksummed address (`istanbul.Validators.Less`
/// compares `Address.String()`), which is not byte order: at the same position a digit sorts before
/// an upper-case letter, which sorts before a lower-case one. Indexes, and so proposer selection,
/// follow that order here too.
///
/// Only the committee that equals the council (council size ≤ ``subGroupSize``) is supported: the
/// random committee Klaytn draws from larger councils uses Go's `math/rand` stream, which is not
/// reproduced yet (see ``hasWholeCouncilCommittee``).
public struct ValidatorSet: Sendable, Equatable {
    /// Klaytn's default committee size (`istanbul.DefaultConfig.SubGroupSize`).
    public static let defaultSubGroupSize: UInt64 = 21

    /// The validators in Klaytn's order.
    public let addresses: [Address]
    /// The proposer rule.
    public let policy: ProposerPolicy
    /// The committee size (`istanbul.sub`).
    public let subGroupSize: UInt64

    /// A set of `addresses` (any order; they are sorted as Klaytn sorts them).
    public init(_ addresses: [Address], policy: ProposerPolicy = .roundRobin,
                subGroupSize: UInt64 = ValidatorSet.defaultSubGroupSize) {
        self.addresses = addresses
            .map { (address: $0, key: Array($0.checksummed.utf8)) }
            .sorted { $0.key.lexicographicallyPrecedes($1.key) }
            .map(\.address)
        self.policy = policy
        self.subGroupSize = subGroupSize
    }

    /// The council written in a header's Istanbul extra data (the genesis extra holds the first one).
    public init(extra: [UInt8], policy: ProposerPolicy = .roundRobin,
                subGroupSize: UInt64 = ValidatorSet.defaultSubGroupSize) throws(ConsensusError) {
        guard let istanbul = try? IstanbulExtra(extra: extra) else { throw .invalidExtraDataFormat }
        self.init(istanbul.validators, policy: policy, subGroupSize: subGroupSize)
    }

    /// The initial council of a genesis: validators from its extra data, policy and committee size from
    /// its `istanbul` config (Klaytn's defaults, round robin and 21, when the config has none).
    public init(genesis: Genesis) throws(ConsensusError) {
        let istanbul = genesis.config.istanbul
        try self.init(extra: genesis.extraData,
                      policy: ProposerPolicy(configValue: istanbul?.proposerPolicy ?? 0),
                      subGroupSize: istanbul?.subGroupSize ?? Self.defaultSubGroupSize)
    }

    /// The number of validators in the council.
    public var count: Int { addresses.count }

    /// Whether `address` is a validator.
    public func contains(_ address: Address) -> Bool { addresses.contains(address) }

    /// The position of `address` in Klaytn's order, or nil for a non-validator.
    public func index(of address: Address) -> Int? { addresses.firstIndex(of: address) }

    /// The size quorums are computed over: the council, or the committee when the council is larger.
    public var committeeSize: Int {
        UInt64(count) > subGroupSize ? Int(subGroupSize) : count
    }

    /// Whether the committee is the whole council (council size ≤ ``subGroupSize``), the case this
    /// implementation supports.
    public var hasWholeCouncilCommittee: Bool { UInt64(count) <= subGroupSize }

    /// F, the number of faulty validators tolerated: `ceil(committeeSize / 3) − 1` (`ValidatorSet.F()`).
    public var faultTolerance: Int {
        (committeeSize + 2) / 3 - 1
    }

    /// The fewest committed seals a block needs: 2F + 1 (`verifyCommittedSeals` demands more than 2F).
    public var committedSealQuorum: Int { 2 * faultTolerance + 1 }

    /// The PREPARE/COMMIT messages the core waits for (`core.RequiredMessageCount`): the whole committee
    /// below four members, else `ceil(2 · committeeSize / 3)`. It can exceed ``committedSealQuorum``
    /// (7 validators: 5 against 5; 21: 14 against 13).
    public var requiredMessageCount: Int {
        let size = committeeSize
        return size < 4 ? size : (2 * size + 2) / 3
    }

    /// The proposer of `round` after a block proposed by `lastProposer` (nil or the zero address for
    /// none, as after the genesis), per ``policy``; nil for an empty council.
    ///
    /// With no last proposer both rules pick `round % n`. A last proposer that is not in the council
    /// counts as index 0, as in Klaytn's `calcSeed`.
    public func proposer(lastProposer: Address?, round: UInt64) -> Address? {
        guard !addresses.isEmpty else { return nil }
        let n = UInt64(addresses.count)
        let seed: UInt64
        if let lastProposer, lastProposer != .zero {
            let offset = UInt64(index(of: lastProposer) ?? 0) &+ round
            seed = policy == .sticky ? offset : offset &+ 1
        } else {
            seed = round
        }
        return addresses[Int(seed % n)]
    }
}
