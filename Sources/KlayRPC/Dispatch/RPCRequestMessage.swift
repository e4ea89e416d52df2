import KlayTypes

/// One JSON-RPC message as Klaytn's server reads it (`networks/rpc/json.go` `jsonrpcMessage`).
///
/// Like Go's `encoding/json`, member names match case-insensitively, the last duplicate wins, a member of
/// the wrong type is ignored, and anything that is not an object reads as an empty message. The `jsonrpc`
/// member is not checked, as in Klaytn.
struct RPCRequestMessage {
    /// The `id` as sent (`null` included); nil when absent.
    var id: JSONValue?
    /// The method name; empty when absent or not a string.
    var method = ""
    /// The `params` member as sent; nil when absent.
    var params: JSONValue?
    /// Whether the message carries a `result` member (a response, which a server ignores).
    var hasResult = false
    /// Whether the message carries a non-null `error` member.
    var hasError = false

    init(_ value: JSONValue) {
        guard case .object(let members) = value else { return }
        for member in members {
            switch member.key.lowercased() {
            case "id": id = member.value
            case "method": if case .string(let name) = member.value { method = name }
            case "params": params = member.value
            case "result": hasResult = true
            case "error": if case .null = member.value { hasError = false } else { hasError = true }
            default: continue
            }
        }
    }

    /// An id that can be echoed: present and not an object or array.
    var hasValidID: Bool {
        switch id {
        case nil, .object?, .array?: false
        default: true
        }
    }

    /// A method call without an id: run, never answered.
    var isNotification: Bool { id == nil && !method.isEmpty }

    /// A method call with an id.
    var isCall: Bool { hasValidID && !method.isEmpty }

    /// A response to a call of ours; a server drops it.
    var isResponse: Bool { hasValidID && method.isEmpty && params == nil && (hasResult || hasError) }

    /// A message the server drops without running or answering: responses and subscription notifications.
    var isIgnored: Bool { isResponse || (isNotification && method.hasSuffix("_subscription")) }

    /// The namespace before the first `_`.
    var namespace: String { String(method.prefix { $0 != "_" }) }
}
