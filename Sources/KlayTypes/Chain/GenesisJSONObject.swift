import KlayPrimitives

/// One JSON object of a genesis file, read field by field the way Go's `encoding/json` fills the
/// reference's structs: names match ASCII case-insensitively, the last duplicate wins, `null` counts as
/// absent, and unknown members are ignored. Every failure names the field's path.
struct GenesisJSONObject {
    let members: [(key: String, value: JSONValue)]
    let path: String

    init(_ value: JSONValue, path: String) throws(GenesisError) {
        guard case .object(let members) = value else { throw .wrongType(path: path, expected: "an object") }
        self.members = members
        self.path = path
    }

    /// The top-level object of the JSON text `text`, reported at `path`.
    init(parsing text: some Collection<UInt8>, path: String) throws(GenesisError) {
        let value: JSONValue
        do {
            value = try JSONValue(parsing: text)
        } catch {
            throw .invalidJSON(offset: error.offset, reason: error.reason)
        }
        try self.init(value, path: path)
    }

    /// The path of member `key`.
    func path(_ key: String) -> String { path.isEmpty ? key : path + "." + key }

    /// The value of member `key`, or nil when it is absent or null.
    func value(_ key: String) -> JSONValue? {
        let wanted = Array(key.utf8.map(Self.lowercased))
        guard let member = members.last(where: { $0.key.utf8.map(Self.lowercased) == wanted }) else { return nil }
        if case .null = member.value { return nil }
        return member.value
    }

    func object(_ key: String) throws(GenesisError) -> GenesisJSONObject? {
        guard let value = value(key) else { return nil }
        return try GenesisJSONObject(value, path: path(key))
    }

    func string(_ key: String) throws(GenesisError) -> String? {
        guard let value = value(key) else { return nil }
        guard case .string(let text) = value else { throw .wrongType(path: path(key), expected: "a string") }
        return text
    }

    func bool(_ key: String) throws(GenesisError) -> Bool? {
        guard let value = value(key) else { return nil }
        guard case .bool(let flag) = value else { throw .wrongType(path: path(key), expected: "true or false") }
        return flag
    }

    /// A JSON number holding a non-negative integer that fits 256 bits (Go `*big.Int`).
    func bigInteger(_ key: String) throws(GenesisError) -> UInt256? {
        guard let value = value(key) else { return nil }
        guard case .number(let text) = value else { throw .wrongType(path: path(key), expected: "a number") }
        guard let number = try? UInt256(decimal: text) else { throw .invalidNumber(path: path(key), text: text) }
        return number
    }

    /// A JSON number holding a non-negative integer that fits 64 bits (Go `uint64`).
    func integer(_ key: String) throws(GenesisError) -> UInt64? {
        guard let number = try bigInteger(key) else { return nil }
        guard let small = number.uint64Value else { throw .invalidNumber(path: path(key), text: number.decimalString) }
        return small
    }

    /// A string holding `0x` hex or decimal digits, the empty string meaning zero (Go `HexOrDecimal256`).
    func quantity(_ key: String) throws(GenesisError) -> UInt256? {
        guard let text = try string(key) else { return nil }
        return try Self.quantity(text, path: path(key))
    }

    /// As ``quantity(_:)``, limited to 64 bits (Go `HexOrDecimal64`).
    func quantity64(_ key: String) throws(GenesisError) -> UInt64? {
        guard let text = try string(key) else { return nil }
        guard let small = try Self.quantity(text, path: path(key)).uint64Value else {
            throw .invalidNumber(path: path(key), text: text)
        }
        return small
    }

    /// A `0x`-prefixed hex string of bytes; the empty string means no bytes (Go `hexutil.Bytes`).
    func bytes(_ key: String) throws(GenesisError) -> [UInt8]? {
        guard let text = try string(key) else { return nil }
        if text.isEmpty { return [] }
        do {
            return try Hex.decode(text, prefix: .required)
        } catch {
            throw .invalidHex(path: path(key), error)
        }
    }

    /// A `0x`-prefixed 20-byte hex string (Go `common.Address`).
    func address(_ key: String) throws(GenesisError) -> Address? {
        guard let text = try string(key) else { return nil }
        return try Self.address(text, prefix: .required, path: path(key))
    }

    static func quantity(_ text: String, path: String) throws(GenesisError) -> UInt256 {
        if text.isEmpty { return .zero }
        let isHex = text.hasPrefix("0x") || text.hasPrefix("0X")
        guard let number = isHex ? try? UInt256(hex: text) : try? UInt256(decimal: text) else {
            throw .invalidNumber(path: path, text: text)
        }
        return number
    }

    static func address(_ text: String, prefix: Hex.PrefixRule, path: String) throws(GenesisError) -> Address {
        guard let address = try? Address(bytes: Hex.decode(text, count: Address.byteCount, prefix: prefix)) else {
            throw .invalidAddress(path: path, text: text)
        }
        return address
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }
}
