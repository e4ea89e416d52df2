import KlayTypes

/// A JSON object read the way Go's `encoding/json` fills a struct: keys match the struct's JSON keys
/// exactly or else case-insensitively, unknown keys are ignored, `null` leaves a pointer field nil, and
/// `null` for the whole struct leaves every field at its zero value.
///
/// Errors follow Go's order: a type mismatch Go detects itself (a string for a `bool`, a fraction for an
/// integer) is remembered and decoding goes on, so the first one is reported at the end; an error
/// returned by a field's own unmarshaller (hexutil, addresses) stops decoding at once.
struct GoStructObject {
    /// The Go struct's name as it appears in field errors (`SendTxArgs`).
    let structName: String
    /// The members whose keys name a field, canonicalised to the field's key, in document order.
    let members: [(key: String, value: JSONValue)]
    /// A field path prefix for nested structs (`signatures.` inside `SendTxArgs`), as Go prints it.
    let pathPrefix: String
    private var savedError: GoDecodingError?

    /// Reads `value` as the struct `structName` (Go type `goType` in whole-value errors) with JSON keys `keys`.
    init(_ value: JSONValue, structName: String, goType: String, keys: [String], pathPrefix: String = "") throws(GoDecodingError) {
        self.structName = structName
        self.pathPrefix = pathPrefix
        switch value {
        case .null:
            members = []
        case .object(let raw):
            members = raw.compactMap { member in
                if keys.contains(member.key) { return member }
                guard let key = keys.first(where: { $0.lowercased() == member.key.lowercased() }) else { return nil }
                return (key, member.value)
            }
        default:
            throw .typeMismatch(value: goKind(value), goType: goType)
        }
    }

    /// Decodes a pointer field: `null` gives nil. An error returned by `decoder` ends decoding.
    func pointer<T>(_ key: String, _ value: JSONValue, _ decoder: RPCParamDecoder<T>) throws(GoDecodingError) -> T? {
        if case .null = value { return nil }
        return try field(key, value, decoder)
    }

    /// Decodes a value field (`null` goes to the decoder, as Go hands it to the field's unmarshaller).
    func field<T>(_ key: String, _ value: JSONValue, _ decoder: RPCParamDecoder<T>) throws(GoDecodingError) -> T {
        do {
            return try decoder.decode(value)
        } catch {
            throw error.inStructField(structName, key: pathPrefix + key)
        }
    }

    /// Decodes a pointer field of a kind Go's decoder checks itself (bool, integers, slices): a
    /// mismatch is remembered, the field stays nil and decoding goes on.
    mutating func softPointer<T>(_ key: String, _ value: JSONValue, _ decoder: RPCParamDecoder<T>) -> T? {
        if case .null = value { return nil }
        do {
            return try decoder.decode(value)
        } catch {
            if savedError == nil { savedError = error.inStructField(structName, key: pathPrefix + key) }
            return nil
        }
    }

    /// Records a mismatch found by a nested decode that Go would have saved rather than returned.
    mutating func save(_ error: GoDecodingError) {
        if savedError == nil { savedError = error }
    }

    /// Throws the first remembered mismatch, if any.
    func finish() throws(GoDecodingError) {
        if let savedError { throw savedError }
    }
}

extension RPCParamDecoder where Value == UInt64 {
    /// A Go unsigned integer type named `goType` holding at most `max` (`types.TxType`, `uint`…): a
    /// plain JSON integer, as `encoding/json` reads it.
    static func goUnsigned(_ goType: String, max: UInt64) -> Self {
        Self { (value: JSONValue) throws(GoDecodingError) -> UInt64 in
            switch value {
            case .number(let text):
                guard text.first != "-", let number = UInt64(text), number <= max else {
                    throw .typeMismatch(value: "number \(text)", goType: goType)
                }
                return number
            default:
                throw .typeMismatch(value: goKind(value), goType: goType)
            }
        }
    }
}
