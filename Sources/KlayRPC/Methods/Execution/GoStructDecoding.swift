import KlayTypes

/// Decoding a JSON object into a Go struct argument the way `encoding/json` does: keys match field
/// names case-insensitively, a later duplicate wins, unknown keys are ignored, `null` leaves the zero
/// value, and a member that does not decode names its field (`Go struct field CallArgs.gas`).
struct GoStructDecoding {
    /// The Go type named when the argument is not an object (`api.CallArgs`) and in field errors (`CallArgs`).
    let goType: String
    let structName: String
    private var members: [String: (key: String, value: JSONValue)] = [:]

    /// Reads `value` as the struct: an object, or `null` for the zero struct.
    init(_ value: JSONValue, goType: String, structName: String) throws(GoDecodingError) {
        self.goType = goType
        self.structName = structName
        switch value {
        case .null: break
        case .object(let pairs):
            for pair in pairs { members[pair.key.lowercased()] = pair }
        default:
            throw .typeMismatch(value: goKind(value), goType: goType)
        }
    }

    /// Whether the object has a member for field `key` (any case).
    func has(_ key: String) -> Bool { members[key.lowercased()] != nil }

    /// The field `key` decoded with `decoder`, or `absent` when the object has no such member. Errors
    /// name the field `path` (`LogConfig.Limit` for a promoted field), `key` when not given.
    func field<Value>(_ key: String, _ decoder: RPCParamDecoder<Value>, absent: Value, path: String? = nil) throws(GoDecodingError) -> Value {
        guard let member = members[key.lowercased()] else { return absent }
        do {
            return try decoder.decode(member.value)
        } catch {
            throw error.inStructField(structName, key: path ?? key)
        }
    }

    /// A pointer field: absent or `null` gives nil.
    func optional<Value>(_ key: String, _ decoder: RPCParamDecoder<Value>, path: String? = nil) throws(GoDecodingError) -> Value? {
        try field(key, .optional(decoder), absent: nil, path: path)
    }
}
