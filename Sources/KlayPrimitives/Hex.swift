/// Errors from parsing hexadecimal text.
public enum HexError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The text has no `0x`/`0X` prefix where one is required.
    case missingPrefix
    /// The number of hex digits is odd, so they do not make whole bytes.
    case oddLength(digits: Int)
    /// A character that is not a hex digit, at the given offset within the digits (after any prefix).
    case invalidDigit(Character, offset: Int)
    /// The decoded value has a different byte count than the target type needs.
    case wrongLength(expected: Int, actual: Int)

    public var description: String {
        switch self {
        case .missingPrefix: return "hex string without 0x prefix"
        case .oddLength(let digits): return "hex string of odd length (\(digits) digits)"
        case .invalidDigit(let c, let offset): return "invalid hex digit \"\(c)\" at offset \(offset)"
        case .wrongLength(let expected, let actual):
            return "hex string has length \(actual * 2), want \(expected * 2) for a \(expected)-byte value"
        }
    }
}

/// `0x`-prefixed hexadecimal encoding and decoding of byte strings.
public enum Hex {
    /// Whether decoding demands the `0x` prefix.
    public enum PrefixRule: Sendable {
        case required
        case optional
    }

    @usableFromInline static let digits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Decodes hex text (with `0x` unless `prefix` is `.optional` and it is absent) into bytes.
    public static func decode(_ text: some StringProtocol, prefix: PrefixRule = .optional) throws(HexError) -> [UInt8] {
        var utf8 = Substring(text).utf8[...]
        if utf8.count >= 2, utf8.first == UInt8(ascii: "0"),
           utf8.dropFirst().first == UInt8(ascii: "x") || utf8.dropFirst().first == UInt8(ascii: "X") {
            utf8 = utf8.dropFirst(2)
        } else if prefix == .required {
            throw .missingPrefix
        }
        guard utf8.count % 2 == 0 else { throw .oddLength(digits: utf8.count) }
        var out = [UInt8]()
        out.reserveCapacity(utf8.count / 2)
        var offset = 0
        var iterator = utf8.makeIterator()
        while let high = iterator.next(), let low = iterator.next() {
            guard let h = nibble(high) else { throw .invalidDigit(Character(Unicode.Scalar(high)), offset: offset) }
            guard let l = nibble(low) else { throw .invalidDigit(Character(Unicode.Scalar(low)), offset: offset + 1) }
            out.append(h << 4 | l)
            offset += 2
        }
        return out
    }

    /// Decodes hex text into exactly `count` bytes.
    public static func decode(_ text: some StringProtocol, count: Int, prefix: PrefixRule = .optional) throws(HexError) -> [UInt8] {
        let bytes = try decode(text, prefix: prefix)
        guard bytes.count == count else { throw .wrongLength(expected: count, actual: bytes.count) }
        return bytes
    }

    /// Lower-case hex of `bytes`, with the `0x` prefix unless `prefix` is false.
    public static func encode(_ bytes: some Sequence<UInt8>, prefix: Bool = true) -> String {
        var out = [UInt8]()
        out.reserveCapacity(bytes.underestimatedCount * 2 + 2)
        if prefix { out.append(contentsOf: [UInt8(ascii: "0"), UInt8(ascii: "x")]) }
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The value of one ASCII hex digit, or nil.
    @inlinable
    public static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c &- UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c &- UInt8(ascii: "a") &+ 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c &- UInt8(ascii: "A") &+ 10
        default: return nil
        }
    }
}
