/// Encodes values as RLP into one growable byte buffer.
///
/// Every item is written in place: a byte string or integer gets its header and payload
/// appended directly, and a list reserves one header byte, then back-patches it once its
/// payload is written. The payload moves only when it reaches 56 bytes and the header needs
/// the long form. `reset()` empties the buffer but keeps its capacity, so one writer can
/// encode many values without reallocating.
public struct RLPWriter: Sendable {
    @usableFromInline var buffer: [UInt8]

    /// An open list, returned by `beginList()` and closed by `endList(_:)`.
    public struct ListMarker: Sendable {
        let headerOffset: Int
    }

    /// An empty writer with room for `capacity` bytes before it reallocates.
    public init(capacity: Int = 0) {
        buffer = []
        buffer.reserveCapacity(capacity)
    }

    /// Encodes whatever `body` writes and returns the bytes.
    public static func encode<E: Error>(_ body: (inout RLPWriter) throws(E) -> Void) throws(E) -> [UInt8] {
        var writer = RLPWriter()
        try body(&writer)
        return writer.bytes
    }

    /// The encoding written so far.
    public var bytes: [UInt8] { buffer }

    /// The number of bytes written so far.
    public var count: Int { buffer.count }

    /// Calls `body` with the encoding written so far, without copying it.
    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try buffer.withUnsafeBytes(body)
    }

    /// Forgets everything written, keeping the buffer's capacity for the next value.
    public mutating func reset() {
        buffer.removeAll(keepingCapacity: true)
    }

    // MARK: Byte strings

    /// Appends a byte string item. A single byte below 0x80 is its own encoding, without a header.
    @inlinable
    public mutating func append(bytes: some Collection<UInt8>) {
        let count = bytes.count
        if count == 1, let byte = bytes.first, byte < 0x80 {
            buffer.append(byte)
            return
        }
        appendHeader(offset: 0x80, length: count)
        buffer.append(contentsOf: bytes)
    }

    /// Appends UTF-8 text as a byte string item.
    @inlinable
    public mutating func append(string: some StringProtocol) {
        append(bytes: string.utf8)
    }

    // MARK: Integers

    /// Appends an integer as its minimal big-endian bytes; zero is the empty string (`0x80`).
    public mutating func append(_ value: UInt64) {
        if value == 0 {
            buffer.append(0x80)
        } else if value < 0x80 {
            buffer.append(UInt8(value))
        } else {
            let width = Self.byteWidth(value)
            buffer.append(0x80 + UInt8(width))
            appendBigEndian(value, width: width)
        }
    }

    /// Appends a big-endian unsigned integer of any width (e.g. a 256-bit word), dropping its leading zero bytes.
    @inlinable
    public mutating func append(bigEndianInteger bytes: some Collection<UInt8>) {
        append(bytes: bytes.drop(while: { $0 == 0 }))
    }

    /// Appends a boolean as the integer 1 or 0, as go-ethereum does.
    public mutating func append(_ value: Bool) {
        append(value ? 1 as UInt64 : 0)
    }

    // MARK: Pre-encoded items

    /// Appends bytes that are already RLP (one or more complete items), unchanged.
    @inlinable
    public mutating func appendRaw(_ encoded: some Collection<UInt8>) {
        buffer.append(contentsOf: encoded)
    }

    // MARK: Lists

    /// Opens a list: the items appended until the matching `endList(_:)` are its elements.
    ///
    /// Lists nest; close them in reverse order of opening.
    public mutating func beginList() -> ListMarker {
        buffer.append(0xc0)  // placeholder for a short header, patched by endList
        return ListMarker(headerOffset: buffer.count - 1)
    }

    /// Closes the list opened by `beginList()`, writing its header in front of its payload.
    public mutating func endList(_ marker: ListMarker) {
        let headerOffset = marker.headerOffset
        precondition(headerOffset < buffer.count, "RLPWriter.endList: marker from another writer or after reset()")
        let payloadStart = headerOffset + 1
        let length = buffer.count - payloadStart
        if length < 56 {
            buffer[headerOffset] = 0xc0 + UInt8(length)
            return
        }
        // Long form: open room for the length field after the type byte, then fill it in.
        let width = Self.byteWidth(UInt64(length))
        buffer.insert(contentsOf: repeatElement(0, count: width), at: payloadStart)
        buffer[headerOffset] = 0xf7 + UInt8(width)
        for i in 0..<width {
            buffer[payloadStart + i] = UInt8(truncatingIfNeeded: UInt64(length) >> (UInt64(width - 1 - i) * 8))
        }
    }

    /// Appends a list whose elements are what `body` writes.
    ///
    /// If `body` throws, the list is left open and the writer should be reset.
    public mutating func list<E: Error>(_ body: (inout RLPWriter) throws(E) -> Void) throws(E) {
        let marker = beginList()
        try body(&self)
        endList(marker)
    }

    // MARK: Headers

    /// Appends the header of a string (`offset` 0x80) or list (`offset` 0xc0) with a `length`-byte payload.
    @usableFromInline
    mutating func appendHeader(offset: UInt8, length: Int) {
        if length < 56 {
            buffer.append(offset + UInt8(length))
        } else {
            let width = Self.byteWidth(UInt64(length))
            buffer.append(offset + 55 + UInt8(width))
            appendBigEndian(UInt64(length), width: width)
        }
    }

    /// Appends the low `width` bytes of `value`, most significant first.
    mutating func appendBigEndian(_ value: UInt64, width: Int) {
        for shift in stride(from: (width - 1) * 8, through: 0, by: -8) {
            buffer.append(UInt8(truncatingIfNeeded: value >> UInt64(shift)))
        }
    }

    /// The number of bytes in the minimal big-endian form of a non-zero `value`.
    static func byteWidth(_ value: UInt64) -> Int {
        (UInt64.bitWidth - value.leadingZeroBitCount + 7) / 8
    }
}
