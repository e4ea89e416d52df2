/// How the proposer of each round is chosen (`istanbul.ProposerPolicy`, genesis key `istanbul.policy`).
public enum ProposerPolicy: UInt64, Sendable, CaseIterable {
    /// The validator after the last proposer, moved on by the round: `(index(last) + round + 1) % n`.
    case roundRobin = 0
    /// The last proposer again until a round change: `(index(last) + round) % n`.
    case sticky = 1
    /// Klaytn picks from a staking-weighted, pre-shuffled proposer list (and from Randao on, from a
    /// mix-hash shuffle). Without staking information (a private chain without staking contracts)
    /// this implementation selects as ``roundRobin`` does; the staking-weighted list is not built.
    case weightedRandom = 2

    /// The policy for a config value. Klaytn's default validator set treats any value other than
    /// sticky (1) or weighted random (2) as round robin, and so does this.
    public init(configValue: UInt64) {
        self = ProposerPolicy(rawValue: configValue) ?? .roundRobin
    }
}
