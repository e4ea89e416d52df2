import Foundation

/// The Origin check of the WebSocket handshake (`--wsorigins`), as Klaytn's `wsHandshakeValidator`:
/// a request without an Origin header passes; otherwise the origin (case-insensitive) must be listed or the
/// list must contain `*`. With no list, `http://localhost` and `http://<hostname>` are allowed.
struct RPCWebSocketOriginPolicy: Sendable {
    private let allowsAll: Bool
    private let origins: Set<String>

    init(allowedOrigins: [String], hostname: String = ProcessInfo.processInfo.hostName) {
        allowsAll = allowedOrigins.contains("*")
        var origins = Set(allowedOrigins.filter { !$0.isEmpty }.map { $0.lowercased() })
        if origins.isEmpty {
            origins = ["http://localhost", "http://" + hostname.lowercased()]
        }
        self.origins = origins
    }

    func allows(origin: String?) -> Bool {
        guard let origin else { return true }
        return allowsAll || origins.contains(origin.lowercased())
    }
}
