import KlayTypes
import Logging
import Testing

@testable import KlayRPC

/// Runs a real server on ephemeral ports for the duration of a test.
enum RPCTestServer {
    static func with(
        _ configure: (inout RPCServerConfiguration) -> Void = { _ in },
        _ body: (RPCListeningPorts) async throws -> Void
    ) async throws {
        var configuration = RPCServerConfiguration()
        configuration.httpPort = 0
        configuration.webSocketPort = 0
        configure(&configuration)
        let registry = RPCDispatcherTests.registry()
        registry.register("klay", "sleep") { _ in
            try? await Task.sleep(for: .seconds(10))
            return .bool(true)
        }
        let (_, terminated) = AsyncStream.makeStream(of: Void.self)
        registry.register(RPCSubscriptionTests.ticksKind(terminated: terminated))
        let server = RPCServer(configuration: configuration, registry: registry, logger: Logger(label: "rpc-test"))
        let running = Task { try await server.run() }
        do {
            try await body(try await server.listeningPorts())
        } catch {
            running.cancel()
            try? await running.value
            throw error
        }
        running.cancel()
        try await running.value
        await #expect(throws: RPCServerError.notRunning) { try await server.listeningPorts() }
    }
}
