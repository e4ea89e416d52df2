import KlayPrimitives

/// A JSON value whose objects keep their members in the order they were built, so output is stable.
///
/// ``serialized()`` writes compact JSON the way Go's `encoding/json` does (Klaytn's RPC server), including
/// its escaping of `<`, `>`, `&`, U+2028 and U+2029. Numbers are kept as their JSON text, so integers of any
/// size stay exact.
public enum JSONValue: Sendable, Equatable, CustomStringConvertible {
    case null
    case bool(Bool)
    /// A number as JSON text, e.g. `8` or `1.5e-7`.
    case number(String)
    case string(String)
    case array([JSONValue])
    /// Members in output order; keys are expected to be unique.
    case object([(key: String, value: JSONValue)])

    /// An integer as a JSON number.
    public static func integer(_ value: some BinaryInteger) -> JSONValue { .number(String(value)) }

    /// A JSON-RPC quantity: `0x` hex without leading zeros (`0x0` for zero).
    public static func quantity(_ value: UInt256) -> JSONValue { .string(value.hexString) }

    /// A JSON-RPC quantity.
    public static func quantity(_ value: UInt64) -> JSONValue { .string(UInt256(value).hexString) }

    /// JSON-RPC data: `0x` and two lower-case hex digits per byte (`0x` when empty).
    public static func data(_ bytes: some Sequence<UInt8>) -> JSONValue { .string(Hex.encode(bytes)) }

    /// The value of the last member named `key` of an object; nil for other values or a missing key.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.last { $0.key == key }?.value
    }

    /// An object with `members` set: existing keys get the new value in place, new keys go at the end.
    /// Other values are returned unchanged.
    public func setting(_ members: [(key: String, value: JSONValue)]) -> JSONValue {
        guard case .object(var current) = self else { return self }
        for member in members {
            if let index = current.firstIndex(where: { $0.key == member.key }) {
                current[index].value = member.value
            } else {
                current.append(member)
            }
        }
        return .object(current)
    }

    /// The value with object members in Go's map order (keys compared byte-wise as UTF-8), as
    /// `encoding/json` prints a `map[string]…`; nested objects too when `recursive`.
    public func sortedByKey(recursive: Bool = false) -> JSONValue {
        switch self {
        case .object(let members):
            let sorted = members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            return .object(recursive ? sorted.map { ($0.key, $0.value.sortedByKey(recursive: true)) } : sorted)
        case .array(let items) where recursive:
            return .array(items.map { $0.sortedByKey(recursive: true) })
        default:
            return self
        }
    }

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.number(a), .number(b)): return a == b
        case let (.string(a), .string(b)): return a == b
        case let (.array(a), .array(b)): return a == b
        case let (.object(a), .object(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }

    public var description: String { serialized() }

    // MARK: Writing

    /// Compact JSON text.
    public func serialized() -> String {
        var out: [UInt8] = []
        write(to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the compact JSON text's UTF-8 bytes to `out`.
    public func write(to out: inout [UInt8]) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let value): out.append(contentsOf: (value ? "true" : "false").utf8)
        case .number(let text): out.append(contentsOf: text.utf8)
        case .string(let text): Self.writeString(text, to: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                item.write(to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for (index, member) in members.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                Self.writeString(member.key, to: &out)
                out.append(UInt8(ascii: ":"))
                member.value.write(to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// A quoted string with Go's escapes: `\"`, `\\`, `\n`, `\r`, `\t`, other control characters and
    /// `<`, `>`, `&`, U+2028, U+2029 as `\u00xx`/`\u20xx` (lower-case hex).
    private static func writeString(_ text: String, to out: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        func unicodeEscape(_ value: UInt32) {
            out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u")])
            for shift in stride(from: 12, through: 0, by: -4) { out.append(hex[Int(value >> UInt32(shift) & 0xf)]) }
        }
        out.append(UInt8(ascii: "\""))
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x22: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case 0x5c: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x0a: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0d: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0x00..<0x20, 0x3c, 0x3e, 0x26, 0x2028, 0x2029: unicodeEscape(scalar.value)
            default: UTF8.encode(scalar) { out.append($0) }
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    // MARK: Parsing

    /// Why JSON text was rejected.
    public struct ParseError: Error, Equatable, Sendable, CustomStringConvertible {
        /// Byte offset of the fault.
        public let offset: Int
        public let reason: String
        public var description: String { "invalid JSON at offset \(offset): \(reason)" }
    }

    /// The deepest nesting of arrays and objects ``init(parsing:)`` accepts. Parsing, writing and comparing
    /// recurse once per level, so the cap keeps them well inside a task's stack (Go allows 10 000).
    public static let maxParseDepth = 512

    /// Parses one JSON value (RFC 8259) surrounded by optional whitespace. Like Go's decoder, invalid
    /// UTF-8 and unpaired surrogate escapes become U+FFFD; nesting deeper than ``maxParseDepth`` is refused.
    public init(parsing text: some Collection<UInt8>) throws(ParseError) {
        var parser = Parser(bytes: Array(text))
        parser.skipWhitespace()
        self = try parser.value(depth: 0)
        parser.skipWhitespace()
        guard parser.index == parser.bytes.count else { throw parser.error("data after the value") }
    }

    private struct Parser {
        let bytes: [UInt8]
        var index = 0

        func error(_ reason: String) -> ParseError { ParseError(offset: index, reason: reason) }

        var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func skipWhitespace() {
            while let byte = peek, byte == 0x20 || byte == 0x09 || byte == 0x0a || byte == 0x0d { index += 1 }
        }

        mutating func expect(_ literal: String, _ value: JSONValue) throws(ParseError) -> JSONValue {
            for byte in literal.utf8 {
                guard peek == byte else { throw error("invalid literal") }
                index += 1
            }
            return value
        }

        mutating func value(depth: Int) throws(ParseError) -> JSONValue {
            guard depth < JSONValue.maxParseDepth else { throw error("exceeded max depth") }
            guard let first = peek else { throw error("unexpected end of input") }
            switch first {
            case UInt8(ascii: "{"):
                index += 1
                var members: [(key: String, value: JSONValue)] = []
                skipWhitespace()
                if peek == UInt8(ascii: "}") { index += 1; return .object(members) }
                while true {
                    skipWhitespace()
                    guard peek == UInt8(ascii: "\"") else { throw error("expected a string key") }
                    let key = try string()
                    skipWhitespace()
                    guard peek == UInt8(ascii: ":") else { throw error("expected ':'") }
                    index += 1
                    skipWhitespace()
                    members.append((key, try value(depth: depth + 1)))
                    skipWhitespace()
                    switch peek {
                    case UInt8(ascii: ","): index += 1
                    case UInt8(ascii: "}"): index += 1; return .object(members)
                    default: throw error("expected ',' or '}'")
                    }
                }
            case UInt8(ascii: "["):
                index += 1
                var items: [JSONValue] = []
                skipWhitespace()
                if peek == UInt8(ascii: "]") { index += 1; return .array(items) }
                while true {
                    skipWhitespace()
                    items.append(try value(depth: depth + 1))
                    skipWhitespace()
                    switch peek {
                    case UInt8(ascii: ","): index += 1
                    case UInt8(ascii: "]"): index += 1; return .array(items)
                    default: throw error("expected ',' or ']'")
                    }
                }
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"): return try expect("true", .bool(true))
            case UInt8(ascii: "f"): return try expect("false", .bool(false))
            case UInt8(ascii: "n"): return try expect("null", .null)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
            default: throw error("unexpected character")
            }
        }

        mutating func digits() -> Int {
            let start = index
            while let byte = peek, byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") { index += 1 }
            return index - start
        }

        mutating func number() throws(ParseError) -> String {
            let start = index
            if peek == UInt8(ascii: "-") { index += 1 }
            if peek == UInt8(ascii: "0") {
                index += 1
            } else {
                guard digits() > 0 else { throw error("invalid number") }
            }
            if peek == UInt8(ascii: ".") {
                index += 1
                guard digits() > 0 else { throw error("invalid number") }
            }
            if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
                index += 1
                if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { index += 1 }
                guard digits() > 0 else { throw error("invalid number") }
            }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }

        mutating func hex4() -> UInt32? {
            guard index + 4 <= bytes.count else { return nil }
            var value: UInt32 = 0
            for byte in bytes[index..<index + 4] {
                guard let nibble = Hex.nibble(byte) else { return nil }
                value = value << 4 | UInt32(nibble)
            }
            index += 4
            return value
        }

        mutating func string() throws(ParseError) -> String {
            index += 1  // opening quote
            var scalars = String.UnicodeScalarView()
            while true {
                guard let byte = peek else { throw error("unterminated string") }
                switch byte {
                case UInt8(ascii: "\""):
                    index += 1
                    return String(scalars)
                case UInt8(ascii: "\\"):
                    index += 1
                    guard let escape = peek else { throw error("unterminated string") }
                    index += 1
                    switch escape {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scalars.append(Unicode.Scalar(escape))
                    case UInt8(ascii: "b"): scalars.append("\u{08}")
                    case UInt8(ascii: "f"): scalars.append("\u{0c}")
                    case UInt8(ascii: "n"): scalars.append("\n")
                    case UInt8(ascii: "r"): scalars.append("\r")
                    case UInt8(ascii: "t"): scalars.append("\t")
                    case UInt8(ascii: "u"):
                        guard let unit = hex4() else { throw error("invalid \\u escape") }
                        if (0xd800..<0xdc00).contains(unit) {
                            // A high surrogate pairs with a following \uDC00-\uDFFF escape, else it is U+FFFD.
                            let save = index
                            if peek == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u") {
                                index += 2
                                if let low = hex4(), (0xdc00..<0xe000).contains(low) {
                                    scalars.append(Unicode.Scalar(0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00))!)
                                    continue
                                }
                            }
                            index = save
                            scalars.append("\u{fffd}")
                        } else {
                            scalars.append(Unicode.Scalar(unit) ?? "\u{fffd}")
                        }
                    default:
                        throw error("invalid escape")
                    }
                case 0x00..<0x20:
                    throw error("control character in string")
                case 0x00..<0x80:
                    scalars.append(Unicode.Scalar(byte))
                    index += 1
                default:
                    scalars.append(utf8Scalar())
                }
            }
        }

        /// Decodes one UTF-8 sequence at `index`; an invalid byte becomes U+FFFD and is skipped alone
        /// (Go's `utf8.DecodeRune` rule).
        mutating func utf8Scalar() -> Unicode.Scalar {
            let lead = bytes[index]
            let (count, minimum): (Int, UInt32) = switch lead {
            case 0xc2...0xdf: (2, 0x80)
            case 0xe0...0xef: (3, 0x800)
            case 0xf0...0xf4: (4, 0x10000)
            default: (0, 0)
            }
            guard count > 0, index + count <= bytes.count else { index += 1; return "\u{fffd}" }
            var value = UInt32(lead) & (0xff >> (count + 1))
            for byte in bytes[index + 1..<index + count] {
                guard byte & 0xc0 == 0x80 else { index += 1; return "\u{fffd}" }
                value = value << 6 | UInt32(byte & 0x3f)
            }
            guard value >= minimum, let scalar = Unicode.Scalar(value) else { index += 1; return "\u{fffd}" }
            index += count
            return scalar
        }
    }
}

