/// A wall-clock reading in a header's resolution: Unix seconds and hundredths of a second
/// (`Header.time`, `Header.timeFoS`). The consensus code never reads a clock; callers pass this in.
public struct BlockTime: Sendable, Equatable {
    /// Unix seconds.
    public var seconds: UInt64
    /// Hundredths of the second, 0…99.
    public var hundredths: UInt8

    public init(seconds: UInt64, hundredths: UInt8 = 0) {
        self.seconds = seconds
        self.hundredths = hundredths
    }
}
