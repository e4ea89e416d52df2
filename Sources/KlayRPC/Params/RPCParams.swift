import KlayTypes

/// The positional parameters of a call.
///
/// A handler decodes all the parameters its method takes in one ``decode(_:)`` call, which applies Klaytn's
/// rules in Go's order: each supplied value decodes in turn (`invalid argument i: …`), then extra values are
/// refused (`too many arguments, want at most N`), then an omitted required one is reported
/// (`missing value for required argument i`). A method that takes no parameters never calls `decode` and
/// so ignores whatever was sent, as Klaytn does.
public struct RPCParams: Sendable {
    /// The supplied values, in order (empty when `params` was omitted or `null`).
    public let values: [JSONValue]
    /// The index the first decoded parameter has in `values` and in error texts: 1 for subscription
    /// arguments, which follow the subscription name.
    public let firstIndex: Int

    /// Parameters from supplied values.
    public init(_ values: [JSONValue], firstIndex: Int = 0) {
        self.values = values
        self.firstIndex = firstIndex
    }

    /// The values of a request's `params` member: an array, or nothing when it is absent or `null`;
    /// anything else is `-32602 non-array args`.
    init(member params: JSONValue?) throws(RPCError) {
        switch params {
        case nil, .null?: self.init([])
        case .array(let items)?: self.init(items)
        default: throw .invalidParams("non-array args")
        }
    }

    /// Decodes the parameters the method takes, one decoder per parameter.
    public func decode<each Value>(_ decoders: repeat RPCParamDecoder<each Value>) throws(RPCError) -> (repeat each Value) {
        var index = firstIndex
        func next<Decoded>(_ decoder: RPCParamDecoder<Decoded>) throws(RPCError) -> Decoded {
            defer { index += 1 }
            guard index < values.count else {
                guard let absent = decoder.whenAbsent else {
                    throw .invalidParams("missing value for required argument \(index)")
                }
                return absent
            }
            do {
                return try decoder.decode(values[index])
            } catch {
                throw .invalidParams("invalid argument \(index): \(error)")
            }
        }
        let decoded = (repeat try next(each decoders))
        guard values.count <= index else { throw .invalidParams("too many arguments, want at most \(index)") }
        return decoded
    }
}
