import Dispatch
import Foundation
import Hummingbird
import KlayNode
import KlayRPC
import Logging
import Metrics
import Prometheus

/// Runs a node until SIGINT or SIGTERM: its block loop, the JSON-RPC server and, when asked, the
/// Prometheus endpoint. The first signal shuts down gracefully — the RPC server stops accepting and
/// finishes open requests, the block in progress is completed, and the database is closed when the
/// node is released; a second signal exits at once.
struct NodeRunner {
    let node: LocalNode
    /// Blocks on a timer or on demand; nil on a node that does not produce blocks.
    let trigger: LocalNode.BlockTrigger?
    let rpc: RPCServerConfiguration
    let registry: RPCMethodRegistry
    let prometheusPort: Int?
    let prometheus: PrometheusCollectorRegistry?
    let logger: Logger

    /// Bootstraps swift-metrics with a Prometheus registry (call once, before the node starts) when
    /// `options` asks for metrics.
    static func bootstrapMetrics(_ options: MetricsOptions) -> PrometheusCollectorRegistry? {
        guard options.metrics || options.prometheus else { return nil }
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }

    func run() async throws {
        // Whatever ends the run, RocksDB must be closed before the process exits.
        defer {
            node.services.chain.close()
            logger.info("database closed")
        }
        let stop = ShutdownSignals(logger: logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            if let trigger {
                group.addTask {
                    await node.run(trigger) { error in logger.error("block production failed: \(error)") }
                }
            }
            if rpc.isHTTPEnabled || rpc.isWebSocketEnabled {
                let server = RPCServer(configuration: rpc, registry: registry, logger: Logger(label: "klay.rpc"))
                group.addTask { try await server.run() }
                group.addTask {
                    let ports = try await server.listeningPorts()
                    if let http = ports.http { logger.info("HTTP JSON-RPC listening", metadata: ["url": "http://\(rpc.httpHost):\(http)"]) }
                    if let ws = ports.webSocket { logger.info("WebSocket JSON-RPC listening", metadata: ["url": "ws://\(rpc.webSocketHost):\(ws)"]) }
                }
            }
            if let prometheusPort, let prometheus {
                group.addTask { try await Self.serveMetrics(prometheus, port: prometheusPort, logger: logger) }
            }
            group.addTask {
                await stop.wait()
                logger.info("shutting down: finishing the current block, closing RPC and the database")
                node.stop()
                throw CancellationError()
            }
            do {
                while try await group.next() != nil {}
            } catch is CancellationError {
                group.cancelAll()
                while (try? await group.next()) != nil {}
            }
        }
    }

    /// `GET /metrics` in Prometheus's text format on 0.0.0.0:`port`.
    static func serveMetrics(_ registry: PrometheusCollectorRegistry, port: Int, logger: Logger) async throws {
        let router = Router()
        router.get("metrics") { _, _ -> Response in
            var buffer: [UInt8] = []
            registry.emit(into: &buffer)
            return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4"],
                            body: ResponseBody(byteBuffer: ByteBuffer(bytes: buffer)))
        }
        let app = Application(router: router, configuration: .init(address: .hostname("0.0.0.0", port: port)), logger: logger)
        try await app.runService()
    }
}

/// SIGINT/SIGTERM handling: ``wait()`` returns on the first signal; the second exits the process.
final class ShutdownSignals: @unchecked Sendable {
    private let sources: [DispatchSourceSignal]
    private let (stream, continuation) = AsyncStream<Void>.makeStream()
    private let lock = NSLock()
    private var count = 0

    init(logger: Logger) {
        var sources: [DispatchSourceSignal] = []
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            sources.append(DispatchSource.makeSignalSource(signal: signalNumber, queue: .global()))
        }
        self.sources = sources
        for source in sources {
            source.setEventHandler { [self] in
                let seen = lock.withLock { count += 1; return count }
                if seen >= 2 {
                    logger.warning("second signal: exiting without a graceful shutdown")
                    exit(1)
                }
                continuation.yield()
            }
            source.resume()
        }
    }

    func wait() async {
        for await _ in stream { return }
    }
}
