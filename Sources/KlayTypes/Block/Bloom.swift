import KlayPrimitives

/// The 2048-bit log bloom of receipts and headers (as Ethereum's): each address and topic sets three
/// bits taken from its keccak256. Stored inline, 256 bytes, no heap.
public struct Bloom: FixedBytes {
    public static let byteCount = 256
    public static let zero = Bloom(storage: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))

    /// The 256 bytes in memory order, as 32 words.
    @usableFromInline var storage: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)

    @usableFromInline init(storage: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)) { self.storage = storage }

    public func withUnsafeBytes<R, E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
        var copy = storage
        return try Swift.withUnsafeBytes(of: &copy) { (raw) throws(E) -> R in try body(raw) }
    }

    public mutating func withUnsafeMutableBytes<R, E: Error>(_ body: (UnsafeMutableRawBufferPointer) throws(E) -> R) throws(E) -> R {
        try Swift.withUnsafeMutableBytes(of: &storage) { (raw) throws(E) -> R in try body(raw) }
    }

    public static func == (lhs: Bloom, rhs: Bloom) -> Bool {
        lhs.withUnsafeBytes { l in rhs.withUnsafeBytes { r in l.elementsEqual(r) } }
    }

    public func hash(into hasher: inout Hasher) {
        withUnsafeBytes { hasher.combine(bytes: $0) }
    }

    /// The three bit positions (0…2047) an entry sets: the low 11 bits of byte pairs 0-1, 2-3 and 4-5 of its keccak.
    static func bits(of entry: some Collection<UInt8>) -> (Int, Int, Int) {
        Keccak256.hash(entry).withUnsafeBytes { h in
            (Int(UInt16(h[0]) << 8 | UInt16(h[1])) & 2047,
             Int(UInt16(h[2]) << 8 | UInt16(h[3])) & 2047,
             Int(UInt16(h[4]) << 8 | UInt16(h[5])) & 2047)
        }
    }

    /// Adds an address or topic.
    public mutating func add(_ entry: some Collection<UInt8>) {
        let (a, b, c) = Bloom.bits(of: entry)
        withUnsafeMutableBytes { bytes in
            for bit in [a, b, c] { bytes[255 - bit / 8] |= 1 << UInt8(bit % 8) }
        }
    }

    /// Whether all three bits of `entry` are set (it may be present; false means it is absent).
    public func mayContain(_ entry: some Collection<UInt8>) -> Bool {
        let (a, b, c) = Bloom.bits(of: entry)
        return withUnsafeBytes { bytes in
            [a, b, c].allSatisfy { bytes[255 - $0 / 8] & (1 << UInt8($0 % 8)) != 0 }
        }
    }

    /// Sets every bit set in `other` (a block's bloom is the union of its receipts').
    public mutating func formUnion(_ other: Bloom) {
        other.withUnsafeBytes { source in
            withUnsafeMutableBytes { target in
                for i in 0..<Bloom.byteCount { target[i] |= source[i] }
            }
        }
    }
}
