/// A value of a fixed number of bytes stored inline (no heap), such as ``Hash`` and ``Address``.
///
/// Conformers keep their bytes in a tuple of integers whose memory is exactly the bytes in order;
/// everything else (hex text, `Codable`, byte access) comes from this protocol.
public protocol FixedBytes: Hashable, Sendable, Codable, CustomStringConvertible, Comparable {
    /// The number of bytes.
    static var byteCount: Int { get }
    /// A value of all zero bytes.
    static var zero: Self { get }
    /// Calls `body` with the bytes.
    func withUnsafeBytes<R, E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R
    /// Calls `body` with the bytes, writable.
    mutating func withUnsafeMutableBytes<R, E: Error>(_ body: (UnsafeMutableRawBufferPointer) throws(E) -> R) throws(E) -> R
}

extension FixedBytes {
    /// Creates a value from exactly `byteCount` bytes.
    @inlinable
    public init<Bytes: Collection<UInt8>>(bytes: Bytes) throws(HexError) {
        guard bytes.count == Self.byteCount else {
            throw .wrongLength(expected: Self.byteCount, actual: bytes.count)
        }
        self = .zero
        withUnsafeMutableBytes { out in _ = out.initializeMemory(as: UInt8.self, from: bytes) }
    }

    /// Creates a value from the first `byteCount` bytes at `pointer`.
    @inlinable
    public init(unsafeBytes pointer: UnsafeRawPointer) {
        self = .zero
        withUnsafeMutableBytes { out in out.baseAddress!.copyMemory(from: pointer, byteCount: Self.byteCount) }
    }

    /// Parses hex text of exactly `byteCount` bytes, with or without the `0x` prefix.
    @inlinable
    public init(hex: some StringProtocol) throws(HexError) {
        try self.init(bytes: Hex.decode(hex, count: Self.byteCount))
    }

    /// The bytes as an array.
    public var bytes: [UInt8] { withUnsafeBytes { Array($0) } }

    /// Lower-case `0x` hex.
    public var hex: String { withUnsafeBytes { Hex.encode($0) } }

    public var description: String { hex }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            self = try Self(bytes: Hex.decode(text, count: Self.byteCount, prefix: .required))
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(hex)
    }

    /// Byte-wise (big-endian) order.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        lhs.withUnsafeBytes { l in rhs.withUnsafeBytes { r in l.lexicographicallyPrecedes(r) } }
    }
}
