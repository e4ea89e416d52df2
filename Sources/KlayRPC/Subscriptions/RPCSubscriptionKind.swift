import KlayTypes

/// A kind of subscription (`newHeads`, `logs`, …) that `<namespace>_subscribe` can start over WebSocket.
///
/// `start` decodes the kind's arguments (the params after the name, so numbered from 1 in error texts) and
/// returns the stream of notification payloads. The connection reads the stream only after the subscribe
/// answer is written, so events yielded before then are delivered after it (as buffered by the stream).
/// Unsubscribing or disconnecting stops reading and ends the stream, which runs its `onTermination`.
public struct RPCSubscriptionKind: Sendable {
    /// The namespace whose `_subscribe` offers this kind.
    public let namespace: String
    /// The subscription name, the first subscribe parameter.
    public let name: String
    /// Whether the kind takes arguments after the name. A kind without any refuses extra parameters with
    /// `too many arguments, want at most 1`, as Klaytn does; one with arguments checks them in `start`
    /// through ``RPCParams/decode(_:)``.
    public let takesArguments: Bool
    /// Decodes the arguments and returns the notification payloads.
    public let start: @Sendable (RPCParams) async throws(RPCError) -> AsyncStream<JSONValue>

    /// A kind `name` in `namespace`.
    public init(
        namespace: String,
        name: String,
        takesArguments: Bool,
        start: @escaping @Sendable (RPCParams) async throws(RPCError) -> AsyncStream<JSONValue>
    ) {
        self.namespace = namespace
        self.name = name
        self.takesArguments = takesArguments
        self.start = start
    }
}
