import ArgumentParser
import KlayRPC

/// Klaytn's RPC flags: `--rpc --rpcaddr --rpcport --rpcapi --rpccorsdomain --rpcvhosts` for HTTP and
/// `--ws --wsaddr --wsport --wsapi --wsorigins` for WebSocket.
struct RPCOptions: ParsableArguments {
    @Flag(name: .customLong("rpc"), help: "Enable the HTTP JSON-RPC server.")
    var http = false
    @Option(name: .customLong("rpcaddr"), help: "HTTP server listening address.")
    var httpAddress = "127.0.0.1"
    @Option(name: .customLong("rpcport"), help: "HTTP server listening port.")
    var httpPort = 8551
    @Option(name: .customLong("rpcapi"), help: "Namespaces offered over HTTP, comma-separated.")
    var httpModules = RPCServerConfiguration.defaultModules.joined(separator: ",")
    @Option(name: .customLong("rpccorsdomain"), help: "Origins allowed to make cross-origin requests, comma-separated ('*' for any).")
    var corsDomains = ""
    @Option(name: .customLong("rpcvhosts"), help: "Host header values accepted, comma-separated ('*' for any).")
    var virtualHosts = "localhost"
    @Flag(name: .customLong("ws"), help: "Enable the WebSocket JSON-RPC server.")
    var webSocket = false
    @Option(name: .customLong("wsaddr"), help: "WebSocket server listening address.")
    var webSocketAddress = "127.0.0.1"
    @Option(name: .customLong("wsport"), help: "WebSocket server listening port.")
    var webSocketPort = 8552
    @Option(name: .customLong("wsapi"), help: "Namespaces offered over WebSocket, comma-separated.")
    var webSocketModules = RPCServerConfiguration.defaultModules.joined(separator: ",")
    @Option(name: .customLong("wsorigins"), help: "Origins accepted for WebSocket connections, comma-separated ('*' for any).")
    var webSocketOrigins = ""
    @Option(name: .customLong("rpc.gascap"), help: "Gas limit of eth_call/estimateGas (0: no cap).")
    var gasCap: UInt64 = 0
    @Option(name: .customLong("rpc.evmtimeout"), help: "Seconds an eth_call/estimateGas may run (0: no limit).")
    var evmTimeout: Double = 5

    /// The server configuration; `enableAll` turns both endpoints on whatever `--rpc`/`--ws` say (`klay dev`).
    func configuration(enableAll: Bool = false) -> RPCServerConfiguration {
        func list(_ text: String) -> [String] {
            text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        var configuration = RPCServerConfiguration()
        configuration.isHTTPEnabled = http || enableAll
        configuration.httpHost = httpAddress
        configuration.httpPort = httpPort
        configuration.httpModules = list(httpModules)
        configuration.corsAllowedOrigins = list(corsDomains)
        configuration.virtualHosts = list(virtualHosts)
        configuration.isWebSocketEnabled = webSocket || enableAll
        configuration.webSocketHost = webSocketAddress
        configuration.webSocketPort = webSocketPort
        configuration.webSocketModules = list(webSocketModules)
        configuration.webSocketOrigins = list(webSocketOrigins)
        return configuration
    }
}
