/// A strict RLP decoder that reads items one after another from a byte slice.
///
/// Results are slices of the input, so nothing is copied. Only the canonical encoding of
/// each value is accepted: a single byte below 0x80 stands for itself, headers use the short
/// form for payloads under 56 bytes and carry no leading zero bytes, integers have no leading
/// zero bytes, and no length runs past its input or its enclosing list. A method that throws
/// leaves the reader where it was. Call `finish()` after the last expected item to reject
/// trailing data.
public struct RLPReader: Sendable {
    /// What the next item is.
    public enum Kind: Sendable, Equatable {
        /// A byte string (also how integers and booleans are encoded).
        case bytes
        /// A list of items.
        case list
    }

    /// The unread input.
    private var remaining: ArraySlice<UInt8>
    /// Whether `remaining` is a list's payload, which only changes which error an overlong item reports.
    private let insideList: Bool

    /// A reader over `bytes`, which should hold one or more complete items.
    public init(_ bytes: ArraySlice<UInt8>) {
        self.init(bytes, insideList: false)
    }

    /// A reader over `bytes`, which should hold one or more complete items.
    public init(_ bytes: [UInt8]) {
        self.init(bytes[...], insideList: false)
    }

    private init(_ bytes: ArraySlice<UInt8>, insideList: Bool) {
        remaining = bytes
        self.insideList = insideList
    }

    /// Whether every byte has been read.
    public var isAtEnd: Bool { remaining.isEmpty }

    /// The kind of the next item, judged from its first byte alone; nil at the end.
    public var peekKind: Kind? {
        remaining.first.map { $0 < 0xc0 ? .bytes : .list }
    }

    /// Throws `trailingBytes` unless every byte has been read.
    public func finish() throws(RLPError) {
        guard remaining.isEmpty else { throw .trailingBytes(count: remaining.count) }
    }

    // MARK: Items

    /// Reads a byte string item and returns its payload.
    public mutating func readBytes() throws(RLPError) -> ArraySlice<UInt8> {
        let payload = try nextHeader().expect(.bytes)
        return consume(payload)
    }

    /// Reads an unsigned integer of at most `maxBytes` bytes and returns its minimal
    /// big-endian bytes (empty for zero).
    public mutating func readBigEndianInteger(maxBytes: Int = 32) throws(RLPError) -> ArraySlice<UInt8> {
        let payload = try nextHeader().expect(.bytes)
        guard payload.count <= maxBytes else { throw .integerOverflow }
        guard remaining[payload].first != 0 else { throw .nonCanonicalInteger }
        return consume(payload)
    }

    /// Reads an unsigned integer that fits in 64 bits.
    public mutating func readUInt64() throws(RLPError) -> UInt64 {
        var value: UInt64 = 0
        for byte in try readBigEndianInteger(maxBytes: 8) {
            value = value << 8 | UInt64(byte)
        }
        return value
    }

    /// Reads a boolean, encoded as the integer 0 or 1.
    public mutating func readBool() throws(RLPError) -> Bool {
        var lookahead = self
        let value = try lookahead.readUInt64()
        guard value <= 1 else { throw .invalidBoolean(value) }
        self = lookahead
        return value == 1
    }

    /// Reads a list item and returns a reader over its elements; call `finish()` on that
    /// reader after its last expected element to reject extra ones.
    public mutating func readList() throws(RLPError) -> RLPReader {
        let payload = try nextHeader().expect(.list)
        return RLPReader(consume(payload), insideList: true)
    }

    /// Reads the next item of either kind and returns its whole encoding, header included.
    ///
    /// Only the item's header is checked; the contents of a list are not.
    public mutating func readRaw() throws(RLPError) -> ArraySlice<UInt8> {
        let header = try nextHeader()
        return consume(remaining.startIndex..<header.payload.upperBound)
    }

    // MARK: Headers

    /// A decoded item header: the item's kind and where its payload lies in the input.
    private struct Header {
        var kind: Kind
        var payload: Range<Int>

        /// The payload's range, or an error if the item is of the other kind.
        func expect(_ expected: Kind) throws(RLPError) -> Range<Int> {
            guard kind == expected else { throw expected == .list ? .expectedList : .expectedString }
            return payload
        }
    }

    /// Returns the bytes in `range` (which starts at or after the read position) and moves past them.
    private mutating func consume(_ range: Range<Int>) -> ArraySlice<UInt8> {
        let bytes = remaining[range]
        remaining = remaining[range.upperBound...]
        return bytes
    }

    /// Parses and checks the header of the next item without moving past it.
    private func nextHeader() throws(RLPError) -> Header {
        guard let first = remaining.first else { throw .unexpectedEnd }
        let start = remaining.startIndex
        let kind: Kind
        let headerSize: Int
        let length: Int
        switch first {
        case 0x00...0x7f:
            return Header(kind: .bytes, payload: start..<start + 1)
        case 0x80...0xb7:
            (kind, headerSize, length) = (.bytes, 1, Int(first - 0x80))
        case 0xb8...0xbf:
            kind = .bytes
            (headerSize, length) = try longFormSize(width: Int(first - 0xb7))
        case 0xc0...0xf7:
            (kind, headerSize, length) = (.list, 1, Int(first - 0xc0))
        default:
            kind = .list
            (headerSize, length) = try longFormSize(width: Int(first - 0xf7))
        }
        let available = remaining.count - headerSize
        guard length <= available else { throw tooLong(needed: length, available: available) }
        let payloadStart = start + headerSize
        if kind == .bytes, length == 1, remaining[payloadStart] < 0x80 { throw .singleByteWrapped }
        return Header(kind: kind, payload: payloadStart..<payloadStart + length)
    }

    /// Reads the `width`-byte length field after a long-form type byte; returns the header size and payload length.
    private func longFormSize(width: Int) throws(RLPError) -> (headerSize: Int, length: Int) {
        let available = remaining.count - 1
        guard width <= available else { throw tooLong(needed: width, available: available) }
        let field = remaining.dropFirst().prefix(width)
        guard field.first != 0 else { throw .nonCanonicalSize }
        var length: UInt64 = 0
        for byte in field {
            length = length << 8 | UInt64(byte)  // width <= 8, so this cannot overflow
        }
        guard length <= UInt64(Int.max) else { throw .lengthOverflow }
        guard length >= 56 else { throw .nonCanonicalSize }
        return (1 + width, Int(length))
    }

    private func tooLong(needed: Int, available: Int) -> RLPError {
        insideList ? .elementExceedsList(needed: needed, available: available)
            : .lengthPastInput(needed: needed, available: available)
    }
}

extension RLPReader {
    /// Reads a byte string of exactly `T.byteCount` bytes as a fixed-size value (address, hash, bloom).
    public mutating func readFixed<T: FixedBytes>(_ type: T.Type = T.self) throws(RLPError) -> T {
        let bytes = try readBytes()
        guard bytes.count == T.byteCount else { throw .wrongLength(expected: T.byteCount, actual: bytes.count) }
        return bytes.withUnsafeBytes { T(unsafeBytes: $0.baseAddress!) }
    }

    /// Reads a uint that must fit in one byte.
    public mutating func readUInt8() throws(RLPError) -> UInt8 {
        let value = try readUInt64()
        guard value <= UInt8.max else { throw .integerOverflow }
        return UInt8(value)
    }
}
