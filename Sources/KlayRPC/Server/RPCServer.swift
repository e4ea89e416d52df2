import Hummingbird
import Logging
import ServiceLifecycle

/// The JSON-RPC server: Klaytn's HTTP endpoint and its WebSocket endpoint on a port of its own, both
/// answering from one ``RPCMethodRegistry`` with the namespaces each endpoint enables.
///
/// ``run()`` fits swift-service-lifecycle's `Service`: it serves until its task is cancelled, then shuts
/// the endpoints down gracefully and returns.
public final class RPCServer: Sendable {
    /// The endpoint settings.
    public let configuration: RPCServerConfiguration
    /// The methods and subscription kinds served.
    public let registry: RPCMethodRegistry
    private let logger: Logger
    private let listening = RPCListeningState()

    /// A server for `registry` with `configuration`, logging to `logger`.
    public init(
        configuration: RPCServerConfiguration = RPCServerConfiguration(),
        registry: RPCMethodRegistry,
        logger: Logger = Logger(label: "klaytn-swift.rpc")
    ) {
        self.configuration = configuration
        self.registry = registry
        self.logger = logger
    }

    /// The bound ports, once every enabled endpoint listens (port 0 in the configuration gives the port
    /// the system chose). Throws ``RPCServerError/notRunning`` if the run ends before that.
    public func listeningPorts() async throws -> RPCListeningPorts {
        try await listening.ports()
    }

    /// Serves until the task is cancelled, then shuts down gracefully (open requests finish, WebSocket
    /// connections get a close frame) and returns; throws if an endpoint cannot start (e.g. its port is taken).
    public func run() async throws {
        listening.starting(http: configuration.isHTTPEnabled, webSocket: configuration.isWebSocketEnabled)
        defer { listening.stopped() }
        var services: [any Service] = []
        if configuration.isHTTPEnabled { services.append(httpApplication()) }
        if configuration.isWebSocketEnabled { services.append(webSocketApplication()) }
        var groupConfiguration = ServiceGroupConfiguration(services: services, logger: logger)
        groupConfiguration.maximumGracefulShutdownDuration = Self.maximumGracefulShutdownDuration
        let group = ServiceGroup(configuration: groupConfiguration)
        // The group runs outside this task so that cancelling the task shuts it down gracefully instead of
        // cancelling the connections.
        let serving = Task { try await group.run() }
        try await withTaskCancellationHandler {
            try await serving.value
        } onCancel: {
            Task { await group.triggerGracefulShutdown() }
        }
    }

    /// How long a graceful shutdown may take before open connections are cancelled.
    private static let maximumGracefulShutdownDuration: Duration = .seconds(10)

    private func httpApplication() -> some ApplicationProtocol {
        let dispatcher = RPCDispatcher(registry: registry, modules: configuration.httpModules, logger: logger)
        let responder = RPCHTTPResponder(
            dispatcher: dispatcher,
            cors: RPCCORSPolicy(allowedOrigins: configuration.corsAllowedOrigins),
            virtualHosts: RPCVirtualHostPolicy(allowedHosts: configuration.virtualHosts),
            maxContentLength: configuration.maxRequestContentLength,
            executionTimeout: configuration.executionTimeout
        )
        let listening = self.listening
        let logger = self.logger
        return Application(
            responder: responder,
            configuration: .init(address: .hostname(configuration.httpHost, port: configuration.httpPort)),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                logger.info("HTTP endpoint opened", metadata: ["url": "http://\(channel.localAddress?.description ?? "?")"])
                listening.httpBound(port)
            },
            logger: logger
        )
    }

    private func webSocketApplication() -> some ApplicationProtocol {
        let dispatcher = RPCDispatcher(registry: registry, modules: configuration.webSocketModules, logger: logger)
        let endpoint = RPCWebSocketEndpoint(dispatcher: dispatcher, configuration: configuration)
        let listening = self.listening
        let logger = self.logger
        return Application(
            responder: endpoint.plainRequestResponder,
            server: endpoint.serverBuilder,
            configuration: .init(address: .hostname(configuration.webSocketHost, port: configuration.webSocketPort)),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                logger.info("WebSocket endpoint opened", metadata: ["url": "ws://\(channel.localAddress?.description ?? "?")"])
                listening.webSocketBound(port)
            },
            logger: logger
        )
    }
}
