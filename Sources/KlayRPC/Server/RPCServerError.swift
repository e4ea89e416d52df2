/// Why ``RPCServer/listeningPorts()`` has no ports to give.
public enum RPCServerError: Error, Sendable, Equatable {
    /// The server stopped (or failed to bind) before all endpoints were listening.
    case notRunning
}
