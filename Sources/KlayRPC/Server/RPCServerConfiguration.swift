/// Settings of the HTTP and WebSocket endpoints, named after Klaytn's flags, with Klaytn's defaults
/// (`node/defaults.go`, `cmd/utils/flags.go`, `networks/rpc/*.go` of v1.12.1) except the listening host,
/// which is the loopback address Klaytn's `localhost` resolves to.
public struct RPCServerConfiguration: Sendable {
    /// Whether the HTTP endpoint runs (`--rpc`).
    public var isHTTPEnabled = true
    /// HTTP listening address (`--rpcaddr`).
    public var httpHost = "127.0.0.1"
    /// HTTP port (`--rpcport`, 8551); 0 picks a free port.
    public var httpPort = 8551
    /// Namespaces offered over HTTP (`--rpcapi`).
    public var httpModules = RPCServerConfiguration.defaultModules
    /// Origins allowed cross-origin requests (`--rpccorsdomain`); empty disables CORS handling.
    public var corsAllowedOrigins: [String] = []
    /// Host names accepted in the Host header (`--rpcvhosts`); `*` accepts any.
    public var virtualHosts = ["localhost"]
    /// How long an HTTP request may take before the answer is `503 timeout` (`--rpcexecutiontimeout`, 30 s).
    public var executionTimeout: Duration = .seconds(30)

    /// Whether the WebSocket endpoint runs (`--ws`).
    public var isWebSocketEnabled = true
    /// WebSocket listening address (`--wsaddr`).
    public var webSocketHost = "127.0.0.1"
    /// WebSocket port (`--wsport`, 8552); 0 picks a free port.
    public var webSocketPort = 8552
    /// Namespaces offered over WebSocket (`--wsapi`).
    public var webSocketModules = RPCServerConfiguration.defaultModules
    /// Origins allowed to open WebSocket connections (`--wsorigins`); `*` allows any.
    public var webSocketOrigins: [String] = []
    /// Subscriptions one WebSocket connection may hold (`--wsmaxsubscriptionperconn`, 3000).
    public var maxSubscriptionsPerConnection = 3000
    /// Simultaneous WebSocket connections (`--wsmaxconnections`, 3000).
    public var maxWebSocketConnections = 3000

    /// The largest request: HTTP body or WebSocket message (`common.MaxRequestContentLength`, 512 KiB).
    public var maxRequestContentLength = 512 * 1024

    /// The namespaces Klaytn offers when `--rpcapi`/`--wsapi` is not given (`cmd/utils/config.go`).
    public static let defaultModules = ["net", "web3", "klay", "shh", "eth"]

    /// Klaytn's defaults.
    public init() {}
}
