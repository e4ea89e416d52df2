import KlayPrimitives
import KlayTypes

/// How one positional parameter decodes, with the Go type Klaytn's method takes there so the error texts
/// match (`invalid argument 0: json: cannot unmarshal non-string into Go value of type common.Address`).
///
/// `whenAbsent` is the value of an omitted trailing parameter; nil means the parameter is required
/// (`missing value for required argument i`). Go pointer parameters are optional: see ``optional(_:)``.
public struct RPCParamDecoder<Value: Sendable>: Sendable {
    /// The value when the parameter is omitted, or nil when it is required.
    public let whenAbsent: Value?
    /// Decodes a present value (which may be `null`).
    public let decode: @Sendable (JSONValue) throws(GoDecodingError) -> Value

    /// A decoder; pass `whenAbsent` to make the parameter optional.
    public init(whenAbsent: Value? = nil, decode: @escaping @Sendable (JSONValue) throws(GoDecodingError) -> Value) {
        self.whenAbsent = whenAbsent
        self.decode = decode
    }

    /// A Go pointer parameter (`*T`): omitted or `null` gives nil, anything else decodes as `wrapped`.
    public static func optional<Wrapped>(_ wrapped: RPCParamDecoder<Wrapped>) -> RPCParamDecoder<Wrapped?>
    where Value == Wrapped? {
        RPCParamDecoder<Wrapped?>(whenAbsent: .some(nil)) { (value: JSONValue) throws(GoDecodingError) -> Wrapped? in
            if case .null = value { return nil }
            return try wrapped.decode(value)
        }
    }
}

/// The JSON kind Go names in type-mismatch errors.
func goKind(_ value: JSONValue) -> String {
    switch value {
    case .null: "null"
    case .bool: "bool"
    case .number: "number"
    case .string: "string"
    case .array: "array"
    case .object: "object"
    }
}

// MARK: Go builtin types (null leaves the zero value)

extension RPCParamDecoder where Value == Bool {
    /// Go `bool`.
    public static var bool: Self {
        Self { (value: JSONValue) throws(GoDecodingError) -> Bool in
            switch value {
            case .null: return false
            case .bool(let flag): return flag
            default: throw .typeMismatch(value: goKind(value), goType: "bool")
            }
        }
    }
}

extension RPCParamDecoder where Value == String {
    /// Go `string`.
    public static var string: Self { goString("string") }

    /// A Go type whose kind is `string`, named `goType` in errors (e.g. `rpc.ID`).
    public static func goString(_ goType: String) -> Self {
        Self { (value: JSONValue) throws(GoDecodingError) -> String in
            switch value {
            case .null: return ""
            case .string(let text): return text
            default: throw .typeMismatch(value: goKind(value), goType: goType)
            }
        }
    }
}

extension RPCParamDecoder where Value == Int {
    /// Go `int` (64-bit): a JSON integer.
    public static var int: Self {
        Self { (value: JSONValue) throws(GoDecodingError) -> Int in
            switch value {
            case .null: return 0
            case .number(let text):
                guard let number = Int(text) else { throw .typeMismatch(value: "number \(text)", goType: "int") }
                return number
            default: throw .typeMismatch(value: goKind(value), goType: "int")
            }
        }
    }
}

extension RPCParamDecoder where Value == UInt64 {
    /// Go `uint64`: a non-negative JSON integer.
    public static var uint64Number: Self {
        Self { (value: JSONValue) throws(GoDecodingError) -> UInt64 in
            switch value {
            case .null: return 0
            case .number(let text):
                guard text.first != "-", let number = UInt64(text) else {
                    throw .typeMismatch(value: "number \(text)", goType: "uint64")
                }
                return number
            default: throw .typeMismatch(value: goKind(value), goType: "uint64")
            }
        }
    }

    /// `hexutil.Uint64`: a `0x` quantity of at most 64 bits.
    public static var uint64: Self { hexQuantity(goType: "hexutil.Uint64") }

    /// `hexutil.Uint`: a `0x` quantity of at most 64 bits (Go's `uint` on 64-bit platforms).
    public static var uint: Self { hexQuantity(goType: "hexutil.Uint") }

    private static func hexQuantity(goType: String) -> Self {
        Self { (value: JSONValue) throws(GoDecodingError) -> UInt64 in
            guard case .string(let text) = value else { throw .typeMismatch(value: "non-string", goType: goType) }
            return try GoHexText.wrapped(goType) { () throws(GoDecodingError) -> UInt64 in
                try GoHexText.uint64(GoHexText.quantityDigits(text))
            }
        }
    }
}

extension RPCParamDecoder where Value == UInt256? {
    /// `*hexutil.Big`: an optional `0x` quantity of at most 256 bits; omitted or `null` gives nil.
    public static var big: Self {
        Self(whenAbsent: .some(nil)) { (value: JSONValue) throws(GoDecodingError) -> UInt256? in
            let goType = "*hexutil.Big"
            switch value {
            case .null: return nil
            case .string(let text):
                return try GoHexText.wrapped(goType) { () throws(GoDecodingError) -> UInt256 in
                    let digits = try GoHexText.quantityDigits(text)
                    guard digits.count <= 64 else { throw .other(GoHexText.big256Range) }
                    guard digits.allSatisfy({ Hex.nibble($0) != nil }) else { throw .other(GoHexText.syntax) }
                    let padded = Array(repeating: UInt8(ascii: "0"), count: digits.count % 2) + digits
                    return UInt256(bigEndian: try GoHexText.bytes(padded[...])) ?? .zero
                }
            default: throw .typeMismatch(value: "non-string", goType: goType)
            }
        }
    }
}

// MARK: Byte strings

extension RPCParamDecoder where Value == [UInt8] {
    /// `hexutil.Bytes`: `0x` and an even number of hex digits (`""` and `"0x"` are empty).
    public static var bytes: Self {
        Self { (value: JSONValue) throws(GoDecodingError) -> [UInt8] in
            let goType = "hexutil.Bytes"
            guard case .string(let text) = value else { throw .typeMismatch(value: "non-string", goType: goType) }
            return try GoHexText.wrapped(goType) { () throws(GoDecodingError) -> [UInt8] in
                try GoHexText.bytes(GoHexText.byteDigits(text, requirePrefix: true))
            }
        }
    }
}

/// hexutil's `UnmarshalFixedJSON`: `0x` and exactly `byteCount` bytes of hex.
func decodeFixedBytes(_ value: JSONValue, byteCount: Int, goType: String) throws(GoDecodingError) -> [UInt8] {
    guard case .string(let text) = value else { throw .typeMismatch(value: "non-string", goType: goType) }
    let digits = try GoHexText.wrapped(goType) { () throws(GoDecodingError) -> ArraySlice<UInt8> in
        try GoHexText.byteDigits(text, requirePrefix: true)
    }
    guard digits.count / 2 == byteCount else {
        throw .other("hex string has length \(digits.count), want \(byteCount * 2) for \(goType)")
    }
    return try GoHexText.wrapped(goType) { () throws(GoDecodingError) -> [UInt8] in try GoHexText.bytes(digits) }
}

extension RPCParamDecoder where Value == Address {
    /// `common.Address`: `0x` and 40 hex digits (any case; no checksum check).
    public static var address: Self {
        Self { (value: JSONValue) throws(GoDecodingError) -> Address in
            let bytes = try decodeFixedBytes(value, byteCount: Address.byteCount, goType: "common.Address")
            return bytes.withUnsafeBytes { Address(unsafeBytes: $0.baseAddress!) }
        }
    }
}

extension RPCParamDecoder where Value == Hash {
    /// `common.Hash`: `0x` and 64 hex digits.
    public static var hash: Self {
        Self { (value: JSONValue) throws(GoDecodingError) -> Hash in
            let bytes = try decodeFixedBytes(value, byteCount: Hash.byteCount, goType: "common.Hash")
            return bytes.withUnsafeBytes { Hash(unsafeBytes: $0.baseAddress!) }
        }
    }
}

// MARK: Block selectors

extension RPCParamDecoder where Value == RPCBlockNumber {
    /// `rpc.BlockNumber`: `"latest"`, `"pending"`, `"earliest"`, a `0x` quantity up to 2⁶³−1
    /// (`Blocknumber too high` above), or a plain JSON integer. `null` is block 0, as in Klaytn.
    public static var blockNumber: Self {
        Self { (value: JSONValue) throws(GoDecodingError) -> RPCBlockNumber in try decodeBlockNumber(value) }
    }
}

func decodeBlockNumber(_ value: JSONValue) throws(GoDecodingError) -> RPCBlockNumber {
    switch value {
    case .null:
        return .earliest
    case .number(let text):
        // Go first tries the value as a decimal uint64; any other number falls through to the hex rules,
        // which reject it for its missing prefix.
        guard text.first != "-", let height = UInt64(text) else { throw .other(GoHexText.missingPrefix) }
        return RPCBlockNumber(height: height)
    case .string(let text):
        switch text {
        case "earliest": return .earliest
        case "latest": return .latest
        case "pending": return .pending
        default:
            let height = try GoHexText.decodeUInt64(text)
            guard height <= UInt64(Int64.max) else { throw .other("Blocknumber too high") }
            return RPCBlockNumber(height: height)
        }
    default:
        throw .other(GoHexText.missingPrefix)
    }
}

extension RPCParamDecoder where Value == RPCBlockNumberOrHash {
    /// `rpc.BlockNumberOrHash`: any block number form, a 66-character block hash, or an object
    /// `{"blockNumber": …}` / `{"blockHash": …, "requireCanonical": …}`.
    public static var blockNumberOrHash: Self {
        Self { (value: JSONValue) throws(GoDecodingError) -> RPCBlockNumberOrHash in
            switch value {
            case .null:
                return RPCBlockNumberOrHash()
            case .object(let members):
                // Go decodes the object into a struct; if that fails it ends up trying a string, whose error
                // is the one reported.
                guard let selector = blockSelector(members) else {
                    throw .typeMismatch(value: "object", goType: "string")
                }
                if selector.blockNumber != nil, selector.blockHash != nil {
                    throw .other("cannot specify both BlockHash and BlockNumber, choose one or the other")
                }
                return selector
            case .number(let text):
                guard text.first != "-", let height = UInt64(text) else {
                    throw .typeMismatch(value: "number", goType: "string")
                }
                return RPCBlockNumberOrHash(blockNumber: RPCBlockNumber(height: height))
            case .string(let text):
                switch text {
                case "earliest": return RPCBlockNumberOrHash(blockNumber: .earliest)
                case "latest": return RPCBlockNumberOrHash(blockNumber: .latest)
                case "pending": return RPCBlockNumberOrHash(blockNumber: .pending)
                default:
                    if text.utf8.count == 66 {
                        // common.Hash.UnmarshalText: bare hexutil errors.
                        let digits = try GoHexText.byteDigits(text, requirePrefix: true)
                        let bytes = try GoHexText.bytes(digits)
                        return RPCBlockNumberOrHash(blockHash: bytes.withUnsafeBytes { Hash(unsafeBytes: $0.baseAddress!) })
                    }
                    let height = try GoHexText.decodeUInt64(text)
                    guard height <= UInt64(Int64.max) else { throw .other("blocknumber too high") }
                    return RPCBlockNumberOrHash(blockNumber: RPCBlockNumber(height: height))
                }
            default:
                throw .typeMismatch(value: goKind(value), goType: "string")
            }
        }
    }
}

/// The struct form of `rpc.BlockNumberOrHash`, decoded like Go's `encoding/json` (keys match
/// case-insensitively, the last duplicate wins, unknown keys are ignored); nil if a member fails.
private func blockSelector(_ members: [(key: String, value: JSONValue)]) -> RPCBlockNumberOrHash? {
    var selector = RPCBlockNumberOrHash()
    for member in members {
        switch member.key.lowercased() {
        case "blocknumber":
            if case .null = member.value {
                selector.blockNumber = nil
            } else {
                guard let number = try? decodeBlockNumber(member.value) else { return nil }
                selector.blockNumber = number
            }
        case "blockhash":
            if case .null = member.value {
                selector.blockHash = nil
            } else {
                guard let hash = try? RPCParamDecoder<Hash>.hash.decode(member.value) else { return nil }
                selector.blockHash = hash
            }
        case "requirecanonical":
            switch member.value {
            case .null: break
            case .bool(let flag): selector.requireCanonical = flag
            default: return nil
            }
        default:
            continue
        }
    }
    return selector
}
