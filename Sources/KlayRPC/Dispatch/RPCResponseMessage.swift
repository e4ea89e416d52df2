import KlayTypes

/// The messages a server writes, member for member as Klaytn's `jsonrpcMessage` marshals them.
enum RPCResponseMessage {
    /// `{"jsonrpc":"2.0","id":…,"result":…}`.
    static func result(_ result: JSONValue, id: JSONValue) -> JSONValue {
        .object([("jsonrpc", .string("2.0")), ("id", id), ("result", result)])
    }

    /// `{"jsonrpc":"2.0","id":…,"error":{…}}`; `id` is `null` when the request had no usable id.
    static func error(_ error: RPCError, id: JSONValue = .null) -> JSONValue {
        .object([("jsonrpc", .string("2.0")), ("id", id), ("error", error.json)])
    }

    /// `{"jsonrpc":"2.0","method":"<namespace>_subscription","params":{"subscription":…,"result":…}}`.
    static func notification(namespace: String, subscription: String, result: JSONValue) -> JSONValue {
        .object([
            ("jsonrpc", .string("2.0")),
            ("method", .string(namespace + "_subscription")),
            ("params", .object([("subscription", .string(subscription)), ("result", result)])),
        ])
    }

    /// The bytes written for `message`: compact JSON and a newline, as Go's `json.Encoder` writes.
    static func encoded(_ message: JSONValue) -> [UInt8] {
        var bytes: [UInt8] = []
        message.write(to: &bytes)
        bytes.append(UInt8(ascii: "\n"))
        return bytes
    }
}
