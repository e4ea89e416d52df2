/// Istanbul BFT consensus parameters.
public struct IstanbulConfig: Sendable, Equatable {
    /// Blocks between checkpoints at which votes reset.
    public var epoch: UInt64
    /// Proposer selection: 0 round robin, 1 sticky, 2 weighted random.
    public var proposerPolicy: UInt64
    /// Committee size (JSON key `sub`).
    public var subGroupSize: UInt64

    public init(epoch: UInt64, proposerPolicy: UInt64, subGroupSize: UInt64) {
        self.epoch = epoch
        self.proposerPolicy = proposerPolicy
        self.subGroupSize = subGroupSize
    }
}

/// Clique proof-of-authority parameters (test chains).
public struct CliqueConfig: Sendable, Equatable {
    /// Seconds between blocks.
    public var period: UInt64
    /// Blocks between vote resets.
    public var epoch: UInt64

    public init(period: UInt64, epoch: UInt64) {
        self.period = period
        self.epoch = epoch
    }
}
