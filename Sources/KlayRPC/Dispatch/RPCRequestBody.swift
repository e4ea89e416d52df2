import KlayTypes

/// A request body read as Klaytn reads one (`json.Decoder.Decode` of the first value; the rest is ignored).
enum RPCRequestBody {
    /// Nothing but whitespace.
    case empty
    /// The input ended inside the value.
    case truncated
    /// Not JSON: Go's syntax error text.
    case invalid(String)
    /// The first value.
    case message(JSONValue)

    init(_ bytes: [UInt8]) {
        switch GoJSONScanner.scan(bytes) {
        case .empty: self = .empty
        case .truncated: self = .truncated
        case .syntaxError(let text): self = .invalid(text)
        case .value(let range):
            do {
                self = .message(try JSONValue(parsing: bytes[range]))
            } catch {
                self = .invalid(error.reason)
            }
        }
    }
}
