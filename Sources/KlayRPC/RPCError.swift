import KlayTypes

/// A JSON-RPC error object: the `code`, `message` and optional `data` a failed call answers with.
///
/// The factories carry Klaytn's codes and texts (`networks/rpc/errors.go`, `handler.go`, `json.go`).
public struct RPCError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The JSON-RPC error code.
    public var code: Int
    /// The error text.
    public var message: String
    /// Extra data (e.g. revert bytes), written as the `data` member when present.
    public var data: JSONValue?

    /// An error with an explicit code.
    public init(code: Int, message: String, data: JSONValue? = nil) {
        self.code = code
        self.message = message
        self.data = data
    }

    /// The code Klaytn uses for every error a method returns without its own code.
    public static let defaultCode = -32000

    /// `-32000` with `message`: how Klaytn reports an error returned by a method.
    public static func server(_ message: String, data: JSONValue? = nil) -> RPCError {
        RPCError(code: defaultCode, message: message, data: data)
    }

    /// `-32700` with `message`: `parse error` for an unreadable HTTP body; Go's syntax error text over WebSocket.
    public static func parseError(_ message: String = "parse error") -> RPCError {
        RPCError(code: -32700, message: message)
    }

    /// `-32600` with `message` (`invalid request`, `empty batch`).
    public static func invalidRequest(_ message: String = "invalid request") -> RPCError {
        RPCError(code: -32600, message: message)
    }

    /// `-32601 the method <name> does not exist/is not available`.
    public static func methodNotFound(_ method: String) -> RPCError {
        RPCError(code: -32601, message: "the method \(method) does not exist/is not available")
    }

    /// `-32601 no "<name>" subscription in <namespace> namespace`.
    public static func subscriptionNotFound(namespace: String, name: String) -> RPCError {
        RPCError(code: -32601, message: "no \(GoQuote.string(name)) subscription in \(namespace) namespace")
    }

    /// `-32602` with `message` (`invalid argument 0: …`, `too many arguments, want at most N`, …).
    public static func invalidParams(_ message: String) -> RPCError {
        RPCError(code: -32602, message: message)
    }

    /// `-32000 notifications not supported`: a `*_subscribe` call over HTTP.
    public static let notificationsNotSupported = server("notifications not supported")

    /// `-32000 subscription not found`: `*_unsubscribe` with an unknown id.
    public static let unknownSubscription = server("subscription not found")

    /// `-32000` when a connection already holds `limit` subscriptions.
    public static func tooManySubscriptions(limit: Int) -> RPCError {
        server("Maximum \(limit) subscriptions are allowed for a websocket connection. "
            + "The limit can be updated with 'admin_setMaxSubscriptionPerWSConn' API")
    }

    /// The error object: `{"code":…,"message":…}` plus `data` when present.
    public var json: JSONValue {
        var members: [(key: String, value: JSONValue)] = [("code", .integer(code)), ("message", .string(message))]
        if let data { members.append(("data", data)) }
        return .object(members)
    }

    public var description: String { "RPCError(\(code)): \(message)" }
}
