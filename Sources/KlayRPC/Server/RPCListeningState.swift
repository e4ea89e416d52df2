import Synchronization

/// The bound ports of a running server and the callers waiting for them.
final class RPCListeningState: Sendable {
    private struct State {
        var expectsHTTP = false
        var expectsWebSocket = false
        var ports = RPCListeningPorts(http: nil, webSocket: nil)
        var isStopped = false
        var waiters: [CheckedContinuation<RPCListeningPorts, any Error>] = []

        var isComplete: Bool {
            (!expectsHTTP || ports.http != nil) && (!expectsWebSocket || ports.webSocket != nil)
        }
    }

    private let state = Mutex(State())

    /// Forgets earlier ports: a run is starting with these endpoints. Callers already waiting keep waiting.
    func starting(http: Bool, webSocket: Bool) {
        state.withLock { state in
            state = State(expectsHTTP: http, expectsWebSocket: webSocket, waiters: state.waiters)
        }
    }

    /// Records the HTTP port.
    func httpBound(_ port: Int) { update { $0.ports.http = port } }

    /// Records the WebSocket port.
    func webSocketBound(_ port: Int) { update { $0.ports.webSocket = port } }

    /// The run ended: waiters fail, and later callers too until the next start.
    func stopped() {
        let waiters = state.withLock { state in
            state.isStopped = true
            state.ports = RPCListeningPorts(http: nil, webSocket: nil)
            defer { state.waiters = [] }
            return state.waiters
        }
        waiters.forEach { $0.resume(throwing: RPCServerError.notRunning) }
    }

    private func update(_ change: (inout State) -> Void) {
        let (waiters, ports) = state.withLock { state -> ([CheckedContinuation<RPCListeningPorts, any Error>], RPCListeningPorts) in
            change(&state)
            guard state.isComplete else { return ([], state.ports) }
            defer { state.waiters = [] }
            return (state.waiters, state.ports)
        }
        waiters.forEach { $0.resume(returning: ports) }
    }

    /// The ports once every enabled endpoint listens.
    func ports() async throws -> RPCListeningPorts {
        try await withCheckedThrowingContinuation { continuation in
            let ready: Result<RPCListeningPorts, any Error>? = state.withLock { state in
                if state.isStopped { return .failure(RPCServerError.notRunning) }
                if state.isComplete, state.expectsHTTP || state.expectsWebSocket { return .success(state.ports) }
                state.waiters.append(continuation)
                return nil
            }
            if let ready { continuation.resume(with: ready) }
        }
    }
}
