/// Why RLP input was rejected.
///
/// Decoding is strict: every value has exactly one accepted encoding, so a hash over
/// re-encoded data always matches the hash over the bytes that were received.
/// Descriptions start with go-ethereum's `rlp` error text where it has one for the same fault.
public enum RLPError: Error, Equatable, Sendable, CustomStringConvertible {
    /// An item was requested but no bytes remain (empty input, or past the end of a list).
    case unexpectedEnd
    /// A header declares more bytes than the input holds.
    case lengthPastInput(needed: Int, available: Int)
    /// A header inside a list declares more bytes than the rest of that list holds.
    case elementExceedsList(needed: Int, available: Int)
    /// A long-form header for a payload under 56 bytes, or a length field with a leading zero byte.
    case nonCanonicalSize
    /// A single byte below 0x80 wrapped in a string header (`0x81 0x00`…`0x81 0x7f`); it must encode as itself.
    case singleByteWrapped
    /// An integer with leading zero bytes (zero itself is the empty string, `0x80`).
    case nonCanonicalInteger
    /// An integer wider than the type it is read into.
    case integerOverflow
    /// A boolean other than 0 or 1.
    case invalidBoolean(UInt64)
    /// A list where a byte string was expected.
    case expectedString
    /// A byte string where a list was expected.
    case expectedList
    /// Bytes remain after the value (or after the last expected element of a list).
    case trailingBytes(count: Int)
    /// A length field larger than any addressable buffer.
    case lengthOverflow
    /// Lists nested deeper than a decoder allows.
    case nestingTooDeep(limit: Int)
    /// A fixed-size value (address, hash, bloom) of the wrong length.
    case wrongLength(expected: Int, actual: Int)

    public var description: String {
        switch self {
        case .unexpectedEnd: return "rlp: unexpected end of input"
        case .lengthPastInput(let needed, let available):
            return "rlp: value size exceeds available input length (\(needed) bytes needed, \(available) available)"
        case .elementExceedsList(let needed, let available):
            return "rlp: element is larger than containing list (\(needed) bytes needed, \(available) left in the list)"
        case .nonCanonicalSize: return "rlp: non-canonical size information"
        case .singleByteWrapped: return "rlp: non-canonical size information (single byte below 0x80 in a string header)"
        case .nonCanonicalInteger: return "rlp: non-canonical integer format"
        case .integerOverflow: return "rlp: uint overflow"
        case .invalidBoolean(let value): return "rlp: invalid boolean value: \(value)"
        case .expectedString: return "rlp: expected String or Byte"
        case .expectedList: return "rlp: expected List"
        case .trailingBytes(let count): return "rlp: input contains more than one value (\(count) bytes left over)"
        case .lengthOverflow: return "rlp: length field exceeds the addressable size"
        case .nestingTooDeep(let limit): return "rlp: lists nested deeper than \(limit) levels"
        case .wrongLength(let expected, let actual):
            return "rlp: input string too \(actual < expected ? "short" : "long") for a \(expected)-byte value (\(actual) bytes)"
        }
    }
}
