/// What the chain-independent methods (`web3_clientVersion`, `net_*`) report about the node.
public struct RPCNodeInfo: Sendable {
    /// The client name, e.g. `klaytn-swift/v0.1.0/linux-amd64/swift6.1` (Klaytn's form is
    /// `Klaytn/v1.12.1/linux-amd64/go1.20.x`).
    public var clientVersion: String
    /// The network id (`--networkid`).
    public var networkID: UInt64
    /// The number of connected peers.
    public var peerCount: @Sendable () -> Int
    /// Connected peers by node type (`cn`, `pn`, `en`, `bn`) plus `total`.
    public var peerCountByType: @Sendable () -> [String: Int]

    /// Node information; without a peer source the node reports no peers.
    public init(
        clientVersion: String = RPCNodeInfo.clientVersion(),
        networkID: UInt64,
        peerCount: @escaping @Sendable () -> Int = { 0 },
        peerCountByType: @escaping @Sendable () -> [String: Int] = { ["total": 0] }
    ) {
        self.clientVersion = clientVersion
        self.networkID = networkID
        self.peerCount = peerCount
        self.peerCountByType = peerCountByType
    }

    /// A client version in Klaytn's layout: `<name>/<version>/<os>-<arch>/<toolchain>`.
    public static func clientVersion(name: String = "klaytn-swift", version: String = "v0.1.0") -> String {
        "\(name)/\(version)/\(operatingSystem)-\(architecture)/\(toolchain)"
    }

    private static var operatingSystem: String {
        #if os(Linux)
            "linux"
        #elseif os(macOS)
            "darwin"
        #else
            "unknown"
        #endif
    }

    /// The architecture in Go's names.
    private static var architecture: String {
        #if arch(x86_64)
            "amd64"
        #elseif arch(arm64)
            "arm64"
        #else
            "unknown"
        #endif
    }

    private static var toolchain: String {
        #if compiler(>=6.3)
            "swift6.3"
        #elseif compiler(>=6.2)
            "swift6.2"
        #elseif compiler(>=6.1)
            "swift6.1"
        #else
            "swift6"
        #endif
    }
}
