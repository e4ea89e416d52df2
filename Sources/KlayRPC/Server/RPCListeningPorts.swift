/// The ports the endpoints are bound to; nil for a disabled endpoint.
public struct RPCListeningPorts: Sendable, Equatable {
    /// The HTTP port.
    public var http: Int?
    /// The WebSocket port.
    public var webSocket: Int?

    /// Ports of the endpoints.
    public init(http: Int?, webSocket: Int?) {
        self.http = http
        self.webSocket = webSocket
    }
}
