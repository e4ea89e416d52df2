/// A block number parameter (Klaytn's `rpc.BlockNumber`): a height, or the tags `latest` and `pending`.
///
/// Like Go's `int64`-backed type, `earliest` is height 0, and a decimal JSON number above 2⁶³−1 wraps to a
/// negative raw value (so `18446744073709551615` means `latest`).
public struct RPCBlockNumber: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// Go's value: −2 pending, −1 latest, otherwise the height.
    public var rawValue: Int64

    public init(rawValue: Int64) { self.rawValue = rawValue }

    /// The block at `height`; heights above `Int64.max` wrap like Go's conversion.
    public init(height: UInt64) { self.rawValue = Int64(bitPattern: height) }

    /// `"pending"`.
    public static let pending = RPCBlockNumber(rawValue: -2)
    /// `"latest"`.
    public static let latest = RPCBlockNumber(rawValue: -1)
    /// `"earliest"`: the genesis block.
    public static let earliest = RPCBlockNumber(rawValue: 0)

    /// The height, or nil for the `latest`/`pending` tags and other negative values.
    public var height: UInt64? { rawValue >= 0 ? UInt64(rawValue) : nil }

    public var description: String {
        switch self {
        case .pending: "pending"
        case .latest: "latest"
        default: String(rawValue)
        }
    }
}
